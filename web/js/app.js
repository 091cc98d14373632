// The notebook shell: header with title and language switch, table of contents, the column of
// sections from sections/index.js, page-level notices, and the URL hash.
import { h } from './dom.js';
import { LANGUAGES, preferredLang, rememberLang, translatorFor } from './i18n.js';
import { loadEngine, engineErrorMessage } from './engine-loader.js';
import { parseHash, formatHash, HashError } from './state/hash.js';
import { invalidStateMessage } from './state/messages.js';
import { sections } from './sections/index.js';
import { warmOfflineCache } from './offline.js';

const HASH_WRITE_DELAY = 150;

async function main() {
  let lang = preferredLang();
  let t = await translatorFor(lang);
  const ids = sections.map((section) => section.id);
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
  let initial = { section: null, state: null };
  function readHash() {
    const parsed = parseHash(window.location.hash, ids, ['main']);
    if (parsed.kind !== 'state') return { section: parsed.kind === 'anchor' ? parsed.section : null, state: null };
    const section = sections.find((candidate) => candidate.id === parsed.section);
    if (!section.hash) throw new HashError('section');
    return { section: section.id, state: section.hash.decode(parsed.params) };
  }
  function rejectHash(error) {
    showNotice('invalid', (tr) => invalidStateMessage(error, tr));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  try {
    initial = readHash();
  } catch (error) {
    rejectHash(error);
  }

  const pendingWrites = new Map();
  function writeHash(section, state) {
    clearTimeout(pendingWrites.get(section.id));
    pendingWrites.set(section.id, setTimeout(() => {
      try {
        history.replaceState(null, '', formatHash(section.id, section.hash.encode(state)));
      } catch { /* a state too large for a link stays out of the URL */ }
    }, HASH_WRITE_DELAY));
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

  const mounted = [];
  const tocLinks = [];
  for (const section of sections) {
    const heading = h('h2', { id: `${section.id}-title`, tabindex: '-1' });
    const content = h('div', { class: 'section-body' });
    const element = h('section', { id: section.id, class: 'notebook-section', 'aria-labelledby': heading.id }, heading, content);
    column.append(element);
    const link = h('a', { href: `#${section.id}` });
    link.addEventListener('click', (event) => {
      event.preventDefault(); // keep the state in the URL; just move there
      element.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    });
    tocLinks.push({ link, section });
    const controller = section.mount(content, {
      t, lang,
      initialState: initial.section === section.id ? initial.state : null,
      onStateChange: section.hash ? (state) => writeHash(section, state) : undefined,
      onInvalidState: (error) => rejectHash(error),
    });
    mounted.push({ section, heading, controller });
  }
  tocNav.replaceChildren(h('h2', { id: 'toc-title', class: 'toc-title' }),
    h('ol', { class: 'toc-list' }, tocLinks.map(({ link }) => h('li', {}, link))));

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
  if (initial.section) document.getElementById(initial.section).scrollIntoView({ block: 'start' });

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
  document.body.dataset.ready = 'true';
  warmOfflineCache(lang);

  // A link pasted into the same tab changes only the hash.
  window.addEventListener('hashchange', () => {
    let next;
    try {
      next = readHash();
    } catch (error) {
      rejectHash(error);
      return;
    }
    const target = mounted.find(({ section }) => section.id === next.section);
    if (target && next.state && target.controller.setState) target.controller.setState(next.state);
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
