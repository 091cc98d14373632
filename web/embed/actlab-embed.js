// ActLab's widgets as custom elements, for any page:
//
//   <script type="module" src="https://…/embed/actlab-embed.js"></script>
//   <actlab-stepper lang="zh-CN" activation="relu"></actlab-stepper>
//
// One element per entry of widgets.js. Each element renders its widget in a shadow root with the
// widget's stylesheets (see styles.js), so the host's CSS does not reach in and the widget's does not
// leak out. Attributes are validated with the widget's own state schema; a bad attribute shows a
// short localized message inside the element and the default example. Nothing is thrown into the
// host page: every callback, and every promise started here, ends in the element's own message.
// Every URL (modules, styles, locales, the engine) is resolved from this file's URL, so the script
// works from another origin (the server must send Access-Control-Allow-Origin).
//
// Element API: el.ready (a promise: true once the widget runs, false if it could not start),
// el.getState(), and the events 'actlab-ready' and 'actlab-statechange' (detail: {state}); an
// exercise also sends 'actlab-solved' (detail: {exercise, attempts}) when the learner solves it.
import { WIDGETS, COMMON_CSS, FRAME_CSS, THEME_CSS } from '../js/kit/embed/widgets.js';
import { loadSheet, ensureKatexFonts, registerEmbedUnit } from '../js/kit/embed/styles.js';
import { translatorFor, normaliseLang } from '../js/kit/i18n.js';
import { attributeMessage, langMessage } from './messages.js';
import { MOUNTS } from './mounts.js';
import { texReady } from '../js/kit/math.js';

const LAST_RESORT = 'ActLab could not start. ActLab 无法启动。';

/** The element's language: its lang attribute, else the nearest lang of the host page, else English. */
function resolveLang(element) {
  const own = element.getAttribute('lang');
  if (own !== null && own.trim() !== '') {
    const lang = normaliseLang(own.trim());
    return lang ? { lang, problem: null } : { lang: 'en', problem: own };
  }
  const inherited = element.parentElement && element.parentElement.closest('[lang]');
  return { lang: (inherited && normaliseLang(inherited.getAttribute('lang'))) || 'en', problem: null };
}

function sheetsFor(entry) {
  return Promise.all([
    loadSheet(THEME_CSS, { kind: 'theme' }),
    ...COMMON_CSS.map((path) => loadSheet(path)),
    ...entry.css.map((path) => loadSheet(path)),
    loadSheet(FRAME_CSS),
  ]);
}

function describe(error) {
  return String(error && error.message ? error.message : error).slice(0, 200);
}

function defineElement(entry) {
  if (customElements.get(entry.tag)) return; // the script was loaded twice: keep the first

  class ActlabWidgetElement extends HTMLElement {
    static get observedAttributes() { return ['lang', ...entry.attributes]; }

    #shadow;
    #frame;
    #message;
    #widget = null;
    #adapter = null;
    #t = null;
    #lang = 'en';
    #generation = 0;
    #updateQueued = false;
    #attributeSignature = '';
    #kept = null; // {signature, state}: the state when the element was last removed from the page
    // Messages, as (t) => sentence so they follow the language: about `lang`, about the state
    // attributes (kept until those change), from the widget itself, and failures.
    #problems = { lang: [], state: [], widget: [], failure: [] };
    #settle = () => {};

    constructor() {
      super();
      this.ready = new Promise((resolve) => { this.#settle = resolve; });
      try {
        this.#shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
      } catch (error) {
        this.#shadow = null; // a closed shadow root made by the page: nothing we can render into
      }
    }

    connectedCallback() { this.#guard(() => this.#start()); }

    disconnectedCallback() { this.#guard(() => this.#stop()); }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this.#widget) return;
      this.#guard(() => this.#queueUpdate());
    }

    /** The widget's current state (a copy), or null before it has started. */
    getState() {
      try { return this.#widget ? this.#widget.getState() : null; } catch { return null; }
    }

    // --- everything below runs inside #guard: errors end in the element, never in the host -----
    #guard(run) {
      try {
        const result = run();
        if (result && typeof result.then === 'function') result.catch((error) => this.#fail(error));
      } catch (error) {
        this.#fail(error);
      }
    }

    #fail(error) {
      try {
        console.warn(`<${entry.tag}>:`, error);
        if (!this.#shadow) return;
        if (!this.#message) this.#buildFrame();
        const t = this.#t;
        this.#problems.failure.push((tr) => (tr ? tr('embed.failed', { message: describe(error) }) : `${LAST_RESORT} ${describe(error)}`));
        this.#renderProblems(t);
      } catch { /* nothing left to do */ }
      this.#settle(false);
    }

    #buildFrame() {
      this.#frame = document.createElement('div');
      this.#frame.className = 'actlab-embed';
      this.#frame.setAttribute('part', 'frame');
      this.#message = document.createElement('div');
      this.#message.className = 'actlab-embed-message';
      this.#message.setAttribute('role', 'alert');
      this.#message.hidden = true;
      this.#frame.append(this.#message);
      this.#shadow.replaceChildren(this.#frame);
    }

    #renderProblems(t) {
      const { lang, state, widget, failure } = this.#problems;
      const lines = [...lang, ...state, ...widget, ...failure].map((textFor) => {
        const p = document.createElement('p');
        p.textContent = textFor(t);
        return p;
      });
      this.#message.replaceChildren(...lines);
      this.#message.hidden = lines.length === 0;
    }

    #stateAttributes() {
      return new Map(entry.attributes.filter((name) => this.hasAttribute(name)).map((name) => [name, this.getAttribute(name)]));
    }

    #signature() {
      return JSON.stringify([...this.#stateAttributes()]);
    }

    /** State from the attributes, or null (none given / rejected: the problem is recorded). */
    #readState() {
      try {
        return this.#adapter.fromAttributes(this.#stateAttributes());
      } catch (error) {
        const problem = this.#adapter.asAttributeError(error, this.#stateAttributes());
        this.#problems.state = [(tr) => attributeMessage(problem, tr)];
        return null;
      }
    }

    async #start() {
      if (!this.#shadow) return;
      const generation = ++this.#generation;
      const current = () => generation === this.#generation && this.isConnected;
      registerEmbedUnit();
      this.#buildFrame();
      this.#problems = { lang: [], state: [], widget: [], failure: [] };
      const { lang, problem } = resolveLang(this);
      this.#lang = lang;
      if (problem !== null) this.#problems.lang = [(tr) => langMessage(problem, tr)];

      const [t, sheets, adapterModule, mount] = await Promise.all([
        translatorFor(lang).catch(() => null),
        sheetsFor(entry),
        entry.adapter(),
        MOUNTS[entry.name](),
      ]);
      ensureKatexFonts().catch((error) => console.warn(`<${entry.tag}>: KaTeX fonts:`, error));
      if (!current()) return;
      this.#t = t;
      if (!t) throw new Error('locale files could not be loaded');
      this.#shadow.adoptedStyleSheets = sheets;
      this.#frame.setAttribute('lang', lang);
      this.#adapter = adapterModule.adapter;

      const signature = this.#signature();
      let initialState = this.#readState();
      if (this.#kept && this.#kept.signature === signature) initialState = this.#kept.state;
      this.#kept = null;
      this.#attributeSignature = signature;
      this.#renderProblems(t);

      const root = document.createElement('div');
      root.className = 'actlab-embed-widget';
      this.#frame.append(root);
      this.#widget = mount(root, {
        lang,
        initialState,
        onStateChange: (state) => this.#guard(() => this.dispatchEvent(new CustomEvent('actlab-statechange', { detail: { state } }))),
        onSolved: ({ exercise, attempts }) => this.#guard(() => this.dispatchEvent(new CustomEvent('actlab-solved', {
          bubbles: true, composed: true, detail: { exercise, attempts },
        }))),
        onInvalidState: (error) => this.#guard(() => {
          const problem = this.#adapter.asAttributeError(error, this.#stateAttributes());
          this.#problems.widget = [(tr) => attributeMessage(problem, tr)];
          this.#renderProblems(this.#t);
        }),
      });
      await this.#widget.ready;
      await texReady(); // asked only now: the widget's formulas are requested while it starts
      if (!current()) return;
      // Attributes changed while the widget was starting (e.g. a page script set lang): follow them.
      if (resolveLang(this).lang !== this.#lang || resolveLang(this).problem !== problem || this.#signature() !== signature) {
        await this.#update();
        if (!current()) return;
      }
      this.#settle(true);
      this.dispatchEvent(new CustomEvent('actlab-ready'));
    }

    #stop() {
      this.#generation += 1;
      if (this.#widget) {
        this.#kept = { signature: this.#attributeSignature, state: this.getState() };
        const widget = this.#widget;
        this.#widget = null;
        widget.destroy();
      }
    }

    #queueUpdate() {
      if (this.#updateQueued) return;
      this.#updateQueued = true;
      queueMicrotask(() => {
        this.#updateQueued = false;
        this.#guard(() => this.#update());
      });
    }

    /** Attributes changed after start: follow the language, and the state if its attributes changed. */
    async #update() {
      const widget = this.#widget;
      if (!widget) return;
      const { lang, problem } = resolveLang(this);
      this.#problems.lang = problem !== null ? [(tr) => langMessage(problem, tr)] : [];
      if (lang !== this.#lang) {
        this.#lang = lang;
        this.#t = await translatorFor(lang);
        this.#frame.setAttribute('lang', lang);
        await widget.setLang(lang);
      }
      const signature = this.#signature();
      if (signature !== this.#attributeSignature) {
        this.#attributeSignature = signature;
        this.#problems.state = [];
        this.#problems.widget = [];
        const given = this.#stateAttributes().size > 0;
        const state = given ? this.#readState() : this.#adapter.defaultState();
        if (state) await widget.setState(state);
      }
      this.#renderProblems(this.#t);
    }
  }

  customElements.define(entry.tag, ActlabWidgetElement);
}

for (const entry of WIDGETS) {
  try {
    defineElement(entry);
  } catch (error) {
    console.warn(`ActLab: <${entry.tag}> could not be defined:`, error);
  }
}
