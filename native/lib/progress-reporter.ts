// Turns the poller's raw status pushes into the facade's progress reports.
import { HRESULT } from '../../electron/contract/errors';
import type { CreateLunProgress } from './types';
import type { RawProgress } from './raw-addon';

/** VDS: 0 % can mean "cannot estimate" (VDS-NOTES), so 0 % with nothing written yet is reported as null.
 * A percent outside 0–100 (0xFFFFFFFF is VDS's "no value"; providers have reported 253) is unknown (null),
 * never 100; a report equal to the last one is dropped. */
export function toProgress(raw: RawProgress): CreateLunProgress {
  return progressOf(raw.percent, raw.bytesDone);
}

function progressOf(reported: number | null, reportedBytes: number): CreateLunProgress {
  const percent =
    typeof reported === 'number' && reported >= 0 && reported <= 100 ? Math.round(reported) : null;
  const bytesDone = Number.isFinite(reportedBytes) && reportedBytes > 0 ? reportedBytes : 0;
  const progress: CreateLunProgress = { percent: percent === 0 && bytesDone === 0 ? null : percent };
  if (bytesDone > 0) progress.bytesDone = bytesDone;
  return progress;
}

const VDS_E_OPERATION_PENDING = HRESULT.VDS_E_OPERATION_PENDING;

/** A status that ended in failure (or a failed status read) says nothing about progress: the providers report
 * 100 % with the final HRESULT, which would show a failed or canceled creation as complete. */
function isFailureStatus(hresult: number): boolean {
  const hr = hresult >>> 0;
  return hr >= 0x80000000 && hr !== VDS_E_OPERATION_PENDING;
}

export class ProgressReporter {
  private lastPercent: number | null | undefined;
  private lastBytes = -1;
  private held: CreateLunProgress | undefined;
  private open = false;
  private finished = false;

  constructor(private readonly emit: (progress: CreateLunProgress) => void) {}

  /** Reports that arrive before the operation was announced wait here (only the latest is kept). */
  push(raw: RawProgress): void {
    this.pushStatus(raw.hresult, raw.percent, raw.bytesDone);
  }

  /** The same from a batch's numbers (percent as the provider said it: outside 0–100 = unknown). */
  pushStatus(hresult: number, percent: number | null, bytesDone: number): void {
    if (this.finished || isFailureStatus(hresult)) return;
    const progress = progressOf(percent, bytesDone);
    if (!this.open) {
      this.held = progress;
      return;
    }
    this.report(progress);
  }

  private report(progress: CreateLunProgress): void {
    const bytes = progress.bytesDone ?? 0;
    if (progress.percent === this.lastPercent && bytes === this.lastBytes) return;
    this.lastPercent = progress.percent;
    this.lastBytes = bytes;
    this.emit(progress);
  }

  /** Call after onStarted: releases the held report. */
  start(): void {
    this.open = true;
    const held = this.held;
    this.held = undefined;
    if (held && !this.finished) this.report(held);
  }

  /** No reports after the operation settled. */
  finish(): void {
    this.finished = true;
  }
}
