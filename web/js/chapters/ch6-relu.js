// Chapter 6: ReLU (the article's §4, figures 18–21): the function, sparsity measured over a dataset
// as a unit-by-example map, and its limits — a non-zero mean and dead units, shown live on the
// dead-start network (biases start negative) and, for more, in the training playground.
import { defineChapter, playgroundPresetLink, p, h3, tex, list, figure, plotFigure } from './common.js';
import { mountActivationPlot } from '../widgets/activation-plot/index.js';
import { mountSparsityMap, SPARSITY_FIELDS } from './figures/sparsity-map.js';
import { mountDeadStart, DEAD_START_FIELDS } from './figures/dead-start.js';
import { reluPrediction } from './predictions.js';
import { withScratchCells } from './scratch-cells.js';
import CELLS from './cells/relu.js';

export default defineChapter(withScratchCells({
  id: 'relu',
  buildsOn: ['sigmoid', 'tanh'],
  sources: ['article.relu', 'nair2010', 'glorot2011', 'he2015'],
  tryThis: { key: 'relu.try', hash: '#relu?v=1&y=1&r=6&d=1&seed=1&b=-1&rb=-3' },
  state: {
    plot: { activation: 'relu', initial: { point: 1 } },
    fields: { ...SPARSITY_FIELDS, ...DEAD_START_FIELDS },
  },
  blocks: () => [
    p('relu.p1'),
    tex("\\operatorname{ReLU}(y) = \\max(0, y) = \\begin{cases} y, & y > 0 \\\\ 0, & y \\le 0 \\end{cases} "
      + "\\qquad \\operatorname{ReLU}'(y) = \\begin{cases} 1, & y > 0 \\\\ 0, & y \\le 0 \\end{cases}"),
    p('relu.p2'),
    plotFigure(mountActivationPlot, { activations: ['relu'] }),
    h3('relu.h.sparsity'),
    p('relu.p3'),
    reluPrediction(figure(mountSparsityMap)),
    p('relu.p4'),
    list(['relu.benefit.1', 'relu.benefit.2', 'relu.benefit.3']),
    h3('relu.h.limits'),
    p('relu.p5'),
    list(['relu.limit.1', 'relu.limit.2']),
    p('relu.p6'),
    figure((host, ctx) => mountDeadStart(host, ctx, { runs: () => [{ id: 'relu', activation: 'relu' }], kind: 'dead-start-relu' })),
    p('relu.p7', { playground: (t) => playgroundPresetLink('dead-relu', t, t('relu.playground')) }),
  ],
}, CELLS));
