// Chapter 12: activations in modern networks. GELU (exact and the tanh approximation), SiLU and
// Swish-β, Mish, and the gated units (GLU, SwiGLU, GEGLU, ReGLU) of transformer feed-forward layers:
// their shapes from engine curves (figures/modern-shapes.js), Swish-β from the engine's SiLU at βy
// (figures/swish-beta.js), a gated unit's value and gradients from the engine's gate values and
// derivatives (figures/gated-unit.js; the engine has no gated layer), and chapter 9's standard
// experiment for the modern activations next to ReLU (figures/summary-table.js).
import { defineChapter, p, h3, tex, note, figure, plotFigure } from './common.js';
import { mountActivationPlot } from '../widgets/activation-plot/index.js';
import { mountModernShapes, MODERN_SMOOTH } from './figures/modern-shapes.js';
import { mountSwishBeta, SWISH_FIELDS } from './figures/swish-beta.js';
import { mountGatedUnit, GATE_FIELDS } from './figures/gated-unit.js';
import { mountSummaryTable, SUMMARY_FIELDS } from './figures/summary-table.js';
import { modernPrediction } from './predictions.js';

/** The rows of this chapter's standard-experiment table: ReLU as the reference, then the modern ones. */
export const MODERN_TABLE = ['relu', ...MODERN_SMOOTH];

export default defineChapter({
  id: 'modern',
  buildsOn: ['relu', 'summary', 'init'],
  sources: ['hendrycks2016', 'elfwing2017', 'ramachandran2017', 'misra2019', 'dauphin2017', 'shazeer2020', 'devlin2018',
    'touvron2023'],
  tryThis: { key: 'modern.try', hash: '#modern?v=1&act=silu&y=-1.28&r=6&d=1&beta=1&gate=swiglu&gu=2&gv=-1.2785&data=spirals&seed=1' },
  state: {
    plot: { activation: 'gelu', fixed: false, choices: MODERN_SMOOTH, initial: { point: -0.75 } },
    fields: { ...SWISH_FIELDS, ...GATE_FIELDS, ...SUMMARY_FIELDS },
  },
  blocks: () => [
    p('modern.p1'),
    h3('modern.h.gelu'),
    p('modern.p2'),
    tex('\\operatorname{GELU}(y) = y\\,\\Phi(y) = \\frac{y}{2}\\left(1 + \\operatorname{erf}\\frac{y}{\\sqrt2}\\right) '
      + '\\approx \\frac{y}{2}\\left(1 + \\tanh\\!\\Bigl(\\sqrt{2/\\pi}\\,\\bigl(y + 0.044715\\,y^3\\bigr)\\Bigr)\\right)'),
    p('modern.p3'),
    modernPrediction(figure(mountModernShapes)),
    p('modern.p4'),
    h3('modern.h.swish'),
    p('modern.p5'),
    tex('\\operatorname{Swish}_\\beta(y) = y\\,\\sigma(\\beta y) = \\frac{\\operatorname{SiLU}(\\beta y)}{\\beta}, \\qquad '
      + '\\operatorname{Swish}_\\beta\'(y) = \\operatorname{SiLU}\'(\\beta y), \\qquad '
      + '\\operatorname{SiLU}(y) = \\operatorname{Swish}_1(y)'),
    p('modern.p6'),
    figure(mountSwishBeta),
    h3('modern.h.mish'),
    p('modern.p7'),
    tex('\\operatorname{Mish}(y) = y\\,\\tanh\\bigl(\\operatorname{softplus}(y)\\bigr) = y\\,\\tanh\\bigl(\\ln(1 + e^{y})\\bigr), '
      + '\\qquad \\operatorname{Mish}\'(0) = \\tanh(\\ln 2) = 0.6'),
    plotFigure(mountActivationPlot, { activations: MODERN_SMOOTH }),
    h3('modern.h.measured'),
    p('modern.p8'),
    figure((host, ctx) => mountSummaryTable(host, ctx, { activations: MODERN_TABLE })),
    p('modern.p9'),
    h3('modern.h.gated'),
    p('modern.p10'),
    tex('\\operatorname{GLU}(x) = (xW + b) \\otimes \\sigma(xV + c), \\qquad '
      + '\\operatorname{FFN}_{\\mathrm{SwiGLU}}(x) = \\bigl(\\operatorname{SiLU}(xW_1) \\otimes xV\\bigr)\\,W_2'),
    p('modern.p11'),
    tex('h = u\\,g(v), \\qquad \\frac{\\partial h}{\\partial u} = g(v), \\qquad \\frac{\\partial h}{\\partial v} = u\\,g\'(v)'),
    p('modern.p12'),
    figure(mountGatedUnit),
    note('modern.honest'),
  ],
});
