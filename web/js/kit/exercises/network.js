// Small engine requests the exercises share: an activation's value and slope at a few points, and
// a pass (with its gradients) through a chain or a layer written out with its numbers; and the one
// exercise two chapters ask of their activation (its derivative through its own value).

/** {values, derivatives} of `activation` (with its parameters, e.g. {slope: 0.1}) at `points`. */
export function curve(engine, activation, points, parameters = {}) {
  return engine.evaluate({ curve: { activation, points, ...parameters } }).curve;
}

/**
 * One example through a network given by its numbers, MSE loss:
 * network(engine, {inputs: [x…], layers: [{activation, …parameters}], weights, biases, target: [t…]}).
 * weights[k] is layer k's units × fan-in matrix; the response has every gradient.
 */
export function network(engine, { inputs, layers, weights, biases, target, update = null }) {
  return engine.evaluate({
    input_size: inputs.length,
    layers: layers.map((layer, k) => ({ units: biases[k].length, ...layer })),
    weights, biases,
    inputs: [inputs],
    targets: [target],
    loss: 'mse',
    ...(update ? { update } : {}),
  });
}

/** A chain of single units (1 → 1 → … → 1): weights w[k], biases b[k], one activation per unit. */
export function chain(engine, { x, t, activations, w, b, update = null }) {
  return network(engine, {
    inputs: [x],
    layers: activations.map((activation) => (typeof activation === 'string' ? { activation } : activation)),
    weights: w.map((value) => [[value]]),
    biases: b.map((value) => [value]),
    target: [t],
    update,
  });
}

/**
 * The exercise "write f′(y) through f's own value" (sigmoid: s(1 − s), tanh: 1 − t²): three inputs
 * y drawn from `ranges` ([low, high, step] each), the formula in `variable` checked at the values the
 * engine gives against the derivatives it gives.
 */
export function derivativeThroughValue({ id, activation, variable, ranges }) {
  return {
    id,
    kind: 'formula',
    generate: (random) => ({ y: ranges.map(([low, high, step]) => random.grid(low, high, step)) }),
    solve(engine, { y }) {
      const { values, derivatives } = curve(engine, activation, y);
      return {
        variables: [variable], points: values.map((value) => ({ [variable]: value })), expected: derivatives,
        work: { y0: y[0], [`${variable}0`]: values[0], d0: derivatives[0] },
      };
    },
  };
}
