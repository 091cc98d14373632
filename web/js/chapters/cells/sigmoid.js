// Chapter 4's scratch cells (see chapters/scratch-cells.js): prepared experiments the learner edits and runs.
export default [
  {
    key: 'cgrad',
    titleKey: 'scratch.cell.grad.title',
    introKey: 'scratch.cell.grad.intro',
    code: `// Each layer's gradient norm ‖∂L/∂W‖ in a deep sigmoid network, for three
// initialisers. Try 'tanh' or 'relu', more layers, or another scheme.
const depth = 8;
const schemes = ['normal', 'xavier_uniform', 'kaiming_uniform'];
const data = engine.evaluate({ dataset: { kind: 'spirals', size: 200, noise: 0.1, seed: 1 } }).dataset;
const norms = {};
for (const scheme of schemes) {
  const response = engine.evaluate({
    input_size: 2,
    layers: [
      ...Array.from({ length: depth }, () => ({ units: 16, activation: 'sigmoid' })),
      { units: 1, activation: 'sigmoid' },
    ],
    init: { scheme, seed: 3 },
    inputs: data.inputs,
    targets: data.targets,
    loss: 'bce',
  });
  norms[scheme] = response.layers.map((layer) => layer.statistics.gradient_norm);
}
const layerNumbers = norms.normal.map((_, l) => l + 1);
table(layerNumbers.map((l) => ({ layer: l, ...Object.fromEntries(schemes.map((s) => [s, norms[s][l - 1]])) })));
plot(layerNumbers, norms, { title: 'Gradient norm per layer', xLabel: 'layer', yLabel: '‖∂L/∂W‖', log: true });
`,
  },
];
