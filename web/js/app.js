// The notebook shell: header with title and language switch, table of contents, the column of
// sections from sections/index.js, page-level notices, and the URL hash.
import { h, yieldToBrowser, goToSection, listen } from './kit/dom.js';
import { LANGUAGES, preferredLang, rememberLang, translatorFor } from './kit/i18n.js';
import { loadEngine, engineErrorMessage } from './adapter/engine-loader.js';
import { parseHashParts, formatHashParts, HashError } from './kit/state/hash.js';
import { linkMessage } from './kit/state/messages.js';
import { sections, loadSection } from './sections/index.js';
import { warmOfflineCache } from './kit/offline.js';
import { loadParser } from './kit/exercises/formula.js';
import { texReady } from './kit/math.js';

const HASH_WRITE_DELAY = 150;

// The sections that start within this many screen heights are built before any code of the sections
// below is fetched; the code of the first FIRST_SECTIONS is fetched at once, beside the strings.
const FIRST_SCREEN = 1;
const FIRST_SECTIONS = 2;

async function main() {
  // The engine compiles while the strings arrive and the first sections are built.
  loadEngine().catch(() => { /* reported below, once the page can speak */ });
  sections.slice(0, FIRST_SECTIONS).forEach((entry) => { loadSection(entry).catch(() => {}); });
  let lang = preferredLang();
  let t = await translatorFor(lang);
  const ids = sections.map((section) => section.id);
  const entryOf = (id) => sections.find((entry) => entry.id === id);
  const titleEl = document.getElementById('app-title');
  const taglineEl = document.getElementById('app-tagline');
  const langGroup = document.getElementById('lang-switch');
  const tocNav = document.getElementById('toc');
  const notices = document.getElementById('notices');
  const column = document.getElementById('sections');
  const skipLink = document.getElementById('skip-link');
  const footer = document.getElementById('app-footer');

  // --- notices ------------------------------------------------------------------------------
  const noticeTexts = new Map(); // element → () => text, so a notice follows the language
  function showNotice(kind, textFor) {
    const text = h('p', { class: 'notice-text', text: textFor(t) });
    const close = h('button', { type: 'button', class: 'notice-close', 'aria-label': t('notice.close'), text: '×' });
    const notice = h('div', { class: `notice notice--${kind}`, role: kind === 'loading' ? 'status' : 'alert', 'data-notice': kind }, text);
    if (kind !== 'loading') notice.append(close);
    close.addEventListener('click', () => { notice.remove(); noticeTexts.delete(notice); });
    noticeTexts.set(notice, { text, close, textFor });
    notices.append(notice);
    return notice;
  }
  function removeNotice(notice) { notice.remove(); noticeTexts.delete(notice); }

  // --- the URL hash -------------------------------------------------------------------------
  // The hash holds every widget the reader has changed: "#a?…/b?…", one part per section, the
  // section touched last first (that is where a link points and where a reload scrolls). A widget
  // back at its defaults drops out. `linked` maps section id → its entries, in the link's order.
  const linked = new Map();
  let pointsAt = null; // the section the link points at (its first part)
  const wordingOf = (section) => (section.hash && section.hash.wording) || {};

  /** The entries of a section's default state (decoding an empty part), or null if it has none. */
  const defaultKeys = new Map();
  function defaultEntries(section) {
    if (!defaultKeys.has(section.id)) {
      let text = null;
      try { text = JSON.stringify(section.hash.encode(section.hash.decode(new Map()))); } catch { text = null; }
      defaultKeys.set(section.id, text);
    }
    return defaultKeys.get(section.id);
  }

  function currentHash() {
    const order = sections.filter((section) => linked.has(section.id)).map((section) => section.id);
    if (pointsAt && linked.has(pointsAt)) order.unshift(...order.splice(order.indexOf(pointsAt), 1));
    return formatHashParts(order.map((id) => [id, linked.get(id)]));
  }

  function writeCurrentHash() {
    let hash;
    try {
      hash = currentHash();
    } catch {
      return; // a state too large for a link stays out of the URL
    }
    history.replaceState(null, '', hash || window.location.pathname + window.location.search);
  }

  /**
   * Read the hash: {target, states: Map(id → state), problems: [{section, error}]}. A part that
   * cannot be used is a problem of its own section; the other parts still apply. Rejects with
   * HashError when the hash as a whole is malformed. The sections it names are loaded to read them.
   */
  async function readHash() {
    const parsed = parseHashParts(window.location.hash, ids, ['main']);
    const result = { target: null, states: new Map(), problems: [] };
    if (parsed.kind === 'anchor') result.target = parsed.section;
    if (parsed.kind !== 'state') return result;
    result.target = parsed.section;
    for (const part of parsed.parts) {
      let section = entryOf(part.section);
      try {
        section = await loadSection(section);
        if (!section.hash) throw new HashError('section', null, { value: section.id });
        result.states.set(section.id, section.hash.decode(part.params));
      } catch (error) {
        result.problems.push({ section, error });
      }
    }
    return result;
  }

  /** Remember `state` as section's part of the link (or drop it at the defaults); true if that changed it. */
  function remember(section, state) {
    let entries;
    try { entries = section.hash.encode(state); } catch { return false; }
    const text = JSON.stringify(entries);
    if (text === defaultEntries(section)) return linked.delete(section.id);
    if (linked.has(section.id) && JSON.stringify(linked.get(section.id)) === text) return false;
    linked.set(section.id, entries);
    return true;
  }

  /** Notices for a link's problems; `kept`: nothing changed (a link followed in the open page). */
  function reportLinkProblems(problems, kept) {
    for (const { section, error } of problems) {
      showNotice('invalid', (tr) => linkMessage(error, tr, { section: tr(section.titleKey), kept, ...wordingOf(section) }));
    }
  }
  function rejectWholeHash(error, kept) {
    showNotice('invalid', (tr) => linkMessage(error, tr, { kept }));
  }

  let initial = { target: null, states: new Map(), problems: [] };
  let cleanUrl = false;
  try {
    initial = await readHash();
    reportLinkProblems(initial.problems, false);
    cleanUrl = initial.problems.length > 0;
  } catch (error) {
    rejectWholeHash(error, false);
    cleanUrl = true;
  }
  for (const [id, state] of initial.states) remember(await loadSection(entryOf(id)), state);
  pointsAt = initial.states.has(initial.target) ? initial.target : null;
  // A part that could not be used leaves the URL (the other parts stay).
  if (cleanUrl) writeCurrentHash();

  let startingUp = true; // until every widget is ready: a state refused now leaves its defaults
  let pendingWrite = null;
  function writeHash(section, state) {
    if (!remember(section, state)) return;
    pointsAt = section.id;
    clearTimeout(pendingWrite);
    pendingWrite = setTimeout(writeCurrentHash, HASH_WRITE_DELAY);
  }

  /** A widget refused a state: at start-up it shows its defaults; later nothing changed. */
  function rejectState(section, error) {
    if (linked.delete(section.id)) writeCurrentHash();
    reportLinkProblems([{ section, error }], !startingUp);
  }

  // --- header, table of contents, sections --------------------------------------------------
  // In-page links move focus without touching the hash, which holds the widgets' state.
  skipLink.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });

  const langButtons = LANGUAGES.map((code) => h('button', {
    type: 'button', class: 'lang-button', lang: code, 'data-lang': code,
    onclick: () => switchLanguage(code),
  }));
  langGroup.replaceChildren(...langButtons);

  // Where the page is headed while it is built: the section a link points into, or a contents
  // entry clicked before its section was there. It is gone to when the section is built, when all
  // are, and once more when the figures above it are computed (they grow, and the browser's scroll
  // anchoring does not hold the place while the page is built), unless the learner moves first.
  let destination = initial.target ? { id: initial.target, focus: false } : null;
  const stopFollowing = listen(window, Object.fromEntries(
    ['wheel', 'touchstart', 'keydown', 'pointerdown'].map((type) => [type, () => { destination = null; }]),
  ));
  function goToDestination() {
    if (!destination || !document.getElementById(destination.id)) return;
    if (destination.focus) goToSection(destination.id);
    else document.getElementById(destination.id).scrollIntoView({ block: 'start' });
  }

  const mounted = [];
  const tocLinks = sections.map((entry) => {
    const link = h('a', { href: `#${entry.id}`, text: t(entry.titleKey) });
    link.addEventListener('click', (event) => {
      event.preventDefault(); // keep the state in the URL; just move there
      destination = startingUp ? { id: entry.id, focus: true } : null; // (the click's own pointerdown cleared it)
      goToSection(entry.id); // nothing yet if it is not built (a moment after the first screen)
    });
    return { link, section: entry };
  });
  tocNav.replaceChildren(h('h2', { id: 'toc-title', class: 'toc-title', text: t('app.toc') }),
    h('ol', { class: 'toc-list' }, ...tocLinks.map(({ link }) => h('li', {}, link))));

  // The first screen is built, and its figures computed, before the code of the sections below it
  // is fetched: then those load side by side and are built in order. A link that points into the
  // page builds every section first (the place it scrolls to must not move).
  let firstScreen = !initial.target;
  for (const [index, entry] of sections.entries()) {
    if (firstScreen && column.getBoundingClientRect().bottom > FIRST_SCREEN * window.innerHeight) {
      firstScreen = false;
      await Promise.allSettled(mounted.map(({ controller }) => controller.ready));
      sections.slice(index).forEach((rest) => { loadSection(rest).catch(() => {}); });
    }
    // Between sections the browser may paint and hand over the engine when it arrives, so the first
    // figures show while the sections below them are still being built.
    if (index > 0) await yieldToBrowser();
    const section = await loadSection(entry);
    const heading = h('h2', { id: `${section.id}-title`, tabindex: '-1', text: t(section.titleKey) });
    const content = h('div', { class: 'section-body' });
    const element = h('section', { id: section.id, class: 'notebook-section', 'aria-labelledby': heading.id }, heading, content);
    column.append(element);
    const controller = section.mount(content, {
      t, lang,
      initialState: initial.states.get(section.id) || null,
      onStateChange: section.hash ? (state) => writeHash(section, state) : undefined,
      onInvalidState: (error) => rejectState(section, error),
    });
    mounted.push({ section, heading, controller });
    if (destination && destination.id === section.id && destination.focus) goToDestination();
  }

  function applyTexts() {
    document.documentElement.lang = lang;
    document.title = t('app.title');
    titleEl.textContent = t('app.title');
    taglineEl.textContent = t('app.tagline');
    langGroup.setAttribute('aria-label', t('app.language'));
    skipLink.textContent = t('app.skip');
    tocNav.setAttribute('aria-labelledby', 'toc-title');
    document.getElementById('toc-title').textContent = t('app.toc');
    footer.textContent = t('app.footer');
    for (const button of langButtons) {
      button.textContent = t(`lang.${button.dataset.lang}`);
      button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
    }
    for (const { link, section } of tocLinks) link.textContent = t(section.titleKey);
    for (const { section, heading } of mounted) heading.textContent = t(section.titleKey);
    for (const entry of noticeTexts.values()) {
      entry.text.textContent = entry.textFor(t);
      entry.close.setAttribute('aria-label', t('notice.close'));
    }
  }

  async function switchLanguage(code) {
    if (code === lang) return;
    lang = code;
    rememberLang(code);
    t = await translatorFor(code);
    applyTexts();
    await Promise.all(mounted.map(({ controller }) => controller.setLang && controller.setLang(code, t)));
  }

  applyTexts();
  goToDestination();

  // --- the engine ---------------------------------------------------------------------------
  const loading = showNotice('loading', (tr) => tr('engine.loading'));
  document.body.classList.remove('is-booting');
  try {
    await loadEngine();
    removeNotice(loading);
  } catch (error) {
    removeNotice(loading);
    showNotice('error', (tr) => engineErrorMessage(error, tr));
  }
  await Promise.all(mounted.map(({ controller }) => controller.ready).filter(Boolean));
  await texReady(); // asked only now: the widgets request their formulas while they start
  startingUp = false;
  goToDestination();
  stopFollowing();
  document.body.dataset.ready = 'true';
  warmOfflineCache(lang, { later: [() => import('./widgets/exercise/index.js'), loadParser] });

  // A link pasted into (or followed in) the same tab changes only the hash. Its parts apply; the
  // widgets it does not mention keep their state, and the URL is written whole again.
  window.addEventListener('hashchange', async () => {
    let next;
    try {
      next = await readHash();
    } catch (error) {
      rejectWholeHash(error, true);
      writeCurrentHash();
      return;
    }
    reportLinkProblems(next.problems, true);
    for (const [id, state] of next.states) {
      const target = mounted.find(({ section }) => section.id === id);
      if (!target) { // not built yet: it starts there
        initial.states.set(id, state);
        remember(await loadSection(entryOf(id)), state);
        continue;
      }
      if (target.controller.setState) target.controller.setState(state);
      remember(target.section, state);
    }
    if (next.states.has(next.target)) pointsAt = next.target;
    if (linked.size > 0 || next.states.size > 0 || next.problems.length > 0) writeCurrentHash();
  });
}

main().catch((error) => {
  // Last resort: the locale files themselves failed. Say so in both languages.
  const notices = document.getElementById('notices');
  document.body.classList.remove('is-booting');
  if (notices) {
    notices.append(h('div', { class: 'notice notice--error', role: 'alert' },
      h('p', { text: 'ActLab could not start. ActLab 无法启动。' }),
      h('p', { class: 'notice-detail', text: String(error && error.message ? error.message : error) })));
  }
});
