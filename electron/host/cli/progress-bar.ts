// Terminal progress for one LUN creation: percent, rate, ETA and elapsed time.
// On a TTY one line is redrawn in place with \r; elsewhere a line is printed every 10 %.
import { formatSize } from './size';

export interface ProgressSample {
  /** 0–100, or null while the provider cannot estimate. */
  percent: number | null;
  /** Bytes initialised so far, when the provider says. */
  bytesDone?: number;
}

export interface ProgressFigures {
  percent: number | null;
  elapsedSeconds: number;
  bytesPerSecond: number | null;
  etaSeconds: number | null;
}

/** Rate and ETA from the samples: average speed since the operation started. */
export class ProgressTracker {
  private latest: ProgressSample = { percent: null };

  constructor(
    private readonly totalBytes: number,
    private readonly startedAtMs: number,
  ) {}

  update(sample: ProgressSample): void {
    this.latest = sample;
  }

  figures(nowMs: number): ProgressFigures {
    const elapsedSeconds = Math.max(0, (nowMs - this.startedAtMs) / 1000);
    const { percent } = this.latest;
    const unknown = { percent, elapsedSeconds, bytesPerSecond: null, etaSeconds: null };
    if (elapsedSeconds < 0.1) return unknown;
    // bytesDone may count every copy written (mirror, parity), so the ETA comes from the percent.
    const bytesDone = this.latest.bytesDone ?? (percent === null ? null : (percent / 100) * this.totalBytes);
    const bytesPerSecond = bytesDone !== null && bytesDone > 0 ? bytesDone / elapsedSeconds : null;
    const etaSeconds =
      percent !== null && percent > 0 ? Math.max(0, (elapsedSeconds * (100 - percent)) / percent) : null;
    return { percent, elapsedSeconds, bytesPerSecond, etaSeconds };
  }
}

/** 65 → "1:05", 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

export const BAR_WIDTH = 30;

/** `[██████░░░░…]`; with an unknown percent a block bounces along the bar, moved by `tick`. */
export function renderBar(percent: number | null, tick = 0, width = BAR_WIDTH): string {
  if (percent === null) {
    const block = 4;
    const span = width - block;
    const phase = tick % (2 * span);
    const at = phase <= span ? phase : 2 * span - phase;
    return `[${'░'.repeat(at)}${'█'.repeat(block)}${'░'.repeat(span - at)}]`;
  }
  const clamped = Math.min(100, Math.max(0, percent));
  const filled = Math.round((clamped / 100) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]`;
}

export function describeFigures(figures: ProgressFigures): string {
  const percent = figures.percent === null ? ' --%' : `${String(Math.round(figures.percent)).padStart(3)}%`;
  const rate = figures.bytesPerSecond === null ? '--' : `${formatSize(figures.bytesPerSecond)}/s`;
  const eta = figures.etaSeconds === null ? '--' : formatDuration(figures.etaSeconds);
  return `${percent}  ${rate}  ETA ${eta}  elapsed ${formatDuration(figures.elapsedSeconds)}`;
}

export interface ProgressOutput {
  write(text: string): void;
}

/** Draws one operation's progress; `finish()` leaves the cursor at the start of a clean line. */
export class ProgressBar {
  private tick = 0;
  private lastLineWidth = 0;
  private lastBucket = -1;
  private unknownReported = false;
  private readonly tracker: ProgressTracker;

  constructor(
    private readonly out: ProgressOutput,
    private readonly options: { isTTY: boolean; label: string; totalBytes: number; startedAtMs: number },
  ) {
    this.tracker = new ProgressTracker(options.totalBytes, options.startedAtMs);
  }

  update(sample: ProgressSample, nowMs: number): void {
    this.tracker.update(sample);
    this.draw(nowMs);
  }

  /** TTY: redraws the clock and the bouncing block. Call about once a second. */
  refresh(nowMs: number): void {
    if (this.options.isTTY) this.draw(nowMs);
  }

  /** TTY: ends the bar's line so other text can follow; the next update starts a fresh line. */
  breakLine(): void {
    if (this.options.isTTY && this.lastLineWidth > 0) this.out.write('\n');
    this.lastLineWidth = 0;
  }

  finish(): void {
    if (this.options.isTTY && this.lastLineWidth > 0) this.out.write(`\r${' '.repeat(this.lastLineWidth)}\r`);
    this.lastLineWidth = 0;
  }

  private draw(nowMs: number): void {
    const figures = this.tracker.figures(nowMs);
    if (this.options.isTTY) {
      this.tick += 1;
      const line = `${this.options.label} ${renderBar(figures.percent, this.tick)} ${describeFigures(figures)}`;
      const width = [...line].length;
      this.out.write(`\r${line}${' '.repeat(Math.max(0, this.lastLineWidth - width))}`);
      this.lastLineWidth = width;
      return;
    }
    if (figures.percent === null) {
      if (!this.unknownReported) this.out.write(`${this.options.label} progress not known yet\n`);
      this.unknownReported = true;
      return;
    }
    const bucket = Math.floor(figures.percent / 10);
    if (bucket <= this.lastBucket) return;
    this.lastBucket = bucket;
    this.out.write(`${this.options.label} ${describeFigures(figures)}\n`);
  }
}
