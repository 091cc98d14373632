// Chapter 6's scratch cells (see chapters/scratch-cells.js): prepared experiments the learner edits and runs.
export default [
  {
    key: 'cdead',
    titleKey: 'scratch.cell.dead.title',
    introKey: 'scratch.cell.dead.intro',
    code: `// How many ReLU units die as the learning rate grows? Train the same
// network with plain SGD at each rate, then count the units that output 0
// for every training example (dead_units in each layer's statistics).
const rates = [0.01, 0.1, 0.3, 1, 3, 10];
const dead = { 'layer 1': [], 'layer 2': [] };
for (const rate of rates) {
  const session = engine.createSession({
    input_size: 2,
    layers: [
      { units: 32, activation: 'relu' },
      { units: 32, activation: 'relu' },
      { units: 1, activation: 'sigmoid' },
    ],
    init: { scheme: 'kaiming_uniform', seed: 2 },
    loss: 'bce',
    optimiser: { optimiser: 'sgd', learning_rate: rate },
    dataset: { kind: 'spirals', size: 300, noise: 0.1, seed: 1 },
  });
  session.train(300, 16);
  const { loss, layers } = session.measure('training');
  dead['layer 1'].push(layers[0].dead_units);
  dead['layer 2'].push(layers[1].dead_units);
  show('rate', rate, '→ dead units:', layers[0].dead_units, '+', layers[1].dead_units, 'of 64; loss', loss.toFixed(3));
  session.delete();
}
plot(rates, dead, { title: 'Dead ReLU units after 300 steps', xLabel: 'learning rate', yLabel: 'dead units (of 32)' });
`,
  },
];
