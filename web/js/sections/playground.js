// Section: "Train a network on 2-D data" — the training playground widget.
import { LAB_WORDING } from '../kit/state/lab-messages.js';
import { decodePlaygroundHash, encodePlaygroundHash } from '../kit/state/playground-codec.js';
import { mountPlayground } from '../widgets/playground/index.js';
import { widgetSection } from './widget-section.js';

const DEAD_RELU = "z_j \\le 0 \\text{ for every } n \\;\\Rightarrow\\; "
  + "\\frac{\\partial L}{\\partial w_{ji}} = \\sum_n \\frac{\\partial L}{\\partial a_{nj}}\\,\\text{ReLU}'(z_{nj})\\,x_{ni} = 0";

export default widgetSection({
  id: 'playground',
  titleKey: 'pg.section.title',
  hash: { decode: decodePlaygroundHash, encode: encodePlaygroundHash, wording: LAB_WORDING },
  intro: ['pg.section.p1', DEAD_RELU, 'pg.section.p2'],
  stylesheets: ['vendor/uplot/uPlot.min.css', 'css/lab.css', 'css/playground.css'],
  mountWidget: mountPlayground,
});
