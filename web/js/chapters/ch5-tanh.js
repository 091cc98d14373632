// Chapter 5: tanh (the article's §3, figures 15–17), with the article's formula corrected: the
// plot overlays 2σ(2y) − 1 (equal to tanh) or the article's (1 − e^(−y))/(1 + e^(−y)) (equal to
// tanh(y/2)), both from the engine; then zero-centred, but still saturating; then what a controlled
// comparison (σ against σ − ½) can and cannot separate: centring from the 4× steeper slope.
import { defineChapter, p, h3, tex, note, figure, plotFigure } from './common.js';
import { mountActivationPlot } from '../widgets/activation-plot/index.js';
import { mountCentring, CENTRING_FIELDS } from './figures/centring.js';
import { tanhPrediction } from './predictions.js';

export default defineChapter({
  id: 'tanh',
  buildsOn: ['sigmoid'],
  sources: ['article.tanh', 'lecun1998', 'glorot2010'],
  tryThis: { key: 'tanh.try', hash: '#tanh?v=1&y=1&r=6&d=1&cmp=article-tanh&mr=6' },
  state: {
    plot: { activation: 'tanh', initial: { compare: 'tanh-identity', point: 1 } },
    fields: CENTRING_FIELDS,
  },
  blocks: () => [
    p('tanh.p1'),
    tex('\\tanh(y) = \\frac{e^{y} - e^{-y}}{e^{y} + e^{-y}} = 2\\sigma(2y) - 1, \\qquad \\tanh\'(y) = 1 - \\tanh^2(y)'),
    note('tanh.correction'),
    tex('\\frac{1 - e^{-y}}{1 + e^{-y}} = 2\\sigma(y) - 1 = \\tanh\\!\\left(\\frac{y}{2}\\right) \\;\\ne\\; \\tanh(y)'),
    p('tanh.p2'),
    plotFigure(mountActivationPlot, { activations: ['tanh'] }),
    h3('tanh.h.centred'),
    p('tanh.p3'),
    tanhPrediction(figure(mountCentring)),
    h3('tanh.h.saturating'),
    p('tanh.p4'),
    p('tanh.p5'),
    h3('tanh.h.controlled'),
    p('tanh.p6'),
    tex('\\sigma(y) - \\tfrac12 = \\tfrac12\\tanh\\!\\left(\\frac{y}{2}\\right)'),
    tex("\\left(\\sigma - \\tfrac12\\right)'(0) = \\sigma'(0) = \\tfrac14, \\qquad \\tanh'(0) = 1"),
    p('tanh.p7'),
  ],
});
