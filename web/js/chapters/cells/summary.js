// Chapter 9's scratch cells (see chapters/scratch-cells.js): prepared experiments the learner edits and runs.
export default [
  {
    key: 'cspeed',
    titleKey: 'scratch.cell.speed.title',
    introKey: 'scratch.cell.speed.intro',
    code: `// How fast is each activation inside the engine? Time 50 training steps
// (forward, backward, update) at three layer widths. Every setting runs 3
// times, taking turns, and keeps its fastest time, so a busy moment of this
// computer counts less. Compare the lines with each other.
const names = ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'gelu'];
const widths = [16, 32, 64];
const best = Object.fromEntries(names.map((name) => [name, widths.map(() => Infinity)]));
for (let repeat = 0; repeat < 3; repeat += 1) {
  for (const activation of names) {
    widths.forEach((units, k) => {
      const session = engine.createSession({
        input_size: 2,
        layers: [{ units, activation }, { units, activation }, { units: 1, activation: 'sigmoid' }],
        init: { scheme: 'kaiming_uniform', seed: 0 },
        loss: 'bce',
        optimiser: { optimiser: 'sgd', learning_rate: 0.1 },
        dataset: { kind: 'spirals', size: 512, noise: 0.1, seed: 1 },
      });
      const start = performance.now();
      session.train(50, 64);
      best[activation][k] = Math.min(best[activation][k], performance.now() - start);
      session.delete();
    });
  }
}
table(names.map((name) => ({
  activation: name,
  ...Object.fromEntries(widths.map((units, k) => [units + ' units (ms)', best[name][k]])),
})));
plot(widths, best, { title: 'Time of 50 training steps', xLabel: 'units per layer', yLabel: 'ms' });
`,
  },
];
