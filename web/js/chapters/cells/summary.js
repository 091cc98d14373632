// Chapter 9's scratch cells (see chapters/scratch-cells.js): prepared experiments the learner edits and runs.
export default [
  {
    key: 'cspeed',
    titleKey: 'scratch.cell.speed.title',
    introKey: 'scratch.cell.speed.intro',
    code: `// How fast is each activation inside the engine? Time 100 training steps
// (forward, backward, update) of the same network, best of 3 runs. The times
// depend on this computer: compare them with each other.
const names = ['relu', 'leaky_relu', 'prelu', 'sigmoid', 'tanh', 'elu', 'gelu', 'silu', 'softplus'];
const rows = [];
for (const activation of names) {
  const session = engine.createSession({
    input_size: 2,
    layers: [{ units: 32, activation }, { units: 32, activation }, { units: 1, activation: 'sigmoid' }],
    init: { scheme: 'kaiming_uniform', seed: 0 },
    loss: 'bce',
    optimiser: { optimiser: 'sgd', learning_rate: 0.1 },
    dataset: { kind: 'spirals', size: 512, noise: 0.1, seed: 1 },
  });
  let best = Infinity;
  for (let repeat = 0; repeat < 3; repeat += 1) {
    const start = performance.now();
    session.train(100, 64);
    best = Math.min(best, performance.now() - start);
  }
  session.delete();
  rows.push({ activation, 'ms per 100 steps': best });
}
rows.sort((a, b) => a['ms per 100 steps'] - b['ms per 100 steps']);
table(rows);
plot(rows.map((_, k) => k + 1), { 'ms per 100 steps': rows.map((r) => r['ms per 100 steps']) },
  { title: 'Fastest (1) to slowest', xLabel: 'rank', yLabel: 'ms' });
show('Fastest:', rows[0].activation, '· slowest:', rows[rows.length - 1].activation);
`,
  },
];
