// How one operation (of any kind) shows itself: NDJSON events (--json), each with its kind, or the progress bar /
// progress lines (async kinds).
import { formatHresult, type ApiErrorShape, type OperationKind } from '../../../contract/model';
import type { CreateLunProgress } from '../../../../native/lib/types';
import { writeJson, type CommandContext } from '../command-context';
import { ProgressBar } from '../progress-bar';

const TTY_REFRESH_MS = 1000;

/** Shared by the LUNs of a batch: the bar drawn right now, so Ctrl-C notices can move off its line. */
export interface LiveBar {
  bar?: ProgressBar;
}

export class OperationView {
  private operationId: string | null = null;
  private bar: ProgressBar | undefined;
  private refresh: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly ctx: CommandContext,
    private readonly kind: OperationKind,
    readonly label: string,
    private readonly index: number,
    private readonly live: LiveBar,
  ) {}

  /** The owner queued it behind others (a batch): its id is known, it has not started. */
  queued(operationId: string): void {
    this.operationId = operationId;
    this.emit({ event: 'queued' });
  }

  /** @param totalBytes the bytes the operation writes (the bar's rate); undefined: no bar (synchronous kinds). */
  started(operationId: string, totalBytes?: number): void {
    this.operationId = operationId;
    this.emit({ event: 'started' });
    if (this.ctx.json || totalBytes === undefined) return;
    const { io } = this.ctx;
    this.bar = new ProgressBar(io.stdout, {
      isTTY: io.isTTY,
      label: this.label,
      totalBytes,
      startedAtMs: this.ctx.now(),
    });
    this.live.bar = this.bar;
    this.bar.update({ percent: 0 }, this.ctx.now());
    if (io.isTTY) {
      this.refresh = setInterval(() => this.bar?.refresh(this.ctx.now()), TTY_REFRESH_MS);
      this.refresh.unref?.();
    }
  }

  progress(progress: CreateLunProgress): void {
    const event: Record<string, unknown> = { event: 'progress', percent: progress.percent };
    if (progress.bytesDone !== undefined) event.bytesDone = progress.bytesDone;
    this.emit(event);
    this.bar?.update(progress, this.ctx.now());
  }

  /** Clears the bar; call before printing the outcome. */
  stop(): void {
    if (this.refresh) clearInterval(this.refresh);
    this.bar?.finish();
    this.bar = undefined;
    delete this.live.bar;
  }

  emit(event: Record<string, unknown>): void {
    if (!this.ctx.json) return;
    writeJson(this.ctx, { ...event, kind: this.kind, operationId: this.operationId, index: this.index });
  }

  emitError(shape: ApiErrorShape): void {
    const event: Record<string, unknown> = {
      event: 'error',
      code: shape.code,
      hresult: formatHresult(shape.hresult),
      message: shape.message,
    };
    if (shape.action) event.action = shape.action;
    if (shape.field) event.field = shape.field;
    this.emit(event);
  }
}
