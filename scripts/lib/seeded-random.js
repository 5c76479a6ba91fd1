// A seeded pseudo-random generator for benchmarks and tests that must write the same data every
// run: mulberry32, small, fast and the same on every platform, unlike Math.random.

/**
 * A generator of numbers in [0, 1) that gives the same sequence for the same seed.
 *
 * @example
 * const next = seededRandom(7); next() // 0.…, the same every run
 */
export function seededRandom(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
