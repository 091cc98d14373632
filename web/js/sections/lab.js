// Section: "Compare activations side by side" — the comparison lab widget.
import { LAB_WORDING } from '../kit/state/lab-messages.js';
import { decodeLabHash, encodeLabHash } from '../kit/state/lab-codec.js';
import { mountLab } from '../widgets/lab/index.js';
import { widgetSection } from './widget-section.js';

const SIGMOID_BOUND = "\\sigma'(z) = \\sigma(z)\\big(1 - \\sigma(z)\\big) \\le \\tfrac14";

export default widgetSection({
  id: 'lab',
  titleKey: 'lab.section.title',
  hash: { decode: decodeLabHash, encode: encodeLabHash, wording: LAB_WORDING },
  intro: ['lab.section.p1', SIGMOID_BOUND, 'lab.section.p2'],
  stylesheets: ['vendor/uplot/uPlot.min.css', 'css/lab.css'],
  mountWidget: mountLab,
});
