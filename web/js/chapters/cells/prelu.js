// Chapter 8's scratch cells (see chapters/scratch-cells.js): prepared experiments the learner edits and runs.
export default [
  {
    key: 'calpha',
    titleKey: 'scratch.cell.alpha.title',
    introKey: 'scratch.cell.alpha.intro',
    code: `// Sweep PReLU's starting α: the same network, trained on the spirals
// from the same weights, once per α. Try other α values, steps or data.
const alphas = [0, 0.05, 0.1, 0.25, 0.5, 0.75, 1];
const steps = 1000;
const rows = [];
for (const alpha of alphas) {
  const session = engine.createSession({
    input_size: 2,
    layers: [
      { units: 16, activation: 'prelu', alpha },
      { units: 16, activation: 'prelu', alpha },
      { units: 1, activation: 'sigmoid' },
    ],
    init: { scheme: 'kaiming_uniform', seed: 1 },
    loss: 'bce',
    optimiser: { optimiser: 'adam', learning_rate: 0.01 },
    dataset: { kind: 'spirals', size: 300, noise: 0.1, seed: 1 },
  });
  session.train(steps, 32);
  const loss = session.measure('training').loss;
  // α is learned: read where it ended up.
  const learned = session.parameters().layers[0].alpha[0];
  rows.push({ alpha, loss, learned });
  session.delete();
}
table(rows);
plot(alphas, { 'training loss': rows.map((r) => r.loss) },
  { title: 'Loss after ' + steps + ' steps', xLabel: 'starting α', yLabel: 'loss' });
`,
  },
];
