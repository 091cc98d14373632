// The figure every W4 page computes and shows: the binary cross-entropy of a 2-3-1 network
// (tanh hidden layer, sigmoid output) on one example, the first number the notebook's opening
// section would show. Each page computes it with its own engine and reports the time it was shown.
export const NETWORK = {
  input_size: 2,
  layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
  weights: [[[0.5, -0.25], [0.75, 0.5], [-0.5, 1.0]], [[1.0, -1.5, 0.25]]],
  biases: [[0.1, 0, -0.1], [0.05]],
  inputs: [[0.5, -1.0]],
  targets: [[1]],
  loss: 'bce',
};

/** Writes the figure into #figure and records when the frame that shows it starts. */
export function show(loss) {
  document.getElementById('figure').textContent = `loss = ${loss.toFixed(6)}`;
  requestAnimationFrame(() => {
    window.__figure = { ms: performance.now(), text: document.getElementById('figure').textContent };
  });
}

export function fail(error) {
  document.getElementById('figure').textContent = `error: ${error.message ?? error}`;
  window.__figure = { error: String(error.message ?? error) };
}
