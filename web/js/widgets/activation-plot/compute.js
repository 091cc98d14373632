// The activation plot's engine calls. Every number drawn or printed comes from here: curve requests
// (value, derivative, peak_derivative) and one network request whose statistics describe the
// plotted range. The only arithmetic done in JavaScript is 2v − 1 for the tanh identities and the
// largest gap between two engine curves.
import { activationRequest } from '../../kit/state/activation-plot-schema.js';

export const GRID_POINTS = 240;

/**
 * GRID_POINTS evenly spaced points from −range to range. An even count keeps y = 0 itself out of
 * the grid, so the range's statistics are not skewed by the one point where tanh or GELU is exactly 0.
 */
export function grid(range) {
  const half = (GRID_POINTS - 1) / 2;
  return Array.from({ length: GRID_POINTS }, (_, k) => (range * (k - half)) / half);
}

function curve(engine, activation, points) {
  return engine.evaluate({ curve: { ...activation, points } }).curve;
}

/**
 * Everything the plot needs for a state except the movable point:
 * {xs, values, derivatives, peak, statistics: {saturation, sparsity, mean}, compare}
 */
export function computeCurves(engine, state) {
  const xs = grid(state.range);
  const activation = activationRequest(state);
  const main = curve(engine, activation, xs);
  // One unit with weight 1 and bias 0, fed the plotted points: the engine's statistics of the range.
  const { activation: name, ...parameters } = activation;
  const network = engine.evaluate({
    input_size: 1,
    layers: [{ units: 1, activation: name, ...parameters }],
    weights: [[[1]]],
    biases: [[0]],
    inputs: xs.map((x) => [x]),
  });
  const stats = network.layers[0].statistics;
  const result = {
    xs,
    values: main.values,
    derivatives: main.derivatives,
    peak: main.peak_derivative,
    statistics: { saturation: stats.saturation_fraction, sparsity: stats.sparsity_fraction, mean: stats.activation_mean },
    compare: null,
  };
  if (state.compare === 'tanh-identity') {
    // tanh(y) = 2σ(2y) − 1, both sides from the engine.
    const sigma = curve(engine, { activation: 'sigmoid' }, xs.map((x) => 2 * x));
    const overlay = sigma.values.map((v) => 2 * v - 1);
    result.compare = { kind: state.compare, values: overlay, gap: largestGap(main.values, overlay) };
  } else if (state.compare === 'article-tanh') {
    // The article's (1 − e^(−y)) / (1 + e^(−y)) = 2σ(y) − 1, which is tanh(y/2).
    const sigma = curve(engine, { activation: 'sigmoid' }, xs);
    const overlay = sigma.values.map((v) => 2 * v - 1);
    const halfTanh = curve(engine, { activation: 'tanh' }, xs.map((x) => x / 2)).values;
    result.compare = {
      kind: state.compare, values: overlay, gap: largestGap(main.values, overlay), halfGap: largestGap(halfTanh, overlay),
    };
  }
  return result;
}

/** The value and derivative at the movable point (and, for the overlays, theirs). */
export function computePoint(engine, state) {
  const activation = activationRequest(state);
  const main = curve(engine, activation, [state.point]);
  const result = { y: state.point, value: main.values[0], derivative: main.derivatives[0], compare: null };
  if (state.compare === 'tanh-identity') {
    const sigma = curve(engine, { activation: 'sigmoid' }, [2 * state.point]);
    result.compare = { value: 2 * sigma.values[0] - 1 };
  } else if (state.compare === 'article-tanh') {
    const sigma = curve(engine, { activation: 'sigmoid' }, [state.point]);
    const half = curve(engine, { activation: 'tanh' }, [state.point / 2]);
    result.compare = { value: 2 * sigma.values[0] - 1, halfTanh: half.values[0] };
  }
  return result;
}

export function largestGap(a, b) {
  let gap = 0;
  for (let k = 0; k < a.length; k += 1) {
    if (a[k] === null || b[k] === null) continue;
    gap = Math.max(gap, Math.abs(a[k] - b[k]));
  }
  return gap;
}
