// The standalone widget page: widget.html?w=<name>&lang=<en|zh-CN>#<state>. The state in the
// fragment uses the widget's codec (the notebook's link format without "#section?"); every change
// is written back, so the address is always a link to what is shown. In an iframe, the page tells
// its parent what a host may want to follow, as postMessage (docs/embedding.md, "Events, messages and types"):
//   {type: 'actlab:resize', widget, height}   its content's height in px (embed/frames.js uses it)
//   {type: 'actlab:ready', widget}            the widget runs
//   {type: 'actlab:change', widget, state, hash}  the state changed (hash: its fragment, or null
//                                             for a state too large for a link)
//   {type: 'actlab:solved', exercise, attempts}  an exercise was solved (a course page or LMS records it)
// Nothing it holds is private (the state is in its own address), so they go to any parent ('*').
// The one message it listens to is {type: 'actlab:measure'}, from its parent window only: report
// the height again (embed/frames.js asks when it starts after the frame did).
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

const framed = window.parent !== window;
if (framed) document.documentElement.classList.add('in-frame'); // no full-window height: the frame fits the content

function tellParent(message) {
  if (!framed) return;
  try {
    window.parent.postMessage(message, '*');
  } catch (error) {
    console.warn(`ActLab: ${message.type} could not be sent:`, error); // e.g. a state that cannot be cloned
  }
}

function reportHeight(name) {
  if (!framed) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    tellParent({ type: 'actlab:resize', widget: name, height });
  };
  // Once now and on every resize of the frame: Chromium runs no ResizeObserver in a cross-origin
  // frame while it is off screen, and a frame below the fold still needs its height.
  send();
  window.addEventListener('resize', send);
  new ResizeObserver(send).observe(document.body);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !event.data || event.data.type !== 'actlab:measure') return;
    last = 0;
    send();
  });
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
        let hash = null;
        try {
          hash = adapter.toHash(state);
          history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${hash}`);
        } catch { /* a state too large for a link stays out of the URL */ }
        tellParent({ type: 'actlab:change', widget: name, state, hash });
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
  tellParent({ type: 'actlab:ready', widget: name });
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
