// The comparison lab's activations split across training workers, and their snapshots merged back.
// Each activation's network is its own engine session, independent of the others, so training the
// groups in separate workers gives the same numbers as one worker training them all; merging puts
// the runs back in the spec's order and takes the experiment's step as one worker would report it.

/** How many groups: one per network, at most `cores` (at least 1). */
export function groupCount(networks, cores) {
  return Math.max(1, Math.min(networks, Math.floor(cores) || 1));
}

/** The spec split into `count` specs with consecutive, near-equal shares of its networks. */
export function splitSpec(spec, count) {
  const n = spec.networks.length;
  return Array.from({ length: count }, (_, g) => ({
    ...spec,
    networks: spec.networks.slice(Math.floor((g * n) / count), Math.floor(((g + 1) * n) / count)),
  }));
}

/**
 * One snapshot from the groups' snapshots (in group order). A group whose networks have all diverged
 * stops counting steps at the last divergence, as a single experiment does once all its networks have;
 * the others go on together, so the experiment's step is the largest. The groups measure side by side:
 * the slowest sets measureMs.
 */
export function mergeSnapshots(snapshots) {
  return {
    step: Math.max(...snapshots.map((snapshot) => snapshot.step)),
    runs: snapshots.flatMap((snapshot) => snapshot.runs),
    measureMs: Math.max(...snapshots.map((snapshot) => snapshot.measureMs)),
    diverged: snapshots.every((snapshot) => snapshot.diverged),
    empty: snapshots.some((snapshot) => snapshot.empty), // every group holds the same data
    stale: snapshots.some((snapshot) => snapshot.stale),
  };
}

/** The groups' answers to 'open' as one ({train, test, extent} are the same in every group). */
export function mergeOpened(opened) {
  const { train, test, extent } = opened[0];
  return { train, test, extent, snapshot: mergeSnapshots(opened.map((one) => one.snapshot)) };
}

/** The groups' answers to 'advance' as one: they train side by side, so the slowest sets trainMs. */
export function mergeAdvanced(advanced) {
  return {
    snapshot: mergeSnapshots(advanced.map((one) => one.snapshot)),
    trainMs: Math.max(...advanced.map((one) => one.trainMs)),
  };
}
