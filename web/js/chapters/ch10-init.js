// Chapter 10: initialisation (the article's sibling post on Xavier and Kaiming). Why the scale of
// the initial weights decides whether signals and gradients survive depth: the variance argument
// step by step, Xavier/Glorot and Kaiming/He derived with their gains (Leaky ReLU's √(2/(1+s²))),
// and the engine's per-layer standard deviations of activations and gradients for four
// initialisers and any activation over 1–32 layers (figures/init-depth.js).
import { defineChapter, p, h3, tex, note, figure } from './common.js';
import { mountInitDepth, INIT_FIELDS } from './figures/init-depth.js';
import { initPrediction } from './predictions.js';

export default defineChapter({
  id: 'init',
  buildsOn: ['sigmoid', 'relu', 'leaky-relu'],
  sources: ['lecun1998', 'glorot2010', 'he2015', 'pytorchInit'],
  tryThis: { key: 'init.try', hash: '#init?v=1&act=tanh&slope=0.01&dep=32&seed=1' },
  state: { fields: INIT_FIELDS },
  blocks: () => [
    p('init.p1'),
    h3('init.h.variance'),
    p('init.p2'),
    tex('\\operatorname{Var}(z) = \\sum_{i=1}^{n} \\operatorname{Var}(w_i a_i) = n\\,\\operatorname{Var}(w\\,a) '
      + '= n\\,\\Bigl(\\mathbb{E}[w^2]\\,\\mathbb{E}[a^2] - \\bigl(\\mathbb{E}[w]\\,\\mathbb{E}[a]\\bigr)^2\\Bigr) '
      + '= n\\,\\operatorname{Var}(w)\\,\\mathbb{E}[a^2]'),
    p('init.p3'),
    tex('\\mathbb{E}\\bigl[f(z)^2\\bigr] = c\\,\\operatorname{Var}(z), \\qquad '
      + 'c_{\\mathrm{identity}} = 1, \\quad c_{\\mathrm{ReLU}} = \\tfrac12, \\quad c_{\\mathrm{L\\text{-}ReLU}} = \\frac{1 + s^2}{2}'),
    p('init.p4'),
    tex('\\operatorname{Var}(z_D) = \\bigl(n\\,\\operatorname{Var}(w)\\,c\\bigr)^{D-1} \\operatorname{Var}(z_1)'),
    p('init.p5'),
    tex('\\operatorname{Var}\\!\\left(\\frac{\\partial L}{\\partial z_{l-1}}\\right) '
      + '= n_{\\mathrm{out}}\\,\\operatorname{Var}(w)\\,\\mathbb{E}\\bigl[f\'(z)^2\\bigr]\\,'
      + '\\operatorname{Var}\\!\\left(\\frac{\\partial L}{\\partial z_{l}}\\right)'),
    p('init.p6'),
    h3('init.h.xavier'),
    p('init.p7'),
    tex('\\operatorname{Var}(w) = \\frac{2}{n_{\\mathrm{in}} + n_{\\mathrm{out}}}, \\qquad '
      + 'w \\sim U\\!\\left(-\\sqrt{\\frac{6}{n_{\\mathrm{in}} + n_{\\mathrm{out}}}},\\; '
      + '\\sqrt{\\frac{6}{n_{\\mathrm{in}} + n_{\\mathrm{out}}}}\\right)'),
    h3('init.h.kaiming'),
    p('init.p8'),
    tex('\\mathbb{E}\\bigl[\\operatorname{L-ReLU}(z)^2\\bigr] = \\tfrac12 \\operatorname{Var}(z) + \\tfrac12 s^2 \\operatorname{Var}(z) '
      + '\\;\\Rightarrow\\; \\operatorname{Var}(w) = \\frac{g^2}{n_{\\mathrm{in}}}, \\quad g = \\sqrt{\\frac{2}{1 + s^2}}'),
    p('init.p9'),
    note('init.gains'),
    h3('init.h.measured'),
    p('init.p10'),
    initPrediction(figure(mountInitDepth)),
    p('init.p11'),
    p('init.p12'),
  ],
});
