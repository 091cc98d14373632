// Chapter 9: summary. One table comparing every activation on measured saturation, sparsity, dead
// units, mean activation, gradient flow, loss and cost, filled by the engine from the standard
// experiment (docs/chapters.md); then the activations beyond the article (ELU, GELU, SiLU,
// Softplus), each live in the activation plot.
import { defineChapter, p, h3, tex, list, figure, plotFigure } from './common.js';
import { mountActivationPlot } from '../widgets/activation-plot/index.js';
import { PLOT_ACTIVATIONS } from '../kit/state/activation-plot-schema.js';
import { mountSummaryTable, SUMMARY_FIELDS } from './figures/summary-table.js';
import { summaryPrediction } from './predictions.js';
import { withScratchCells } from './scratch-cells.js';
import CELLS from './cells/summary.js';

export default defineChapter(withScratchCells({
  id: 'summary',
  buildsOn: ['criteria', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'prelu'],
  sources: ['article.summary', 'glorot2010', 'maas2013', 'he2015', 'clevert2015', 'hendrycks2016', 'elfwing2017', 'ramachandran2017'],
  tryThis: { key: 'summary.try', hash: '#summary?v=1&act=silu&y=-1.3&r=6&d=1&data=xor&seed=2' },
  state: {
    plot: { activation: 'gelu', fixed: false, choices: PLOT_ACTIVATIONS, initial: { point: -0.75 } },
    fields: SUMMARY_FIELDS,
  },
  blocks: () => [
    p('summary.p1'),
    figure(mountSummaryTable),
    list(['summary.col.help.saturation', 'summary.col.help.sparsity', 'summary.col.help.dead', 'summary.col.help.mean',
      'summary.col.help.flow', 'summary.col.help.loss', 'summary.col.help.time']),
    p('summary.p2'),
    h3('summary.h.beyond'),
    p('summary.elu'),
    tex("\\operatorname{ELU}(y) = \\begin{cases} y, & y > 0 \\\\ \\alpha\\,(e^{y} - 1), & y \\le 0 \\end{cases}"),
    p('summary.gelu'),
    tex('\\operatorname{GELU}(y) = y\\,\\Phi(y) = \\frac{y}{2}\\left(1 + \\operatorname{erf}\\frac{y}{\\sqrt2}\\right)'),
    p('summary.silu'),
    tex('\\operatorname{SiLU}(y) = y\\,\\sigma(y)'),
    p('summary.softplus'),
    tex("\\operatorname{softplus}(y) = \\ln\\left(1 + e^{y}\\right), \\qquad \\operatorname{softplus}'(y) = \\sigma(y)"),
    summaryPrediction(plotFigure(mountActivationPlot, { activations: PLOT_ACTIVATIONS })),
    h3('summary.h.takeaways'),
    list(['summary.take.1', 'summary.take.2', 'summary.take.3', 'summary.take.4', 'summary.take.5']),
  ],
}, CELLS));
