// A deep stack of square layers, measured at initialisation (chapter 10's figure and exercises):
// D layers of `width` units, every one with the same activation, fed a batch of N(0, 1) inputs.
// The engine reports each layer's standard deviation of the activations and the size of ∂L/∂z.
//
// The gradient is injected at the top with a fixed size: the targets are the network's own outputs
// minus a second N(0, 1) draw r, so the MSE gradient at the top is ∂L/∂a_D = 2r/(N·width) whatever
// the forward signal did, and every layer's gradient says only what the backward pass did to it.
// Both draws come from the engine's own generator (a `normal` initialisation with scale 1), so a
// seed gives the same numbers natively and in the browser.

/** A batch × width block of N(0, 1) numbers from the engine's generator, flat (row-major). */
export function normalBatch(engine, { batch, width, seed }) {
  const { layers } = engine.evaluate({
    input_size: batch, layers: [{ units: width, activation: 'identity' }],
    init: { scheme: 'normal', scale: 1, seed }, inputs: [new Array(batch).fill(0)],
  });
  return Float64Array.from(layers[0].weights.flat());
}

/** The inputs and the injected gradient's draw for a seed: {inputs, noise}, each batch × width, flat. */
export function stackDraws(engine, { batch, width, seed }) {
  return {
    inputs: normalBatch(engine, { batch, width, seed: 2 * seed }),
    noise: normalBatch(engine, { batch, width, seed: 2 * seed + 1 }),
  };
}

/**
 * stackStatistics(engine, {activation, parameters, depth, width, batch, init, seed, draws})
 * → [{layer, activationStd, gradientRms}] for layers 1 … D, where gradientRms is the root mean
 * square of ∂L/∂z over the batch. `init` is a request's init object without the seed
 * ({scheme: 'kaiming_normal'}, {scheme: 'normal', scale: 0.01}, …); `parameters` the activation's
 * ({slope: 0.2} for Leaky ReLU); `draws` the seed's stackDraws, when several stacks share them.
 */
export function stackStatistics(engine, { activation, parameters = {}, depth, width, batch, init, seed, draws = null }) {
  const { inputs, noise } = draws || stackDraws(engine, { batch, width, seed });
  const session = engine.createSession({
    input_size: width,
    layers: Array.from({ length: depth }, () => ({ units: width, activation, ...parameters })),
    init: { ...init, seed },
    loss: 'mse', optimiser: { optimiser: 'sgd', learning_rate: 0.01 },
  });
  try {
    const outputs = session.predict(inputs);
    const targets = outputs.map((value, k) => value - noise[k]);
    return session.measure(inputs, targets).layers.map((stats, l) => ({
      layer: l + 1,
      activationStd: stats.activation_std,
      gradientRms: stats.grad_pre_activation_norm / Math.sqrt(batch * width),
    }));
  } finally {
    session.delete();
  }
}
