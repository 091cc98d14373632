// The network as a PyTorch script: the same layers and activations as torch.nn modules, the engine's
// current parameters and the data as literal lists, and a last line that prints the loss and the outputs
// as JSON. A learner runs it (python3 network.py) and sees PyTorch give the engine's numbers; the test
// tests/wasm/pytorch-export.test.mjs runs it and compares them to 1e-12.
//
// Everything is float64 (torch.set_default_dtype) and every number is written as JavaScript's
// shortest round-trip text of the double, which Python reads back as that same double: the script
// holds exactly the engine's parameters. Written for Python 3 and torch ≥ 1.13 (Debian's python3-torch).
import { parameterDefault } from '../activations.js';

// Each catalogue activation as the torch.nn module with the engine's exact semantics (see
// cpp/engine/activations/). `layer` is the spec's layer; learned α (PReLU) is set with the weights.
const MODULES = {
  identity: () => 'nn.Identity()',
  sigmoid: () => 'nn.Sigmoid()',
  tanh: () => 'nn.Tanh()',
  relu: () => 'nn.ReLU()',
  leaky_relu: (layer) => `nn.LeakyReLU(negative_slope=${number(parameter(layer, 'slope'))})`,
  prelu: (layer) => (perUnit(layer) ? `nn.PReLU(num_parameters=${layer.units})` : 'nn.PReLU()'),
  elu: (layer) => `nn.ELU(alpha=${number(parameter(layer, 'alpha'))})`,
  gelu: () => 'nn.GELU()', // the exact form x·Φ(x)
  gelu_tanh: () => "nn.GELU(approximate='tanh')",
  silu: () => 'nn.SiLU()',
  mish: () => 'nn.Mish()',
  // Like the engine, torch returns z itself once βz > threshold.
  softplus: (layer) => `nn.Softplus(beta=${number(parameter(layer, 'beta'))}, threshold=${number(parameter(layer, 'threshold'))})`,
  softmax: () => 'nn.Softmax(dim=1)',
};

// How each loss reads the network: from the logits (the output layer before its sigmoid or softmax,
// model[:-1]) like the engine, or from the outputs (MSE). reduction='mean' is PyTorch's default.
const LOSSES = {
  mse: { module: 'nn.MSELoss()', reads: 'outputs', targets: 'rows' },
  bce: { module: 'nn.BCEWithLogitsLoss()', reads: 'logits', targets: 'rows' },
  cross_entropy: { module: 'nn.CrossEntropyLoss()', reads: 'logits', targets: 'labels' },
};

function parameter(layer, name) {
  return layer[name] ?? parameterDefault(layer.activation, name);
}

function perUnit(layer) {
  return layer.alpha_mode === 'per_unit' || (layer.alpha_mode === undefined && Array.isArray(layer.alpha));
}

/** A double as Python float text that reads back as the same double: JavaScript's shortest round trip. */
function number(value) {
  if (Number.isNaN(value)) return "float('nan')";
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')";
  const text = String(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text; // 2 → 2.0: a float, so the tensor is float64
}

const list = (values) => `[${Array.from(values, number).join(', ')}]`;
const rows = (matrix) => `[\n${matrix.map((row) => `    ${list(row)},`).join('\n')}\n]`;

/** Rows from number[][] or a flat row-major array of `width` columns. */
function asRows(values, width, what) {
  if (Array.isArray(values) && values.every(Array.isArray)) return values;
  if (values && typeof values.length === 'number' && width > 0 && values.length % width === 0) {
    return Array.from({ length: values.length / width }, (_, r) => Array.from(values.slice(r * width, (r + 1) * width)));
  }
  throw new Error(`${what}: expected rows (number[][]) or a flat list whose length is a multiple of ${width}`);
}

/**
 * The PyTorch script for a network: spec = {input_size, layers: [{units, activation, …parameters}]}
 * (the engine's request or session spec; its `loss` is used when `loss` is not given), parameters =
 * {layers: [{weights, biases, alpha?}]} (the engine's parameters() or a response's layers), data =
 * {inputs, targets} (rows, or flat arrays as a session's data() gives them). Returns the script's text.
 */
export function pytorchScript({ spec, parameters, data, loss = spec.loss ?? 'mse' }) {
  const layers = spec.layers;
  const lossSpec = LOSSES[loss];
  if (!lossSpec) throw new Error(`loss: unknown loss "${loss}" (expected ${Object.keys(LOSSES).join(', ')})`);
  if (parameters.layers.length !== layers.length) {
    throw new Error(`parameters.layers: expected ${layers.length} layers, got ${parameters.layers.length}`);
  }
  const outputs = layers.at(-1).units;
  const inputs = asRows(data.inputs, spec.input_size, 'inputs');
  const targets = asRows(data.targets, lossSpec.targets === 'labels' ? 1 : outputs, 'targets');

  const modules = [];
  const assignments = [];
  const unsupported = [];
  let fanIn = spec.input_size;
  layers.forEach((layer, l) => {
    const linear = modules.length;
    modules.push(`nn.Linear(${fanIn}, ${layer.units}),  # layer ${l}: z = W·x + b`);
    const made = MODULES[layer.activation];
    if (made) modules.push(`${made(layer)},`);
    else {
      unsupported.push(layer.activation);
      modules.push(`nn.Identity(),  # ActLab's "${layer.activation}" has no torch.nn module here`);
    }
    const { weights, biases, alpha } = parameters.layers[l];
    assignments.push(`model[${linear}].weight.copy_(torch.tensor(${rows(weights)}))`);
    assignments.push(`model[${linear}].bias.copy_(torch.tensor(${list(biases)}))`);
    if (layer.activation === 'prelu') {
      assignments.push(`model[${linear + 1}].weight.copy_(torch.tensor(${list(alpha)}))  # PReLU's learned α`);
    }
    fanIn = layer.units;
  });

  const lines = [
    '# An ActLab network in PyTorch: the same layers, activations, parameters and data.',
    '# Run with Python 3 and torch >= 1.13; the last line printed is JSON: {"loss": ..., "outputs": [[...], ...]}.',
    'import json',
    '',
    'import torch',
    'from torch import nn',
    '',
    'torch.set_default_dtype(torch.float64)  # the engine computes in double precision',
    '',
  ];
  if (unsupported.length > 0) {
    lines.push(`raise NotImplementedError("no torch.nn module matches ActLab's ${unsupported.join(', ')}")`, '');
  }
  lines.push('model = nn.Sequential(', ...modules.map((m) => `    ${m}`), ')', '', 'with torch.no_grad():');
  lines.push(...assignments.join('\n').split('\n').map((line) => `    ${line}`), '');
  lines.push(`inputs = torch.tensor(${rows(inputs)})`);
  if (lossSpec.targets === 'labels') {
    lines.push(`labels = torch.tensor([${targets.map((row) => String(row[0])).join(', ')}])  # class indices`);
  } else {
    lines.push(`targets = torch.tensor(${rows(targets)})`);
  }
  lines.push('', 'outputs = model(inputs)');
  if (lossSpec.reads === 'logits') {
    lines.push(`logits = model[:-1](inputs)  # before the output layer's ${layers.at(-1).activation}: the loss reads the logits`);
  }
  lines.push(`loss = ${lossSpec.module}(${lossSpec.reads}, ${lossSpec.targets === 'labels' ? 'labels' : 'targets'})`);
  lines.push('print(json.dumps({"loss": loss.item(), "outputs": outputs.tolist()}))', '');
  return lines.join('\n');
}
