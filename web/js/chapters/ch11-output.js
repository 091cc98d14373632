// Chapter 11: output layers and numerical stability. Sigmoid with binary cross-entropy and softmax
// with cross-entropy: why the loss is computed from the logits (σ′ and softmax's Jacobian cancel, the
// gradient is p − y), the engine's gradients for BCE against MSE on a sigmoid output
// (figures/output-gradient.js), and what goes wrong in double precision when the formulas are
// evaluated as written: overflow, log(0), lost digits, next to the stable forms and the engine
// (figures/stability.js).
import { defineChapter, p, h3, tex, note, figure } from './common.js';
import { mountOutputGradient, OUTPUT_FIELDS } from './figures/output-gradient.js';
import { mountStability, STABILITY_FIELDS } from './figures/stability.js';
import { outputPrediction } from './predictions.js';

export default defineChapter({
  id: 'output',
  buildsOn: ['stepper', 'sigmoid', 'summary'],
  sources: ['bridle1990', 'goodfellowOutput', 'goldberg1991', 'pytorchBce'],
  tryThis: { key: 'output.try', hash: '#output?v=1&t=0&z=6&sz=800&st=0' },
  state: { fields: { ...OUTPUT_FIELDS, ...STABILITY_FIELDS } },
  blocks: () => [
    p('output.p1'),
    h3('output.h.bce'),
    p('output.p2'),
    tex('L = -\\bigl[t \\ln p + (1 - t)\\ln(1 - p)\\bigr], \\qquad p = \\sigma(z)'),
    tex('\\frac{\\partial L}{\\partial z} = \\frac{\\partial L}{\\partial p}\\,\\sigma\'(z) '
      + '= \\left(-\\frac{t}{p} + \\frac{1 - t}{1 - p}\\right) p\\,(1 - p) = -t\\,(1 - p) + (1 - t)\\,p = p - t'),
    p('output.p3'),
    tex('\\text{MSE:}\\quad \\frac{\\partial L}{\\partial z} = 2\\,(p - t)\\,\\sigma\'(z) = 2\\,(p - t)\\,p\\,(1 - p)'),
    outputPrediction(figure(mountOutputGradient)),
    p('output.p4'),
    h3('output.h.softmax'),
    p('output.p5'),
    tex('p_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}, \\qquad L = -\\ln p_y = \\ln \\sum_j e^{z_j} - z_y'),
    tex('\\frac{\\partial L}{\\partial z_k} = p_k - [k = y]'),
    p('output.p6'),
    tex('\\frac{\\partial p_k}{\\partial z_j} = p_k\\bigl([k = j] - p_j\\bigr), \\qquad '
      + '\\frac{\\partial L}{\\partial z_j} = -\\frac{1}{p_y}\\,\\frac{\\partial p_y}{\\partial z_j} = p_j - [j = y]'),
    h3('output.h.logits'),
    p('output.p7'),
    tex('\\sigma(z) = \\begin{cases} \\dfrac{1}{1 + e^{-z}}, & z \\ge 0 \\\\[1ex] \\dfrac{e^{z}}{1 + e^{z}}, & z < 0 \\end{cases} '
      + '\\qquad \\operatorname{softplus}(z) = \\ln(1 + e^{z}) = \\max(z, 0) + \\ln\\bigl(1 + e^{-|z|}\\bigr)'),
    tex('\\operatorname{BCE}(z, t) = \\operatorname{softplus}(z) - t\\,z, \\qquad '
      + '\\ln \\sum_j e^{z_j} = m + \\ln \\sum_j e^{z_j - m}, \\quad m = \\max_j z_j'),
    p('output.p8'),
    figure(mountStability),
    p('output.p9'),
    note('output.engine'),
  ],
});
