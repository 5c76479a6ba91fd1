/**
 * Rows per second and time left from successive row counts, smoothed over the last few seconds
 * so a slow first chunk does not dominate the estimate.
 *
 * @example
 * const m = new ProgressMeter(); m.sample(0, 0); m.sample(1000, 500_000); m.rate() // 500000
 */
export class ProgressMeter {
  private readonly samples: { t: number; rows: number }[] = [];

  constructor(private readonly windowMs = 5000) {}

  /** Records `rows` copied at time `t` (ms). */
  sample(t: number, rows: number): void {
    this.samples.push({ t, rows });
    while (this.samples.length > 2 && t - this.samples[0]!.t > this.windowMs) this.samples.shift();
  }

  /** Rows per second over the window (0 until two samples exist). */
  rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t <= first.t) return 0;
    return ((last.rows - first.rows) * 1000) / (last.t - first.t);
  }

  /** Seconds left to reach `total` rows at the current rate, or null when unknown. */
  eta(total: number | null): number | null {
    const last = this.samples[this.samples.length - 1];
    const r = this.rate();
    if (total === null || !last || r <= 0) return null;
    return Math.max(0, (total - last.rows) / r);
  }
}
