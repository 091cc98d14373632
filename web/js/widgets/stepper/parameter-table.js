// Every parameter of the current pass with its gradient once the backward pass has reached it.
// The graph shows these on the edges when there is room; this table always shows all of them.
import { h, clear } from '../../kit/dom.js';
import { formatNumber } from '../../kit/format.js';
import { sub } from './graph.js';

/** createParameterTable(t) → {element, update({parameters, shown, step, shape})} */
export function createParameterTable(t) {
  const body = h('div', { class: 'parameter-tables' });
  const element = h('details', { class: 'stepper-parameters' }, h('summary', { text: t('parameters.title') }), body);

  function cell(key, valueText, gradientEntry, gradientName, activeKey) {
    const td = h('td', { 'data-key': key, class: key === activeKey ? 'is-active' : undefined },
      h('span', { class: 'param-value', text: valueText }));
    if (gradientEntry) {
      td.append(h('span', {
        class: 'param-gradient', 'data-value': String(gradientEntry.value), text: `${gradientName}=${formatNumber(gradientEntry.value)}`,
      }));
    }
    return td;
  }

  function activeKeyFor(step) {
    if (!step) return null;
    if (step.kind === 'weight_gradient') return `w:${step.layer}:${step.unit}:${step.source}`;
    if (step.kind === 'bias_gradient' || step.kind === 'bias') return `b:${step.layer}:${step.unit}`;
    if (step.kind === 'alpha_gradient') return `alpha:${step.layer}`;
    return null;
  }

  function update({ parameters, shown, step, shape, crowded }) {
    if (crowded && !element.dataset.touched) element.open = true;
    clear(body);
    const activeKey = activeKeyFor(step);
    parameters.forEach((layer, l) => {
      const fanIn = layer.weights[0].length;
      const inputName = l === 0 ? 'x' : 'a';
      const rows = layer.weights.map((row, j) => h('tr', {},
        h('th', { scope: 'row', text: `${j + 1}` }),
        cell(`b:${l}:${j}`, formatNumber(layer.biases[j]), shown.get(`gb:${l}:${j}`), '∂L/∂b', activeKey),
        row.map((w, i) => cell(`w:${l}:${j}:${i}`, formatNumber(w), shown.get(`gw:${l}:${j}:${i}`), '∂L/∂w', activeKey))));
      const caption = l === shape.units.length - 1 ? t('setup.outputLayer') : t('setup.hiddenLayer', { n: l + 1 });
      const table = h('table', { class: 'parameter-table' }, h('caption', { text: caption }),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: t('setup.neuron') }), h('th', { scope: 'col', text: 'b' }),
          Array.from({ length: fanIn }, (_, i) => h('th', { scope: 'col', text: `w·${sub(i + 1)} (${inputName}${sub(i + 1)})` })))),
        h('tbody', {}, rows));
      body.append(h('div', { class: 'table-scroll' }, table));
      if (layer.alpha) {
        const shares = [...shown.entries()].filter(([key]) => key.startsWith(`galpha:${l}:`));
        body.append(h('p', { class: activeKey === `alpha:${l}` ? 'param-alpha is-active' : 'param-alpha' },
          t('parameters.alpha', { layer: l + 1, values: layer.alpha.map((a) => formatNumber(a)).join(', ') }),
          shares.length
            ? ` ${t('parameters.alphaShares', { values: shares.map(([, entry]) => formatNumber(entry.value)).join(', ') })}`
            : ''));
      }
    });
  }

  element.addEventListener('toggle', () => { element.dataset.touched = 'yes'; });
  return { element, update };
}
