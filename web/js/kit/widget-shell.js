// The lifecycle every widget shares: its strings, the engine and the status line while it loads,
// the fallback to the default state when the start-up state is bad, the Share button, and the
// public controller {ready, setLang, setState, getState, destroy}. A widget holds only its own
// model, view and controls.
//
//   export function mountThing(root, options = {}) {
//     const shell = createWidgetShell(root, options, {
//       className: 'actlab-thing',   // class on the root while mounted
//       prefix: 'thing',             // thing-notice (role=alert), thing-status (role=status), thing-body
//       share: 'thing',              // name in kit/embed/widgets.js; omit for no Share button
//       shareSlot: 'thing-share',    // optional: the button in its own <div class> before the body,
//     });                            // else straight in the root before the body
//     const { t, body } = shell;     // t always speaks the current language
//     let state; ...
//     return shell.start({
//       defaultState: () => …,       validate: (candidate) => state (throws HashError),
//       open(engine, candidate),     // compute what `candidate` shows and make it current; throw if it cannot
//       build({starting}),           // (re)build the DOM in the current language (start-up, then setLang)
//       apply(candidate) → message,  // setState: a localized error (nothing changed) or null
//       getState: () => copy,
//       teardown(),                  // optional: timers, listeners, plots, on destroy()
//       loadEngine(options),         // optional: a loader of its own (the lab's runner); default engine-loader
//       releaseEngine(engine),       // optional: free what loadEngine made
//       invalidMessage(error, t),    // optional: the notice for a bad start-up or outside state
//     });
//   }
//
// shell.notify() reports the current state to options.onStateChange; shell.report(error) shows a
// problem (or hands it to options.onInvalidState); shell.prepare(candidate, {validate, compute})
// checks and computes a state without changing anything ({state, computed} or {refused: message});
// shell.engineMessage(error) is `<prefix>.engineError`; shell.destroyed is true once destroy() ran.
// The Share button is created once here and destroyed in destroy(); a widget that shows it elsewhere
// moves shell.share.element into place when it builds.
import { h, clear, yieldToBrowser } from './dom.js';
import { translatorFor } from './i18n.js';
import { loadEngine, engineErrorMessage } from '../adapter/engine-loader.js';
import { HashError } from './state/hash.js';
import { invalidStateMessage, fieldErrorMessage } from './state/messages.js';
import { mountShareButton } from './share.js';

export function createWidgetShell(root, options, { className, prefix, share = null, shareSlot = null }) {
  let lang = options.lang || 'en';
  let current = null; // the translator of `lang`
  let parts = null;
  let destroyed = false;

  /** A translator that always speaks the widget's current language (it can be kept across setLang). */
  const t = (key, params) => current(key, params);
  t.has = (key) => current.has(key);
  Object.defineProperty(t, 'lang', { get: () => current.lang });

  root.classList.add(className);
  const notice = h('div', { class: `${prefix}-notice`, role: 'alert', hidden: true });
  const status = h('div', { class: `${prefix}-status`, role: 'status' });
  const body = h('div', { class: `${prefix}-body` });
  const slot = shareSlot ? h('div', { class: shareSlot }) : null;
  root.append(notice, status, ...(slot ? [slot] : []), body);
  const shareButton = share ? mountShareButton(slot || root, {
    widget: share, getState: () => shell.getState(), lang, before: slot ? null : body,
  }) : null;

  const shell = {
    t, root, body, notice,
    share: shareButton,
    get lang() { return lang; },
    get destroyed() { return destroyed; },
    notify: () => (options.onStateChange || (() => {}))(parts.getState()),
    getState: () => null, // set by start()
    report,
    prepare,
    engineMessage,
    start,
  };
  let problem = null; // what was wrong with the start-up state (shown in the notice)

  function report(error) {
    if (options.onInvalidState) { options.onInvalidState(error); return; }
    problem = error;
    notice.hidden = false;
    notice.textContent = message(error);
  }
  const message = (error) => (parts.invalidMessage || invalidStateMessage)(error, t);

  /** The engine's failure in the widget's own sentence (`<prefix>.engineError`). */
  function engineMessage(error) {
    return t(`${prefix}.engineError`, { message: error.message || String(error) });
  }

  /**
   * A candidate state checked and computed, nothing changed yet: {state, computed}, or {refused}
   * with the schema's reason (`refusal(error, t)`) or the engine's failure.
   */
  function prepare(candidate, { validate, compute, refusal = fieldErrorMessage }) {
    let state;
    try {
      state = validate(candidate);
    } catch (error) {
      return { refused: refusal(error instanceof HashError ? error : new HashError('format'), t) };
    }
    try {
      return { state, computed: compute(state) };
    } catch (error) {
      return { refused: engineMessage(error) };
    }
  }

  function showStatus(kind, text) {
    status.className = kind ? `${prefix}-status is-${kind}` : `${prefix}-status`;
    if (kind === 'error') status.setAttribute('role', 'alert');
    status.textContent = text;
  }

  function start(widgetParts) {
    parts = widgetParts;
    let engine = null;
    let loadError = null;
    let opened = false;
    let startup = null;
    let state = parts.defaultState(); // the start-up state, until the widget has opened it
    if (options.initialState) {
      try { state = parts.validate(options.initialState); } catch (error) { startup = error; }
    }

    async function begin() {
      current = await translatorFor(lang);
      root.setAttribute('lang', lang);
      showStatus('loading', t('engine.loading'));
      try {
        engine = await (parts.loadEngine ? parts.loadEngine(options) : options.engine || loadEngine());
      } catch (error) {
        loadError = error;
        showStatus('error', engineErrorMessage(error, t));
        return;
      }
      // Every widget of the page waits for the same engine: computing in a task of its own lets the
      // browser paint the first figure before the others compute theirs.
      await yieldToBrowser();
      if (destroyed) { if (parts.releaseEngine) parts.releaseEngine(engine); return; }
      showStatus(null, '');
      if (!startup) {
        try {
          await parts.open(engine, state);
        } catch (error) {
          startup = error instanceof HashError ? error : new HashError('format');
        }
      }
      if (startup) {
        report(startup);
        await parts.open(engine, parts.defaultState());
      }
      opened = true;
      await parts.build({ starting: true });
      if (startup) shell.notify();
    }

    shell.getState = () => (opened ? parts.getState() : structuredClone(state));
    const ready = begin();
    return {
      ready,
      /** Switch language: rebuilds the widget's text, keeps its state. */
      async setLang(newLang) {
        await ready;
        lang = newLang;
        current = await translatorFor(lang);
        root.setAttribute('lang', lang);
        if (shareButton) shareButton.setLang(lang);
        if (!opened) {
          status.textContent = loadError ? engineErrorMessage(loadError, t) : t('engine.loading');
          return;
        }
        if (problem && !notice.hidden) notice.textContent = message(problem);
        await parts.build({ starting: false });
      },
      /** Replace the state (e.g. the URL hash changed). Returns a localized error message or null. */
      async setState(candidate) {
        await ready;
        if (!opened) return null;
        const refused = parts.apply(candidate);
        if (refused) report(new HashError('format'));
        return refused;
      },
      getState: shell.getState,
      destroy() {
        destroyed = true;
        if (parts.teardown) parts.teardown();
        if (engine && parts.releaseEngine) parts.releaseEngine(engine);
        if (shareButton) shareButton.destroy();
        clear(root);
        root.classList.remove(className);
        delete root.dataset.ready;
      },
    };
  }

  return shell;
}
