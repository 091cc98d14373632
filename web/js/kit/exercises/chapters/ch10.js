// Chapter 10, initialisation: Xavier against Kaiming on the same ReLU stack (positive homogeneity
// makes the answer exact), and choosing the scale of a plain normal initialisation that keeps a deep
// ReLU stack's signal alive.
import { stackStatistics, stackDraws } from '../../deep-stack.js';

const WIDTH = 64;
const BATCH = 64;
const lastStd = (layers) => layers[layers.length - 1].activationStd;

export default [
  {
    id: 'init-xavier-relu',
    kind: 'numeric',
    generate: (random) => ({ depth: random.integer(4, 12), seed: random.integer(1, 99) }),
    solve(engine, { depth, seed }) {
      const draws = stackDraws(engine, { batch: BATCH, width: WIDTH, seed });
      const run = (scheme) => lastStd(stackStatistics(engine, {
        activation: 'relu', depth, width: WIDTH, batch: BATCH, seed, draws, init: { scheme },
      }));
      const xavier = run('xavier_normal');
      const kaiming = run('kaiming_normal');
      return { answer: xavier / kaiming, tolerance: { abs: 0, rel: 0.001 }, work: { xavier, kaiming, ratio: xavier / kaiming } };
    },
  },
  {
    id: 'init-normal-scale',
    kind: 'experiment',
    generate: (random) => ({ depth: random.integer(12, 20), seed: random.integer(1, 99) }),
    fields: [{ name: 'scale', kind: 'number', min: 0.0001, max: 10, initial: 0.01 }],
    run(engine, { depth, seed }, { scale }) {
      const layers = stackStatistics(engine, {
        activation: 'relu', depth, width: WIDTH, batch: BATCH, seed, init: { scheme: 'normal', scale },
      });
      const ratio = lastStd(layers) / layers[0].activationStd;
      return { ok: ratio >= 0.25 && ratio <= 4, work: { scale, ratio, depth } };
    },
    solve(engine, numbers) {
      return { work: this.run(engine, numbers, { scale: Math.sqrt(2 / WIDTH) }).work };
    },
  },
];
