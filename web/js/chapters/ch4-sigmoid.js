// Chapter 4: sigmoid (the article's §2, figures 9–14): the function and its derivative with a
// movable point (the 0.25 maximum is the engine's peak_derivative), the same-sign gradients of
// figure 12 counted over a dataset, and the vanishing gradient of a deep sigmoid chain next to
// the (1/4)^depth bound. The article's slip “f 就是 σ′” is corrected in a note.
import { defineChapter, p, h3, tex, note, figure, plotFigure } from './common.js';
import { mountActivationPlot } from '../widgets/activation-plot/index.js';
import { mountSameSign, SAME_SIGN_FIELDS } from './figures/same-sign.js';
import { mountVanishing, CHAIN_FIELDS } from './figures/vanishing.js';
import { sigmoidPrediction } from './predictions.js';
import { withScratchCells } from './scratch-cells.js';
import CELLS from './cells/sigmoid.js';

export default defineChapter(withScratchCells({
  id: 'sigmoid',
  buildsOn: ['stepper', 'criteria'],
  sources: ['article.sigmoid', 'lecun1998', 'glorot2010'],
  tryThis: { key: 'sigmoid.try', hash: '#sigmoid?v=1&y=5&r=6&d=1&seed=5&dep=6&w=1&b=4' },
  state: {
    plot: { activation: 'sigmoid' },
    fields: { ...SAME_SIGN_FIELDS, ...CHAIN_FIELDS },
  },
  blocks: () => [
    p('sigmoid.p1'),
    tex('\\sigma(y) = \\frac{1}{1 + e^{-y}}'),
    p('sigmoid.p2'),
    tex("\\sigma'(y) = \\frac{e^{-y}}{(1 + e^{-y})^2} = \\frac{1}{1 + e^{-y}}\\cdot\\frac{e^{-y}}{1 + e^{-y}} "
      + "= \\sigma(y)\\,\\bigl(1 - \\sigma(y)\\bigr) \\le \\tfrac14"),
    note('sigmoid.correction'),
    plotFigure(mountActivationPlot, { activations: ['sigmoid'] }),
    p('sigmoid.p3'),
    h3('sigmoid.h.centred'),
    p('sigmoid.p4'),
    tex('\\frac{\\partial L}{\\partial w_1} = \\frac{\\partial L}{\\partial z}\\, h_1, '
      + '\\qquad \\frac{\\partial L}{\\partial w_2} = \\frac{\\partial L}{\\partial z}\\, h_2, \\qquad h_1, h_2 > 0'),
    p('sigmoid.p5'),
    figure(mountSameSign),
    p('sigmoid.p6'),
    h3('sigmoid.h.vanishing'),
    p('sigmoid.p7'),
    tex("\\left|\\frac{\\partial L}{\\partial w_l}\\right| "
      + "= \\left|\\frac{\\partial L}{\\partial a_D}\\right| \\prod_{k=l}^{D} \\sigma'(z_k) \\prod_{k=l+1}^{D} |w_k| \\; |a_{l-1}| "
      + "\\;\\le\\; \\left|\\frac{\\partial L}{\\partial a_D}\\right| \\left(\\tfrac14\\right)^{D-l+1} |w|^{D-l}\\, |a_{l-1}|"),
    p('sigmoid.p8'),
    sigmoidPrediction(figure(mountVanishing)),
    p('sigmoid.p9'),
  ],
}, CELLS));
