// Section: "Watch backpropagation, one operation at a time" — the stepper widget.
import { h } from '../kit/dom.js';
import { texElement } from '../kit/math.js';
import { mountStepper } from '../widgets/stepper/index.js';
import { decodeStepperHash, encodeStepperHash } from '../kit/state/stepper-codec.js';

const CHAIN_RULE = '\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a}\\cdot f\'(z)\\cdot\\frac{\\partial z}{\\partial w}';

export default {
  id: 'stepper',
  titleKey: 'section.stepper.title',
  hash: { decode: decodeStepperHash, encode: encodeStepperHash },
  mount(container, { t, lang, initialState, onStateChange, onInvalidState }) {
    const intro = h('div', { class: 'section-intro' });
    const renderIntro = (tr) => {
      intro.replaceChildren(
        h('p', { text: tr('section.stepper.p1') }),
        texElement(CHAIN_RULE, { display: true, tag: 'div', className: 'tex tex--display' }),
        h('p', { text: tr('section.stepper.p2') }));
    };
    renderIntro(t);
    const widgetRoot = h('div', { class: 'widget-host' });
    container.replaceChildren(intro, widgetRoot);
    const widget = mountStepper(widgetRoot, { lang, initialState, onStateChange, onInvalidState });
    return {
      ready: widget.ready,
      setLang: (newLang, tr) => { renderIntro(tr); return widget.setLang(newLang); },
      setState: (state) => widget.setState(state),
    };
  },
};
