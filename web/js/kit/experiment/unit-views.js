// What every hidden unit of a network does, for the playground's network diagram: its output over
// the input plane (a small heatmap), and on the training points its share of zeros, whether it is
// dead (0 on every point) or mostly saturated, and a histogram of its outputs.
//
// The outputs come from the engine: for hidden layer l, a session holding the network's first l + 1
// layers with the trained parameters answers predict() for all grid points (and all training points)
// in one batched call, as rows × units, so every unit of the layer is computed at once. Where the
// activation saturates, each unit's saturation share is the engine's own statistic (measure, the
// definition of docs/statistics.md) of a copy of the network cut down to that unit. The page only
// counts zeros and bins. No DOM: this runs in the training worker.

const MOSTLY = 0.5;                // a unit is marked saturated on more than half the points
const BINS = 16;

/** The engine's layer specs for the first `count` layers, PReLU's α as trained. */
function truncatedLayers(layers, parameters, count) {
  return layers.slice(0, count).map((layer, l) => {
    const alpha = parameters.layers[l].alpha;
    if (layer.activation !== 'prelu' || !Array.isArray(alpha)) return { ...layer };
    return { ...layer, alpha: alpha.length === 1 ? alpha[0] : alpha };
  });
}

/** A session of the network's first `count` layers (with `last` replacing the last layer's parameters). */
function prefixSession(engine, spec, parameters, count, last = null) {
  const layers = truncatedLayers(spec.layers, parameters, count);
  const weights = parameters.layers.slice(0, count).map((layer) => layer.weights);
  const biases = parameters.layers.slice(0, count).map((layer) => layer.biases);
  if (last) {
    layers[count - 1] = { ...layers[count - 1], ...last.layer };
    weights[count - 1] = last.weights;
    biases[count - 1] = last.biases;
  }
  return engine.createSession({ input_size: spec.input_size, layers, weights, biases, optimiser: spec.optimiser });
}

/** `session` answers `use`, then is freed. */
function using(session, use) {
  try { return use(session); } finally { session.delete(); }
}

const predictRows = (session, rows) => (rows.length === 0 ? new Float64Array(0) : session.predict(rows));

/**
 * Unit j of layer l alone: the first l layers, then layer l cut down to unit j. The engine's own
 * statistics of that one-unit layer (measure) are unit j's: its saturation share on the data.
 */
function unitSaturation(engine, spec, parameters, l, j, data, zeros) {
  const { weights, biases, alpha } = parameters.layers[l];
  const layer = { units: 1 };
  if (spec.layers[l].activation === 'prelu' && Array.isArray(alpha)) {
    layer.alpha = alpha.length === 1 ? alpha[0] : alpha[j];
    layer.alpha_mode = 'shared';
  }
  const session = prefixSession(engine, spec, parameters, l + 1, { layer, weights: [weights[j]], biases: [biases[j]] });
  return using(session, (s) => s.measure(data, zeros).layers[l].saturation_fraction);
}

/** Zeros, dead and a histogram of unit j's outputs `a` (points × units) on the data; `saturated` its share. */
function unitStatistics(a, units, j, saturated) {
  const points = a.length / units;
  let zeros = 0;
  let low = Infinity;
  let high = -Infinity;
  for (let n = 0; n < points; n += 1) {
    const value = a[n * units + j];
    if (value === 0) zeros += 1;
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  if (points === 0) return { zeros: 0, saturated: 0, dead: false, mostlySaturated: false, range: [-1, 1], counts: [] };
  if (!(high > low)) { low -= 0.5; high += 0.5; }
  const counts = new Array(BINS).fill(0);
  for (let n = 0; n < points; n += 1) {
    const bin = Math.floor(((a[n * units + j] - low) / (high - low)) * BINS);
    counts[Math.max(0, Math.min(BINS - 1, bin))] += 1;
  }
  return { zeros: zeros / points, saturated, dead: zeros === points, mostlySaturated: saturated > MOSTLY, range: [low, high], counts };
}

/**
 * unitViews(engine, spec, parameters, {resolution, extent, grid, data, saturates}) →
 *   {resolution, extent, layers: [{units, map, weights, biases, alpha, stats: [per unit]}], output: {weights, biases}}
 * spec: the session spec (input_size, layers, optimiser); parameters: session.parameters();
 * grid: gridPoints(resolution, extent); data: the training inputs, flat; saturates: whether the hidden
 * activation's derivative decays (the catalogue's `saturates`). map: resolution² × units, row-major
 * by grid point (gridPoints order), the unit's output a at each point.
 */
export function unitViews(engine, spec, parameters, { resolution, extent, grid, data, saturates }) {
  const hidden = spec.layers.length - 1;
  const layers = [];
  const points = data.length / spec.input_size;
  const zeros = points > 0 && saturates ? new Float64Array(points) : null;
  for (let l = 0; l < hidden; l += 1) {
    const units = spec.layers[l].units;
    const [map, a] = using(prefixSession(engine, spec, parameters, l + 1), (s) => [s.predict(grid), predictRows(s, data)]);
    const { weights, biases, alpha } = parameters.layers[l];
    layers.push({
      units, map, weights, biases, alpha: alpha || null,
      stats: Array.from({ length: units }, (_, j) => unitStatistics(a, units, j,
        zeros ? unitSaturation(engine, spec, parameters, l, j, data, zeros) : 0)),
    });
  }
  const { weights, biases } = parameters.layers[hidden];
  return { resolution, extent, layers, output: { weights, biases } };
}
