// Transfer rate and remaining time of one operation from its progress samples over time.
// Rate = bytes over a sliding window (default 3 s) of samples, so one late poll does not make the
// numbers jump; ETA = remaining percent over the percent rate in the same window. Null when unknown
// (fewer than two samples, too short a window, no movement, or a provider that cannot estimate).

export interface RateSample {
  atMs: number;
  percent: number | null;
  /** Bytes done, when the provider reports it; else derived from percent × totalBytes. */
  bytesDone?: number;
}

export interface RateEstimate {
  bytesPerSecond: number | null;
  etaSeconds: number | null;
}

export class RateEstimator {
  private samples: { atMs: number; percent: number | null; bytes: number | null }[] = [];

  constructor(
    private readonly totalBytes: number,
    private readonly windowMs = 3000,
    private readonly minSpanMs = 250,
  ) {}

  add(sample: RateSample): RateEstimate {
    const bytes =
      sample.bytesDone ?? (sample.percent === null ? null : (sample.percent / 100) * this.totalBytes);
    this.samples.push({ atMs: sample.atMs, percent: sample.percent, bytes });
    // Keep one sample older than the window so the span covers the whole window.
    while (this.samples.length > 2 && sample.atMs - this.samples[1]!.atMs >= this.windowMs)
      this.samples.shift();
    return this.estimate();
  }

  estimate(): RateEstimate {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || first === last) return { bytesPerSecond: null, etaSeconds: null };
    const spanSeconds = (last.atMs - first.atMs) / 1000;
    if (spanSeconds * 1000 < this.minSpanMs) return { bytesPerSecond: null, etaSeconds: null };

    let bytesPerSecond: number | null = null;
    if (first.bytes !== null && last.bytes !== null && last.bytes > first.bytes) {
      bytesPerSecond = Math.round((last.bytes - first.bytes) / spanSeconds);
    }
    let etaSeconds: number | null = null;
    if (first.percent !== null && last.percent !== null && last.percent > first.percent) {
      const percentPerSecond = (last.percent - first.percent) / spanSeconds;
      etaSeconds = Math.max(0, Math.round(((100 - last.percent) / percentPerSecond) * 10) / 10);
    }
    return { bytesPerSecond, etaSeconds };
  }
}
