// What each number means: the definitions of docs/statistics.md (the engine's), as a formula (KaTeX)
// and a sentence (locale files), shown in a tooltip when a number is hovered or focused, in a
// glossary, and to screen readers through aria-describedby. Shared by the lab and the playground.
import { h, uid, clear } from '../dom.js';
import { renderTex } from '../math.js';

/**
 * One point's cross-entropy from the output layer's pre-activations, in the engine's numerically stable
 * forms: binary on the one output's logit z_n for two classes, softmax over z_n1 … z_nk for more.
 */
const POINT_LOSS = [
  'k = 2{:}\\ \\ \\ell_n &= \\max(z_n, 0) - z_n t_n', '&\\quad + \\log\\!\\big(1 + e^{-|z_n|}\\big)',
  'k > 2{:}\\ \\ \\ell_n &= \\log \\textstyle\\sum_j e^{z_{nj}} - z_{n t_n}',
];
/** Lines of TeX aligned at their '&' (so a long definition stays narrow enough for a phone). */
const lines = (...rows) => `\\begin{aligned} ${rows.join(' \\\\ ')} \\end{aligned}`;

/**
 * Statistic → its formula, given w(word) for the few words inside \text{} (from the locale files,
 * keys lab.tex.*). The sentence is t(`lab.def.<key>`), the name t(`lab.stat.<key>`).
 */
export const DEFINITIONS = Object.freeze({
  loss: () => lines('L &= \\frac{1}{N}\\sum_{n} \\ell_n', ...POINT_LOSS),
  test_loss: (w) => lines(`L_{\\text{${w('test')}}} &= \\frac{1}{N_{\\text{${w('test')}}}}\\sum_{n} \\ell_n`, ...POINT_LOSS),
  saturation: (w) => `\\text{${w('saturation')}} = \\frac{1}{NU}\\,\\#\\big\\{(n, j) : |f'(z_{nj})| < \\theta\\, f'_{\\text{peak}},`
    + '\\ a_{nj} \\neq 0\\big\\},\\quad \\theta = 0.05',
  sparsity: (w) => `\\text{${w('sparsity')}} = \\frac{1}{NU}\\,\\#\\big\\{(n, j) : a_{nj} = 0\\big\\}`,
  dead: (w) => `\\text{${w('dead')}} = \\frac{1}{U}\\,\\#\\big\\{j : a_{nj} = 0 \\text{ ${w('forEvery')} } n\\big\\}`,
  gradient_norm: () => '\\Big\\lVert \\frac{\\partial L}{\\partial W} \\Big\\rVert_F = '
    + '\\sqrt{\\sum_{j,i} \\Big(\\frac{\\partial L}{\\partial w_{ji}}\\Big)^2}',
  grad_pre_norm: () => '\\Big\\lVert \\frac{\\partial L}{\\partial Z} \\Big\\rVert_F = '
    + '\\sqrt{\\sum_{n,j} \\Big(\\frac{\\partial L}{\\partial z_{nj}}\\Big)^2}',
  pre_mean: () => '\\bar z = \\frac{1}{NU}\\sum_{n,j} z_{nj},\\qquad \\sigma_z = \\sqrt{\\frac{1}{NU}\\sum_{n,j} (z_{nj} - \\bar z)^2}',
  act_mean: () => '\\bar a = \\frac{1}{NU}\\sum_{n,j} a_{nj},\\qquad \\sigma_a = \\sqrt{\\frac{1}{NU}\\sum_{n,j} (a_{nj} - \\bar a)^2}',
  pre_hist: () => 'z_{nj} = \\sum_i w_{ji}\\, x_{ni} + b_j',
  act_hist: () => 'a_{nj} = f(z_{nj})',
  alpha: () => '\\text{PReLU}(z) = \\begin{cases} z & z > 0 \\\\ \\alpha z & z \\le 0 \\end{cases},\\qquad '
    + '\\frac{\\partial L}{\\partial \\alpha} = \\sum_{z_{nj} \\le 0} \\frac{\\partial L}{\\partial a_{nj}}\\, z_{nj}',
  accuracy: (w) => lines(`\\text{${w('accuracy')}} &= \\frac{1}{N}\\,\\#\\big\\{n : \\hat t_n = t_n\\big\\}`,
    'k = 2{:}\\ \\ \\hat t_n &= [\\,p_n \\ge 0.5\\,]', 'k > 2{:}\\ \\ \\hat t_n &= \\arg\\max_j p_{nj}'),
});

/** The TeX of statistic `key` in the language of `t`. */
export function definitionTex(key, t) {
  return DEFINITIONS[key]((word) => t(`lab.tex.${word}`));
}

/**
 * createDefinitions(t, root) → {glossary, describedBy(key), attach(element, key, context?), tooltip, destroy()}
 *   glossary           a <details> listing every definition (name, sentence, formula)
 *   describedBy(key)   the id of the definition's text, for aria-describedby
 *   attach(el, key, context)  mark a number: hover/focus shows the tooltip; `context` is a line
 *                      such as "ReLU, layer 3" (a string or a function returning one)
 * The tooltip lives inside `root` (position: relative), so it works in a shadow root.
 */
export function createDefinitions(t, root, keys = Object.keys(DEFINITIONS)) {
  const ids = new Map(keys.map((key) => [key, uid('def')]));
  const glossaryList = h('dl', { class: 'lab-glossary-list' });
  const formulas = [];
  for (const key of keys) {
    const formula = h('div', { class: 'tex tex--block lab-glossary-formula' });
    formulas.push([formula, key]);
    glossaryList.append(
      h('dt', { text: t(`lab.stat.${key}`) }),
      h('dd', {}, h('p', { id: ids.get(key), class: 'lab-glossary-text', text: t(`lab.def.${key}`) }), formula));
  }
  const glossary = h('details', { class: 'lab-glossary' }, h('summary', { text: t('lab.glossary.title') }), glossaryList);
  // The formulas are typeset when the glossary first opens (KaTeX for all of them is most of the
  // time it takes to build the widget); the sentences, which screen readers use, are there at once.
  glossary.addEventListener('toggle', () => {
    if (!glossary.open) return;
    for (const [formula, key] of formulas.splice(0)) renderTex(formula, definitionTex(key, t), { display: false });
  });

  const tipTitle = h('p', { class: 'lab-tip-title' });
  const tipContext = h('p', { class: 'lab-tip-context' });
  const tipText = h('p', { class: 'lab-tip-text' });
  const tipFormula = h('div', { class: 'tex lab-tip-formula' });
  const tooltip = h('div', { class: 'lab-tip', role: 'tooltip', hidden: true, id: uid('tip') }, tipTitle, tipContext, tipText, tipFormula);
  root.append(tooltip);
  const contexts = new WeakMap();
  let current = null;

  function show(element) {
    const key = element.dataset.stat;
    if (!DEFINITIONS[key]) return;
    current = element;
    tipTitle.textContent = t(`lab.stat.${key}`);
    const context = contexts.get(element);
    const contextText = typeof context === 'function' ? context() : context;
    const value = element.textContent.trim();
    tipContext.textContent = contextText ? t('lab.tip.context', { context: contextText, value }) : '';
    tipContext.hidden = !contextText;
    tipText.textContent = t(`lab.def.${key}`);
    clear(tipFormula);
    renderTex(tipFormula, definitionTex(key, t));
    tooltip.hidden = false;
    place(element);
  }
  function place(element) {
    const rootRect = root.getBoundingClientRect();
    const rect = element.getBoundingClientRect();
    const width = Math.min(360, rootRect.width - 8);
    tooltip.style.maxWidth = `${width}px`;
    let left = rect.left - rootRect.left;
    left = Math.max(4, Math.min(left, rootRect.width - tooltip.offsetWidth - 4));
    let top = rect.bottom - rootRect.top + 6;
    if (rect.bottom + tooltip.offsetHeight + 12 > window.innerHeight && rect.top - tooltip.offsetHeight - 6 > 0) {
      top = rect.top - rootRect.top - tooltip.offsetHeight - 6;
    }
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }
  function hide(element) {
    if (element && element !== current) return;
    tooltip.hidden = true;
    current = null;
  }
  const target = (event) => (event.target && event.target.closest ? event.target.closest('[data-stat]') : null);
  const onOver = (event) => { const el = target(event); if (el && root.contains(el)) show(el); };
  const onOut = (event) => {
    const el = target(event);
    if (!el) return;
    const next = event.relatedTarget;
    if (next && next.nodeType === 1 && el.contains(next)) return;
    hide(el);
  };
  const onKey = (event) => { if (event.key === 'Escape' && current) { hide(); } };
  root.addEventListener('pointerover', onOver);
  root.addEventListener('pointerout', onOut);
  root.addEventListener('focusin', onOver);
  root.addEventListener('focusout', onOut);
  root.addEventListener('keydown', onKey);

  return {
    glossary,
    tooltip,
    describedBy: (key) => ids.get(key),
    attach(element, key, context) {
      element.dataset.stat = key;
      if (ids.has(key)) element.setAttribute('aria-describedby', ids.get(key));
      if (context !== undefined) contexts.set(element, context);
      return element;
    },
    /** Re-show the tooltip with fresh numbers if it is open on `element`'s statistic. */
    refresh() { if (current && current.isConnected) show(current); else if (current) hide(); },
    destroy() {
      root.removeEventListener('pointerover', onOver);
      root.removeEventListener('pointerout', onOut);
      root.removeEventListener('focusin', onOver);
      root.removeEventListener('focusout', onOut);
      root.removeEventListener('keydown', onKey);
      tooltip.remove();
    },
  };
}

/**
 * Arrow-key navigation over the number cells of a table (one tab stop for the whole table):
 * ← → ↑ ↓ move, Home / End go to the row's ends. Cells are the table's [data-stat] elements.
 */
export function rovingTable(table) {
  const cells = () => Array.from(table.querySelectorAll('tbody tr')).map((row) => Array.from(row.querySelectorAll('[data-stat]')));
  function reset() {
    const grid = cells();
    let first = true;
    for (const row of grid) for (const cell of row) { cell.tabIndex = first ? 0 : -1; first = false; }
  }
  table.addEventListener('keydown', (event) => {
    const cell = event.target.closest && event.target.closest('[data-stat]');
    if (!cell) return;
    const grid = cells();
    const r = grid.findIndex((row) => row.includes(cell));
    if (r < 0) return;
    const c = grid[r].indexOf(cell);
    let next = null;
    switch (event.key) {
      case 'ArrowRight': next = grid[r][c + 1]; break;
      case 'ArrowLeft': next = grid[r][c - 1]; break;
      case 'ArrowDown': next = grid[r + 1] && grid[r + 1][Math.min(c, grid[r + 1].length - 1)]; break;
      case 'ArrowUp': next = grid[r - 1] && grid[r - 1][Math.min(c, grid[r - 1].length - 1)]; break;
      case 'Home': next = grid[r][0]; break;
      case 'End': next = grid[r][grid[r].length - 1]; break;
      default: return;
    }
    event.preventDefault();
    if (!next) return;
    cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  reset();
  return { reset };
}
