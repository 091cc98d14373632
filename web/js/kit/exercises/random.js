// The numbers of an exercise's variant come from its seed, so a link with the seed shows the same
// exercise again. mulberry32: small, fast and good enough to pick textbook numbers.
export const SEED_LIMITS = Object.freeze([0, 999999]);

export function seededRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** A multiple of `step` in [low, high], never `avoid` (e.g. 0, where a derivative is undefined). */
    grid(low, high, step, avoid = null) {
      const count = Math.round((high - low) / step) + 1;
      for (;;) {
        const value = Number((low + Math.floor(next() * count) * step).toFixed(10));
        if (value !== avoid) return value;
      }
    },
    /** One element of `list`. */
    pick: (list) => list[Math.floor(next() * list.length)],
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
  };
}

/** A fresh seed for "new variant": any other than the current one. */
export function freshSeed(current) {
  for (;;) {
    const seed = 1 + Math.floor(Math.random() * SEED_LIMITS[1]);
    if (seed !== current) return seed;
  }
}
