// The linear stack's engine calls: a 1 → 1 → … → 1 network whose layers are the stacked maps,
// once with identity activations (the pure stack of linear maps) and once with the chosen
// activation after every map, evaluated over a grid of x. The engine does all the arithmetic; JS
// only measures how far the outputs are from a straight line.

export const STACK_POINTS = 201;
export const SAMPLE_XS = (range) => [-range, -range / 2, 0, range / 2, range];

export function stackGrid(range) {
  const half = (STACK_POINTS - 1) / 2;
  return Array.from({ length: STACK_POINTS }, (_, k) => (range * (k - half)) / half);
}

function layerFor(activation) {
  if (activation === 'leaky_relu') return { units: 1, activation, slope: 0.01 };
  return { units: 1, activation };
}

/** Outputs of the stack at `xs`, with `activation` ('identity' for none) after every map. */
export function stackOutputs(engine, state, activation, xs) {
  const response = engine.evaluate({
    input_size: 1,
    layers: state.weights.map(() => layerFor(activation)),
    weights: state.weights.map((w) => [[w]]),
    biases: state.biases.map((b) => [b]),
    inputs: xs.map((x) => [x]),
  });
  return response.outputs.map((row) => row[0]);
}

/**
 * How straight is a curve? The line through its end points, y = slope·x + intercept, and the
 * largest vertical distance of any point from it (0 up to rounding for a stack of linear maps).
 */
export function straightness(xs, ys) {
  const n = xs.length;
  const slope = (ys[n - 1] - ys[0]) / (xs[n - 1] - xs[0]);
  const intercept = ys[0] - slope * xs[0];
  let deviation = 0;
  for (let k = 0; k < n; k += 1) {
    if (typeof ys[k] !== 'number') return { slope, intercept, deviation: NaN };
    deviation = Math.max(deviation, Math.abs(ys[k] - (slope * xs[k] + intercept)));
  }
  const scale = Math.max(1e-300, ...ys.map((y) => Math.abs(y)));
  return { slope, intercept, deviation, relative: deviation / scale };
}

/** Everything the widget shows: the linear stack, and the stack with the activation if it is on. */
export function computeStack(engine, state) {
  const xs = stackGrid(state.range);
  const samples = SAMPLE_XS(state.range);
  const linear = stackOutputs(engine, state, 'identity', xs);
  const linearSamples = stackOutputs(engine, state, 'identity', samples);
  const result = {
    xs,
    samples,
    linear: { ys: linear, samples: linearSamples, shape: straightness(xs, linear) },
    bent: null,
  };
  if (state.active) {
    const ys = stackOutputs(engine, state, state.activation, xs);
    result.bent = { ys, samples: stackOutputs(engine, state, state.activation, samples), shape: straightness(xs, ys) };
  }
  return result;
}
