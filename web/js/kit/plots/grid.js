// The grid of points a decision-boundary heatmap asks the engine about. Pure functions, no DOM, so
// the training worker can build the same grid. Row 0 is the top of the picture (largest y).

/** A square extent [low, high] (same for x and y) that holds every point with a margin. */
export function dataExtent(inputs, { minimum = 1.5, margin = 1.1 } = {}) {
  let largest = 0;
  for (const row of inputs) {
    largest = Math.max(largest, Math.abs(row[0]), Math.abs(row[1]));
  }
  const half = Math.max(minimum, Math.ceil(largest * margin * 10) / 10);
  return [-half, half];
}

/** The centres of a resolution × resolution grid over extent², row-major from the top-left. */
export function gridPoints(resolution, [low, high]) {
  const points = new Float64Array(resolution * resolution * 2);
  const step = (high - low) / resolution;
  for (let r = 0; r < resolution; r += 1) {
    const y = high - (r + 0.5) * step;
    for (let c = 0; c < resolution; c += 1) {
      const k = (r * resolution + c) * 2;
      points[k] = low + (c + 0.5) * step;
      points[k + 1] = y;
    }
  }
  return points;
}
