// Chapter 1, why activations: stacked linear maps are one line; with tanh between them they bend.
import { chain } from '../network.js';

function generate(random) {
  return {
    w1: random.grid(-2, 2, 0.5, 0), b1: random.grid(-1, 1, 0.5), w2: random.grid(-2, 2, 0.5, 0), b2: random.grid(-1, 1, 0.5),
    w3: random.grid(-1.5, 1.5, 0.5, 0), b3: random.grid(-1, 1, 0.5), x: random.grid(-1.5, 1.5, 0.5),
  };
}

export default [
  {
    id: 'linear-collapse',
    kind: 'numeric',
    generate,
    figure: (numbers) => [1, 2, 3].map((k) => `y_${k} = ${numbers[`w${k}`]}\\,y_${k - 1} + (${numbers[`b${k}`]})`).join(',\\quad ')
      + ',\\quad y_0 = x',
    solve(engine, { w1, b1, w2, b2, w3, b3 }) {
      const through = (x) => chain(engine, {
        x, t: 0, activations: ['identity', 'identity', 'identity'], w: [w1, w2, w3], b: [b1, b2, b3],
      }).outputs[0][0];
      const B = through(0);
      return { answer: B, tolerance: { abs: 1e-3, rel: 0 }, work: { B, W: through(1) - B } };
    },
  },
  {
    id: 'tanh-stack',
    kind: 'numeric',
    generate,
    figure: ({ w1, b1, w2, b2, x }) => `y_1 = \\tanh(${w1}\\,x + (${b1})),\\quad y_2 = \\tanh(${w2}\\,y_1 + (${b2})),\\quad x = ${x}`,
    solve(engine, { w1, b1, w2, b2, x }) {
      const response = chain(engine, { x, t: 0, activations: ['tanh', 'tanh'], w: [w1, w2], b: [b1, b2] });
      const y2 = response.outputs[0][0];
      return {
        answer: y2, tolerance: { abs: 1e-3, rel: 0 },
        work: {
          z1: response.layers[0].pre_activations[0][0], y1: response.layers[0].activations[0][0],
          z2: response.layers[1].pre_activations[0][0], y2,
        },
      };
    },
  },
];
