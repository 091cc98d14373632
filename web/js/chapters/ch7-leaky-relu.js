// Chapter 7: Leaky ReLU (Maas, Hannun & Ng 2013; the article's §5, figures 22–24): a small slope
// on the negative side, and the dead-start network of chapter 6 recovering with it. The slope in
// the plot is the slope the network trains with. The article calls the value 0.01y a gradient: a note
// corrects it (the derivative is 0.01).
import { defineChapter, playgroundPresetLink, p, tex, note } from './common.js';
import { parameterRace } from './parameter-race.js';
import { leakyPrediction } from './predictions.js';

const slopeRace = parameterRace('leaky_relu', {
  kind: 'dead-start-leaky',
  runs: (state) => [{ id: 'relu', activation: 'relu' }, { id: 'leaky_relu', activation: 'leaky_relu', slope: state.plot.parameter }],
});

export default defineChapter({
  id: 'leaky-relu',
  buildsOn: ['relu'],
  sources: ['article.leaky', 'maas2013'],
  tryThis: { key: 'leaky.try', hash: '#leaky-relu?v=1&p=0&y=-2&r=6&d=1&rb=-2' },
  codec: slopeRace.codec,
  blocks: () => {
    const { plot, race } = slopeRace.blocks();
    return [
      p('leaky.p1'),
      tex("\\operatorname{L-ReLU}(y) = \\begin{cases} y, & y > 0 \\\\ 0.01\\,y, & y \\le 0 \\end{cases} "
        + "\\qquad \\operatorname{L-ReLU}'(y) = \\begin{cases} 1, & y > 0 \\\\ 0.01, & y \\le 0 \\end{cases}"),
      note('leaky.correction'),
      p('leaky.p2'),
      leakyPrediction(plot),
      p('leaky.p3'),
      race,
      p('leaky.p4'),
      p('leaky.p5'),
      p('leaky.p6', { playground: (t) => playgroundPresetLink('dead-leaky', t, t('leaky.playground')) }),
    ];
  },
});
