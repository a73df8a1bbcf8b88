// Native notifications when operations end while no LUN Studio window has the focus.
// Operations that end close together (a batch) are reported in one notification per outcome.
import type { LunStudioEvent } from '../contract/api';
import type { Operation } from '../contract/model';
import { formatSize } from './format-size';

export interface NotificationSink {
  /** True when one of our windows has the focus: the user sees the result there. */
  isAppFocused(): boolean;
  show(title: string, body: string): void;
}

export const NOTIFICATION_BATCH_WINDOW_MS = 1000;
const MAX_NAMES = 5;

function createdMessage(operations: Operation[]): { title: string; body: string } {
  const luns = operations.map((op) => op.result).filter((lun) => lun !== undefined);
  if (luns.length === 1) {
    const lun = luns[0]!;
    return { title: 'LUN created', body: `${lun.name}, ${formatSize(lun.sizeBytes)}` };
  }
  const names = luns.slice(0, MAX_NAMES).map((lun) => lun.name);
  if (luns.length > MAX_NAMES) names.push('…');
  const total = luns.reduce((sum, lun) => sum + lun.sizeBytes, 0);
  return { title: `${luns.length} LUNs created`, body: `${names.join(', ')} (${formatSize(total)} in all)` };
}

/** Each kind's own words: what succeeded (title) and what failed (noun). */
const KIND_WORDS: Record<Operation['kind'], { done: string; failed: string }> = {
  createLun: { done: 'LUN created', failed: 'LUN creation' },
  extendLun: { done: 'LUN extended', failed: 'LUN extend' },
  shrinkLun: { done: 'LUN shrunk', failed: 'LUN shrink' },
  setLunMask: { done: 'LUN host access changed', failed: 'LUN host access change' },
  deleteLun: { done: 'LUN deleted', failed: 'LUN delete' },
  recoverLun: { done: 'LUN recovered', failed: 'LUN recovery' },
  identifyDrive: { done: 'Drive identify light changed', failed: 'Drive identify' },
  setHotSpare: { done: 'Hot spare changed', failed: 'Hot spare change' },
  replaceDrive: { done: 'Drive replaced', failed: 'Drive replacement' },
};

type DriveOperation = Extract<Operation, { kind: 'identifyDrive' | 'setHotSpare' | 'replaceDrive' }>;

/** One operation on a drive that succeeded. */
function driveMessage(op: DriveOperation): { title: string; body: string } {
  const drive = op.resultDrive;
  const name = drive?.name ?? op.driveTarget?.name ?? '';
  const title = KIND_WORDS[op.kind].done;
  if (op.kind === 'identifyDrive') return { title, body: `${name}: light ${op.request.on ? 'on' : 'off'}` };
  if (op.kind === 'setHotSpare') {
    return { title, body: `${name}: ${op.request.hotSpare ? 'now a hot spare' : 'no longer a hot spare'}` };
  }
  const old = op.driveTarget?.name ?? op.request.driveId;
  const luns = op.lunsToRecover ?? [];
  const next =
    luns.length === 0
      ? 'no LUN to recover'
      : `recover ${luns
          .slice(0, MAX_NAMES)
          .map((lun) => lun.name)
          .join(', ')}${luns.length > MAX_NAMES ? ', …' : ''}`;
  return { title, body: `${old} replaced by ${name}; ${next}` };
}

/** One operation on an existing LUN that succeeded. */
function changedMessage(op: Operation): { title: string; body: string } {
  if (op.kind === 'identifyDrive' || op.kind === 'setHotSpare' || op.kind === 'replaceDrive') {
    return driveMessage(op);
  }
  const lun = op.result;
  const name = lun?.name ?? op.target?.name ?? '';
  if (op.kind === 'setLunMask') {
    const list = lun?.unmaskingList ?? '';
    const hosts = list === '' ? 'no host' : list === '*' ? 'every host' : list.split(';').join(', ');
    return { title: KIND_WORDS.setLunMask.done, body: `${name}: ${hosts}` };
  }
  if (op.kind === 'recoverLun') {
    return { title: KIND_WORDS.recoverLun.done, body: lun ? `${name}: ${lun.health}` : name };
  }
  return { title: KIND_WORDS[op.kind].done, body: lun ? `${name}, ${formatSize(lun.sizeBytes)}` : name };
}

function failedMessage(operations: Operation[]): { title: string; body: string } {
  const first = operations[0]!;
  const reason = first.error ? `${first.error.message} (${first.error.code})` : 'Unknown error';
  const sameKind = operations.every((op) => op.kind === first.kind);
  const noun = sameKind ? KIND_WORDS[first.kind].failed : 'Operation';
  if (operations.length === 1) return { title: `${noun} failed`, body: reason };
  const plural = sameKind && first.kind === 'createLun' ? 'LUN creations' : `${noun}s`;
  return { title: `${operations.length} ${plural} failed`, body: `First error: ${reason}` };
}

export function createOperationNotifier(
  sink: NotificationSink,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): { handle(event: LunStudioEvent): void; flush(): void } {
  let succeeded: Operation[] = [];
  let failed: Operation[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    const created = succeeded.filter((op) => op.kind === 'createLun');
    if (created.some((op) => op.result)) {
      const { title, body } = createdMessage(created);
      sink.show(title, body);
    }
    for (const op of succeeded.filter((other) => other.kind !== 'createLun')) {
      const { title, body } = changedMessage(op);
      sink.show(title, body);
    }
    if (failed.length > 0) {
      const { title, body } = failedMessage(failed);
      sink.show(title, body);
    }
    succeeded = [];
    failed = [];
  };

  return {
    handle(event) {
      if (event.type !== 'operationFinished') return;
      const { operation } = event;
      // Canceled: the user asked for it. Interrupted: reported by the monitor at the next start.
      if (operation.state !== 'succeeded' && operation.state !== 'failed') return;
      if (sink.isAppFocused()) return;
      (operation.state === 'succeeded' ? succeeded : failed).push(operation);
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(flush, NOTIFICATION_BATCH_WINDOW_MS);
    },
    flush,
  };
}
