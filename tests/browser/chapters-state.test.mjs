// The chapters' and the two chapter widgets' state codecs, in Node (no browser): exact round trips,
// strict bounds, hostile input rejected with a reason; and the chapter figures' pure computations
// against the engine (the numbers the page will show).
import test from 'node:test';
import assert from 'node:assert/strict';
import createActLab from '../../web/engine/actlab.js';
import { parseHash, formatHash, HashError } from '../../web/js/kit/state/hash.js';
import { decodeActivationPlotParams, encodeActivationPlotParams } from '../../web/js/kit/state/activation-plot-codec.js';
import { validateActivationPlotState, defaultActivationPlotState } from '../../web/js/kit/state/activation-plot-schema.js';
import { decodeLinearStackParams, encodeLinearStackParams } from '../../web/js/kit/state/linear-stack-codec.js';
import { validateLinearStackState, defaultLinearStackState } from '../../web/js/kit/state/linear-stack-schema.js';
import { chapterCodec } from '../../web/js/chapters/state.js';
import { chainGradients } from '../../web/js/chapters/figures/vanishing.js';
import { stackOutputs, straightness, stackGrid } from '../../web/js/widgets/linear-stack/compute.js';

const SECTIONS = ['why', 'sigmoid', 'tanh', 'plot', 'stack'];
const params = (hash) => {
  const parsed = parseHash(hash, SECTIONS);
  assert.equal(parsed.kind, 'state');
  return parsed.params;
};
const reasonOf = (fn) => {
  try { fn(); } catch (error) {
    assert.ok(error instanceof HashError, `expected a HashError, got ${error}`);
    return error.reason;
  }
  return null;
};

test('activation-plot states survive the hash exactly, and bad ones are rejected with a reason', () => {
  for (const state of [
    defaultActivationPlotState('sigmoid'),
    { ...defaultActivationPlotState('leaky_relu'), parameter: 0.1 + 0.2, point: -2.35, range: 10 },
    { ...defaultActivationPlotState('tanh'), compare: 'article-tanh', point: 1, derivative: false },
    { ...defaultActivationPlotState('softplus'), parameter: 2.5, range: 20, point: -19.95 },
  ]) {
    const hash = formatHash('plot', encodeActivationPlotParams(state));
    assert.deepEqual(decodeActivationPlotParams(params(hash)), validateActivationPlotState(state));
  }
  const cases = {
    '#plot?act=relu6': 'activation',
    '#plot?act=sigmoid&p=0.1': 'format',
    '#plot?act=leaky_relu&p=2': 'range',
    '#plot?act=prelu&p=NaN': 'number',
    '#plot?act=sigmoid&y=7': 'range',
    '#plot?act=sigmoid&r=0.5': 'range',
    '#plot?act=sigmoid&r=6&y=1e400': 'number',
    '#plot?act=sigmoid&d=yes': 'format',
    '#plot?act=sigmoid&cmp=tanh-identity': 'format',
    '#plot?act=tanh&cmp=magic': 'format',
    '#plot?act=sigmoid&zz=1': 'unknown-key',
    '#plot?act=sigmoid&v=9': 'version',
    '#plot?y=1': 'missing',
  };
  for (const [hash, reason] of Object.entries(cases)) {
    assert.equal(reasonOf(() => decodeActivationPlotParams(params(hash))), reason, hash);
  }
  assert.equal(reasonOf(() => validateActivationPlotState({ activation: 'sigmoid', extra: 1 })), 'unknown-key');
  assert.equal(reasonOf(() => validateActivationPlotState('sigmoid')), 'type');
});

test('linear-stack states survive the hash exactly, and bad ones are rejected with a reason', () => {
  for (const state of [
    defaultLinearStackState(),
    { depth: 5, weights: [1, -2, 0.5, 3.25, -0.125], biases: [0, 1, -1, 0.1 + 0.2, 100], active: true, activation: 'gelu', range: 10 },
    { depth: 1, weights: [0], biases: [-7.5], active: false, activation: 'leaky_relu', range: 1 },
  ]) {
    const hash = formatHash('stack', encodeLinearStackParams(state));
    assert.deepEqual(decodeLinearStackParams(params(hash)), validateLinearStackState(state));
  }
  const cases = {
    '#stack?n=6&w=1,1,1,1,1,1&b=0,0,0,0,0,0': 'range',
    '#stack?n=2&w=1&b=0,0': 'count',
    '#stack?n=2&w=1,101&b=0,0': 'range',
    '#stack?n=2&w=1,x&b=0,0': 'number',
    '#stack?n=2&w=1,1&b=0,0&act=relu6': 'activation',
    '#stack?n=2&w=1,1&b=0,0&on=2': 'format',
    '#stack?n=2&w=1,1': 'missing',
    '#stack?n=2&w=1,1&b=0,0&r=11': 'range',
    '#stack?n=1.5&w=1&b=0': 'integer',
    '#stack?n=1&w=1&b=0&constructor=1': 'unknown-key',
  };
  for (const [hash, reason] of Object.entries(cases)) {
    assert.equal(reasonOf(() => decodeLinearStackParams(params(hash))), reason, hash);
  }
});

test('a chapter codec combines its fields with its plot and is as strict as the widgets', () => {
  const codec = chapterCodec({
    plot: { activation: 'sigmoid' },
    fields: { dep: { type: 'integer', range: [2, 20], default: 6 }, w: { type: 'number', range: [-10, 10], default: 1 } },
  });
  const state = { ...codec.defaults(), dep: 9, w: -0.75 };
  state.plot = { ...state.plot, point: 2.5 };
  const hash = formatHash('sigmoid', codec.encode(state));
  assert.doesNotMatch(hash, /act=/, 'a fixed activation stays out of the link');
  assert.deepEqual(codec.decode(params(hash)), codec.validate(state));
  assert.equal(reasonOf(() => codec.decode(params('#sigmoid?dep=21'))), 'range');
  assert.equal(reasonOf(() => codec.decode(params('#sigmoid?dep=2.5'))), 'integer');
  assert.equal(reasonOf(() => codec.decode(params('#sigmoid?act=tanh'))), 'unknown-key');
  assert.equal(reasonOf(() => codec.decode(params('#sigmoid?y=9'))), 'range');
  assert.equal(reasonOf(() => codec.decode(params('#sigmoid?w=1&zz=2'))), 'unknown-key');
  // Keys a link leaves out keep the chapter's defaults, including the plot's.
  const tanh = chapterCodec({ plot: { activation: 'tanh', initial: { compare: 'tanh-identity', point: 1 } } });
  assert.equal(tanh.decode(params('#tanh?y=2')).plot.compare, 'tanh-identity');
  assert.equal(tanh.decode(params('#tanh?cmp=none')).plot.compare, 'none');
  assert.equal(tanh.decode(params('#tanh?cmp=none')).plot.point, 1);
});

test('the figures compute what the chapters claim, from the engine', async () => {
  const engine = await createActLab();
  // A stack of linear maps is a line to rounding; with tanh after every map it is not.
  const state = { weights: [1.5, -0.8, 2], biases: [0.5, 1, -0.3] };
  const xs = stackGrid(3);
  assert.ok(straightness(xs, stackOutputs(engine, state, 'identity', xs)).deviation < 1e-12);
  assert.ok(straightness(xs, stackOutputs(engine, state, 'tanh', xs)).deviation > 0.1);
  // The chain's gradients stay under the (1/4)^depth bound, for the defaults and for saturated units.
  for (const setting of [{ depth: 6, w: 1, b: 0 }, { depth: 12, w: 1, b: 4 }, { depth: 4, w: -3, b: 0.5 }]) {
    const { peak, rows } = chainGradients(engine, setting);
    assert.equal(peak, 0.25);
    for (const row of rows) assert.ok(row.gradient <= row.bound * (1 + 1e-12), `${JSON.stringify(setting)} layer ${row.layer}`);
  }
});
