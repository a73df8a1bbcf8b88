// The one progress line of a create-lun batch on a terminal ("12 LUNs: 3 done, 4 running, 5 queued · 41 % ·
// ETA 1:05"), redrawn in place; the lines printed as each LUN ends go above it. Off a terminal it draws
// nothing: only those lines are printed.
import type { TextOutput } from '../cli-io';
import { formatDuration } from '../progress-bar';

export type MemberState = 'queued' | 'running' | 'done' | 'failed' | 'canceled';

export interface BatchFigures {
  count: number;
  done: number;
  running: number;
  queued: number;
  failed: number;
  canceled: number;
  /** Over the LUNs that have not failed or been canceled; null while none of them reported. */
  percent: number | null;
  etaSeconds: number | null;
}

/** "12 LUNs: 3 done, 4 running, 5 queued, 1 failed · 41 % · ETA 1:05". */
export function describeBatch(figures: BatchFigures): string {
  const parts = [`${figures.done} done`, `${figures.running} running`, `${figures.queued} queued`];
  if (figures.failed > 0) parts.push(`${figures.failed} failed`);
  if (figures.canceled > 0) parts.push(`${figures.canceled} canceled`);
  const percent = figures.percent === null ? '-- %' : `${Math.floor(figures.percent)} %`;
  const eta = figures.etaSeconds === null ? '--' : formatDuration(figures.etaSeconds);
  return `${figures.count} LUNs: ${parts.join(', ')} · ${percent} · ETA ${eta}`;
}

export class BatchProgress {
  private readonly states: MemberState[];
  private readonly percents: (number | null)[];
  private lastLineWidth = 0;

  constructor(
    private readonly out: TextOutput,
    private readonly options: { isTTY: boolean; count: number; startedAtMs: number },
  ) {
    this.states = Array.from({ length: options.count }, () => 'queued');
    this.percents = Array.from({ length: options.count }, () => null);
  }

  set(index: number, state: MemberState, nowMs: number): void {
    this.states[index] = state;
    if (state === 'done') this.percents[index] = 100;
    this.draw(nowMs);
  }

  progress(index: number, percent: number | null, nowMs: number): void {
    this.percents[index] = percent;
    this.draw(nowMs);
  }

  figures(nowMs: number): BatchFigures {
    const count = (state: MemberState): number => this.states.filter((s) => s === state).length;
    const live = this.percents.filter((_, i) => !['failed', 'canceled'].includes(this.states[i]!));
    const percent = live.every((p) => p === null)
      ? null
      : live.reduce<number>((sum, p) => sum + (p ?? 0), 0) / live.length;
    const elapsed = Math.max(0, (nowMs - this.options.startedAtMs) / 1000);
    const etaSeconds =
      percent !== null && percent > 0 && elapsed >= 0.1 ? (elapsed * (100 - percent)) / percent : null;
    return {
      count: this.options.count,
      done: count('done'),
      running: count('running'),
      queued: count('queued'),
      failed: count('failed'),
      canceled: count('canceled'),
      percent,
      etaSeconds,
    };
  }

  /** Writes `text` (a whole line) to `stream` above the progress line. */
  printAbove(stream: TextOutput, text: string, nowMs: number): void {
    this.clear();
    stream.write(`${text}\n`);
    this.draw(nowMs);
  }

  /** TTY: ends the line so other text can follow; the next draw starts a fresh line. */
  breakLine(): void {
    if (this.options.isTTY && this.lastLineWidth > 0) this.out.write('\n');
    this.lastLineWidth = 0;
  }

  /** TTY: redraws (the ETA moves with the clock). */
  refresh(nowMs: number): void {
    this.draw(nowMs);
  }

  /** Leaves the cursor at the start of a clean line. */
  clear(): void {
    if (this.options.isTTY && this.lastLineWidth > 0) this.out.write(`\r${' '.repeat(this.lastLineWidth)}\r`);
    this.lastLineWidth = 0;
  }

  private draw(nowMs: number): void {
    if (!this.options.isTTY) return;
    const line = describeBatch(this.figures(nowMs));
    const width = [...line].length;
    this.out.write(`\r${line}${' '.repeat(Math.max(0, this.lastLineWidth - width))}`);
    this.lastLineWidth = width;
  }
}
