// The standalone widget page: widget.html?w=<name>&lang=<en|zh-CN>#<state>. The state in the
// fragment uses the widget's codec (the notebook's link format without "#section?"); every change
// is written back, so the address is always a link to what is shown. In an iframe, the page tells
// its parent how tall it is ({type: 'actlab:resize', widget, height}), for hosts that want to
// resize the frame, and, when the learner solves an exercise, {type: 'actlab:solved', exercise,
// attempts}, so a course page or an LMS can record it; nothing else is sent.
import { widgetByName, WIDGETS } from '../js/kit/embed/widgets.js';
import { translatorFor, normaliseLang } from '../js/kit/i18n.js';
import { invalidStateMessage } from '../js/kit/state/messages.js';
import { langMessage } from './messages.js';
import { MOUNTS } from './mounts.js';
import { ensureStylesheet } from '../js/kit/stylesheets.js';
import { texReady } from '../js/kit/math.js';

const HASH_WRITE_DELAY = 150;
const message = document.getElementById('widget-message');
const root = document.getElementById('widget-root');
const title = document.getElementById('widget-title');
const notebookLink = document.getElementById('notebook-link');

function show(lines) {
  message.replaceChildren(...lines.map((text) => Object.assign(document.createElement('p'), { textContent: text })));
  message.hidden = lines.length === 0;
}

function reportHeight(name) {
  if (window.parent === window) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'actlab:resize', widget: name, height }, '*');
  };
  new ResizeObserver(send).observe(document.body);
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  const name = params.get('w') || '';
  const langParam = params.get('lang');
  const lang = (langParam && normaliseLang(langParam)) || 'en';
  const t = await translatorFor(lang);
  document.documentElement.lang = lang;
  notebookLink.textContent = t('embed.standalone.open');
  const problems = [];
  if (langParam !== null && !normaliseLang(langParam)) problems.push(langMessage(langParam, t));

  const entry = widgetByName(name);
  if (!entry) {
    problems.push(t('embed.invalid.widget', { value: name.slice(0, 40), list: WIDGETS.map((w) => w.name).join(', ') }));
    show(problems);
    document.body.dataset.ready = 'true';
    return;
  }
  document.title = t(entry.titleKey);
  title.textContent = t(entry.titleKey);
  entry.css.forEach(ensureStylesheet);

  const [{ adapter }, mount] = await Promise.all([entry.adapter(), MOUNTS[entry.name]()]);
  let initialState = null;
  try {
    initialState = adapter.fromHash(window.location.hash);
  } catch (error) {
    problems.push(invalidStateMessage(error, t));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  show(problems);

  let pending = null;
  const widget = mount(root, {
    lang,
    initialState,
    onStateChange(state) {
      clearTimeout(pending);
      pending = setTimeout(() => {
        try {
          history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${adapter.toHash(state)}`);
        } catch { /* a state too large for a link stays out of the URL */ }
      }, HASH_WRITE_DELAY);
    },
    onInvalidState(error) {
      problems.push(invalidStateMessage(error, t));
      show(problems);
    },
    onSolved({ exercise, attempts }) {
      if (window.parent !== window) window.parent.postMessage({ type: 'actlab:solved', exercise, attempts }, '*');
    },
  });
  await Promise.all([widget.ready, texReady()]); // ready: its formulas typeset too
  // For scripts and tests that drive the page (same origin only): the widget's current state.
  window.actlabWidget = { name, getState: () => widget.getState() };
  reportHeight(name);
  document.body.dataset.ready = 'true';

  window.addEventListener('hashchange', () => {
    try {
      const state = adapter.fromHash(window.location.hash);
      if (state) widget.setState(state);
    } catch (error) {
      show([invalidStateMessage(error, t)]);
    }
  });
}

main().catch((error) => {
  show(['ActLab could not start. ActLab 无法启动。', String(error && error.message ? error.message : error)]);
  document.body.dataset.ready = 'true';
});
