// Section: "Watch backpropagation, one operation at a time" — the stepper widget, as chapter 2.
import { mountStepper } from '../widgets/stepper/index.js';
import { stepperChapter } from '../chapters/ch2-stepper.js';
import { decodeStepperHash, encodeStepperHash } from '../kit/state/stepper-codec.js';
import { widgetSection } from './widget-section.js';

const CHAIN_RULE = '\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a}\\cdot f\'(z)\\cdot\\frac{\\partial z}{\\partial w}';

export default stepperChapter(widgetSection({
  id: 'stepper',
  titleKey: 'section.stepper.title',
  hash: { decode: decodeStepperHash, encode: encodeStepperHash },
  intro: ['section.stepper.p1', CHAIN_RULE, 'section.stepper.p2'],
  mountWidget: mountStepper,
}));
