// The set-up steps of a benchmark (generating, loading) are not measured, but the report lists
// each with its time, so a slow machine or a slow load shows beside the figures.

/**
 * A function running one set-up step: it prints `what…` through `progress`, awaits `fn`, appends
 * `[what, 'N.N s']` to `steps` (the report's "Set-up (not measured)" lines) and returns what
 * `fn` returned.
 *
 * @example
 * const steps = [];
 * const timed = setUpTimer(progress, steps);
 * const rows = await timed('generate TPC-H SF 1', () => generate(1, dir));
 */
export function setUpTimer(progress, steps) {
  return async (what, fn) => {
    const t = performance.now();
    progress(`${what}…`);
    const v = await fn();
    steps.push([what, `${((performance.now() - t) / 1000).toFixed(1)} s`]);
    return v;
  };
}
