// The "Share" button every widget carries: both embedding snippets for the widget's current state
// (a custom element with attributes, and an iframe of the standalone page), and "Copy link".
// Widgets get it from their shell (kit/widget-shell.js), which mounts it once and destroys it:
//
//   const share = mountShareButton(container, { widget: 'stepper', getState: () => state, lang });
//   share.setLang('zh-CN'); share.destroy();
//
// `widget` is a name from kit/embed/widgets.js; getState() returns the widget's current (valid)
// state. The snippets are computed when the panel opens or a copy button is pressed, so they are
// always the state of that moment. Options: `link: () => url` replaces the default link (the
// standalone page at this state); `before: child` puts the button before that child of the
// container instead of at its end.
import { h, uid } from './dom.js';
import { translatorFor } from './i18n.js';
import { widgetByName } from './embed/widgets.js';
import { ensureStylesFor } from './embed/styles.js';
import { SITE } from './site.js';

const EMBED_SCRIPT = new URL('embed/actlab-embed.js', SITE);
const FRAMES_SCRIPT = new URL('embed/frames.js', SITE);
const WIDGET_PAGE = new URL('embed/widget.html', SITE);
const WRAP_AT = 90;

function escapeAttribute(value) {
  return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The standalone page's URL for a widget at a state (`fragment` from adapter.toHash). */
export function widgetPageUrl(name, lang, fragment) {
  const url = new URL(WIDGET_PAGE);
  url.search = `?w=${encodeURIComponent(name)}&lang=${encodeURIComponent(lang)}`;
  url.hash = fragment ? `#${fragment}` : '';
  return url.href;
}

function tagWithAttributes(tag, pairs, content = '') {
  const parts = pairs.map(([name, value]) => `${name}="${escapeAttribute(value)}"`);
  const oneLine = `<${tag} ${parts.join(' ')}>${content}</${tag}>`;
  if (oneLine.length <= WRAP_AT) return oneLine;
  return `<${tag}\n${parts.map((part) => `  ${part}`).join('\n')}>${content ? `\n  ${content}\n` : ''}</${tag}>`;
}

/** A link to the standalone page: what a page without JavaScript shows instead of the element. */
function fallbackLink(title, url) {
  return `<a href="${escapeAttribute(url)}">${escapeAttribute(title)}</a>`;
}

/**
 * The custom-element snippet: the module script, then the element with every state attribute and,
 * inside it, a link to the same state for readers without JavaScript (the element replaces it).
 */
export function elementSnippet(entry, lang, attributes, title, url) {
  return `<script type="module" src="${escapeAttribute(EMBED_SCRIPT.href)}"></script>\n` +
    tagWithAttributes(entry.tag, [['lang', lang], ...attributes], fallbackLink(title, url));
}

/**
 * The iframe snippet: the frame, with a height that fits the default example at 760 px wide, and
 * the one-line host script that fits every ActLab frame on the page to its content.
 */
export function iframeSnippet(entry, title, url) {
  return `<script src="${escapeAttribute(FRAMES_SCRIPT.href)}" async></script>\n` +
    tagWithAttributes('iframe', [['src', url], ['title', title], ['width', '100%'], ['height', String(entry.height)],
      ['loading', 'lazy'], ['allow', 'clipboard-write']]);
}

/** Everything the panel shows, for a widget at a state. */
export async function shareTexts(name, state, lang, t) {
  const entry = widgetByName(name);
  if (!entry) throw new Error(`unknown widget ${name}`);
  const { adapter } = await entry.adapter();
  const url = widgetPageUrl(name, lang, adapter.toHash(state));
  return {
    element: elementSnippet(entry, lang, adapter.toAttributes(state), t(entry.titleKey), url),
    iframe: iframeSnippet(entry, t(entry.titleKey), url),
    link: url,
  };
}

async function writeClipboard(text, field) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch { /* blocked (e.g. in a cross-origin frame without clipboard-write): fall back */ }
  try {
    field.focus();
    field.select();
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function mountShareButton(container, { widget, getState, lang = 'en', link, before = null } = {}) {
  let t = null;
  let currentLang = lang;
  let texts = null;
  let statusTimer = null;
  // Load the widget's adapter now, so sharing needs no network later (offline after load).
  const entry = widgetByName(widget);
  if (entry) entry.adapter().catch(() => { /* reported when the panel opens */ });
  const panelId = uid('share-panel');
  const titleId = uid('share-title');
  const ids = { element: uid('share-element'), iframe: uid('share-iframe'), link: uid('share-link') };

  const toggle = h('button', {
    type: 'button', class: 'share-toggle', 'aria-expanded': 'false', 'aria-controls': panelId, 'data-share': 'toggle',
  });
  const copyLink = h('button', { type: 'button', class: 'share-copy-link', 'data-share': 'copy-link' });
  const status = h('span', { class: 'share-status', role: 'status' });
  const title = h('p', { class: 'share-title', id: titleId });
  const intro = h('p', { class: 'share-intro' });
  const fields = {
    element: h('textarea', {
      id: ids.element, class: 'share-code', readonly: true, rows: '4', spellcheck: 'false', 'data-share-field': 'element', wrap: 'off',
    }),
    iframe: h('textarea', {
      id: ids.iframe, class: 'share-code', readonly: true, rows: '3', spellcheck: 'false', 'data-share-field': 'iframe', wrap: 'off',
    }),
    link: h('input', {
      id: ids.link, class: 'share-code share-link', type: 'text', readonly: true, spellcheck: 'false', 'data-share-field': 'link',
    }),
  };
  const labels = {};
  const copyButtons = {};
  const rows = Object.keys(fields).map((kind) => {
    labels[kind] = h('label', { for: ids[kind], class: 'share-label' });
    copyButtons[kind] = h('button', { type: 'button', class: 'share-copy', 'data-share': `copy-${kind}`, onclick: () => copy(kind) });
    return h('div', { class: 'share-row' }, labels[kind], h('div', { class: 'share-field' }, fields[kind], copyButtons[kind]));
  });
  const close = h('button', { type: 'button', class: 'share-close', 'data-share': 'close', onclick: () => setOpen(false, true) });
  const panel = h('div', { class: 'share-panel', id: panelId, role: 'group', 'aria-labelledby': titleId, hidden: true },
    h('div', { class: 'share-head' }, title, close), intro, rows);
  const element = h('div', { class: 'actlab-share' },
    h('div', { class: 'share-bar' }, toggle, copyLink, status), panel);
  if (before && before.parentNode === container) container.insertBefore(element, before);
  else container.append(element);
  ensureStylesFor(element, ['css/share.css']).catch(() => { /* unstyled but usable */ });

  function applyTexts() {
    toggle.textContent = t('share.button');
    copyLink.textContent = t('share.copyLink');
    title.textContent = t('share.panelTitle');
    intro.textContent = t('share.intro');
    labels.element.textContent = t('share.elementLabel');
    labels.iframe.textContent = t('share.iframeLabel');
    labels.link.textContent = t('share.linkLabel');
    for (const button of Object.values(copyButtons)) button.textContent = t('share.copy');
    close.textContent = t('share.close');
  }

  async function refresh() {
    const state = getState();
    texts = await shareTexts(widget, state, currentLang, t);
    if (link) texts.link = link();
    fields.element.value = texts.element;
    fields.element.rows = String(Math.min(16, texts.element.split('\n').length));
    fields.iframe.value = texts.iframe;
    fields.iframe.rows = String(Math.min(10, texts.iframe.split('\n').length));
    fields.link.value = texts.link;
    return texts;
  }

  function say(key) {
    status.textContent = t(key);
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { status.textContent = ''; }, 6000);
  }

  async function copy(kind) {
    try {
      await ready;
      await refresh();
      const ok = await writeClipboard(texts[kind], fields[kind]);
      if (!ok) {
        setOpen(true);
        fields[kind].focus();
        fields[kind].select();
      }
      say(ok ? 'share.copied' : 'share.copyFailed');
    } catch {
      say('share.unavailable');
    }
  }

  function setOpen(open, returnFocus = false) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open && returnFocus) toggle.focus();
  }

  toggle.addEventListener('click', async () => {
    const open = panel.hidden;
    try {
      if (open) await refresh();
      setOpen(open);
      if (open) fields.element.focus();
    } catch {
      say('share.unavailable');
    }
  });
  copyLink.addEventListener('click', () => copy('link'));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') { event.stopPropagation(); setOpen(false, true); }
  });
  // Selecting a field selects all of it, so Ctrl+C copies the whole snippet.
  for (const field of Object.values(fields)) field.addEventListener('focus', () => field.select());

  const ready = translatorFor(currentLang).then((translator) => { t = translator; applyTexts(); });

  async function setLang(newLang) {
    currentLang = newLang;
    t = await translatorFor(newLang);
    applyTexts();
    if (!panel.hidden) await refresh();
  }

  return {
    element,
    ready,
    /** Current snippets ({element, iframe, link}) for the widget's current state. */
    async snippets() { await ready; return refresh(); },
    setLang,
    destroy() {
      clearTimeout(statusTimer);
      element.remove();
    },
  };
}
