// Chapter 8: Parametric ReLU (He, Zhang, Ren & Sun 2015; the article's §6, figures 25–27): α learned
// by gradient descent, one per layer (shared) or one per unit; dP/dα = y for y ≤ 0 in the stepper;
// the dead-start network once more, with α's trajectory as the engine learns it.
import { defineChapter, playgroundPresetLink, p, tex, stateLink } from './common.js';
import { parameterRace } from './parameter-race.js';
import { preluPrediction } from './predictions.js';

/** A 1 → 1 → 1 chain whose first neuron is a PReLU at z = −1.1 ≤ 0; step 14 is ∂L/∂α = ∂L/∂a · z. */
export const PRELU_STEPPER_HASH = '#stepper?v=1&in=1&h=1&act=prelu:0.25,sigmoid&x=1.5&t=1&loss=mse'
  + '&w=-0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=14';

const alphaRace = parameterRace('prelu', {
  kind: 'dead-start-prelu',
  showAlpha: true,
  runs: (state) => [
    { id: 'relu', activation: 'relu' },
    { id: 'leaky_relu', activation: 'leaky_relu', slope: 0.01 },
    { id: 'prelu_shared', activation: 'prelu', alpha: state.plot.parameter, perUnit: false },
    { id: 'prelu_unit', activation: 'prelu', alpha: state.plot.parameter, perUnit: true },
  ],
});

export default defineChapter({
  id: 'prelu',
  buildsOn: ['stepper', 'leaky-relu'],
  sources: ['article.prelu', 'he2015'],
  tryThis: { key: 'prelu.try', hash: '#prelu?v=1&p=0&y=-2&r=6&d=1&rb=-2' },
  codec: alphaRace.codec,
  blocks: () => {
    const { plot, race } = alphaRace.blocks();
    return [
      p('prelu.p1'),
      tex("\\operatorname{P-ReLU}(y) = \\begin{cases} y, & y > 0 \\\\ \\alpha\\,y, & y \\le 0 \\end{cases} "
        + "\\qquad \\frac{\\partial \\operatorname{P-ReLU}}{\\partial y} "
        + "= \\begin{cases} 1, & y > 0 \\\\ \\alpha, & y \\le 0 \\end{cases}"),
      preluPrediction(plot),
      p('prelu.p2'),
      tex("\\frac{\\partial \\operatorname{P-ReLU}}{\\partial \\alpha} = \\begin{cases} 0, & y > 0 \\\\ y, & y \\le 0 \\end{cases} "
        + "\\qquad \\frac{\\partial L}{\\partial \\alpha} = \\sum_{y_i \\le 0} \\frac{\\partial L}{\\partial a_i}\\, y_i"),
      p('prelu.p3'),
      p('prelu.p4', { stepper: (t) => stateLink(PRELU_STEPPER_HASH, t('prelu.stepperLink')) }),
      p('prelu.p5'),
      race,
      p('prelu.p6'),
      p('prelu.p7', { playground: (t) => playgroundPresetLink('dead-prelu', t, t('prelu.playground')) }),
    ];
  },
});
