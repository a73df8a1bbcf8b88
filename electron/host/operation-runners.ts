// What each kind of operation does when the queue runs it: one runner per kind. Async kinds stream progress
// (percent; bytesDone when the provider knows it) and honour the AbortSignal; synchronous kinds are one call.
// LUN kinds end with the LUN re-read (`result`); drive kinds with the drive re-read (`resultDrive`), and
// replaceDrive also with the LUNs that now need recoverLun.
import {
  ASYNC_OPERATION_KINDS,
  DRIVE_OPERATION_KINDS,
  type Lun,
  type Operation,
  type OperationKind,
} from '../contract/model';
import type { CreateLunProgress, StorageProvider } from '../../native/lib/types';

export type OperationOf<K extends OperationKind> = Extract<Operation, { kind: K }>;

export interface RunContext {
  signal: AbortSignal;
  onProgress: (progress: CreateLunProgress) => void;
}

export interface OperationRunner<K extends OperationKind> {
  /** The bytes the operation writes (the rate's base), as far as known before it starts (a promise only when
   * the provider must be asked: the queue starts the others without a turn of the event loop). */
  bytesToWrite(
    op: OperationOf<K>,
    provider: StorageProvider,
  ): number | undefined | Promise<number | undefined>;
  run(op: OperationOf<K>, provider: StorageProvider, context: RunContext): Promise<RunOutcome>;
}

/** What a finished operation carries besides its state. */
export type RunOutcome = Pick<Operation, 'result' | 'resultDrive' | 'lunsToRecover'>;

export function isDriveKind(kind: OperationKind): boolean {
  return (DRIVE_OPERATION_KINDS as readonly OperationKind[]).includes(kind);
}

const asResult = async (lun: Promise<Lun>): Promise<RunOutcome> => ({ result: await lun });

export function isAsyncKind(kind: OperationKind): boolean {
  return (ASYNC_OPERATION_KINDS as readonly OperationKind[]).includes(kind);
}

/** The bytes an operation adds or removes, from its request and its target as queued (undefined: extend to
 * the maximum, known only when it starts; synchronous kinds write nothing to report). */
export function operationBytes(op: Operation): number | undefined {
  switch (op.kind) {
    case 'createLun':
      return op.request.sizeBytes;
    case 'extendLun':
      if (op.request.bytesToAdd !== undefined) return op.request.bytesToAdd;
      if (op.request.newSizeBytes !== undefined && op.target)
        return Math.max(0, op.request.newSizeBytes - op.target.sizeBytes);
      return undefined;
    case 'shrinkLun':
      if (op.request.bytesToRemove !== undefined) return op.request.bytesToRemove;
      if (op.request.newSizeBytes !== undefined && op.target)
        return Math.max(0, op.target.sizeBytes - op.request.newSizeBytes);
      return undefined;
    default:
      return undefined;
  }
}

const known = (op: Operation): number | undefined => operationBytes(op);

const RUNNERS: { [K in OperationKind]: OperationRunner<K> } = {
  createLun: {
    bytesToWrite: known,
    // The simulator keeps the operation id with the LUN: a restart after a kill finds its owner.
    run: (op, provider, { signal, onProgress }) =>
      asResult(provider.createLun(op.request, { signal, onProgress, operationId: op.id })),
  },
  extendLun: {
    bytesToWrite(op, provider) {
      if (!op.request.useMaximum) return operationBytes(op);
      const { subsystemId, lunId, driveIds } = op.request;
      const request = driveIds === undefined ? { subsystemId, lunId } : { subsystemId, lunId, driveIds };
      return provider.maxLunExtendSize(request).catch(() => undefined);
    },
    run: (op, provider, { signal, onProgress }) =>
      asResult(provider.extendLun(op.request, { signal, onProgress, operationId: op.id })),
  },
  shrinkLun: {
    bytesToWrite: known,
    run: (op, provider, { signal, onProgress }) =>
      asResult(provider.shrinkLun(op.request, { signal, onProgress, operationId: op.id })),
  },
  setLunMask: {
    bytesToWrite: known,
    run: (op, provider) => asResult(provider.setLunMask(op.request)),
  },
  deleteLun: {
    bytesToWrite: known,
    run: (op, provider) => asResult(provider.deleteLun(op.request)),
  },
  recoverLun: {
    // Only the provider knows which extents it rebuilds: the rate comes from the bytesDone it reports.
    bytesToWrite: known,
    run: (op, provider, { signal, onProgress }) =>
      asResult(provider.recoverLun(op.request, { signal, onProgress, operationId: op.id })),
  },
  identifyDrive: {
    bytesToWrite: known,
    run: async (op, provider) => ({ resultDrive: await provider.identifyDrive(op.request) }),
  },
  setHotSpare: {
    bytesToWrite: known,
    run: async (op, provider) => ({ resultDrive: await provider.setHotSpare(op.request) }),
  },
  replaceDrive: {
    bytesToWrite: known,
    run: async (op, provider) => {
      const { drive, lunsToRecover } = await provider.replaceDrive(op.request);
      return { resultDrive: drive, lunsToRecover };
    },
  },
};

export function runnerFor<K extends OperationKind>(op: OperationOf<K>): OperationRunner<K> {
  return RUNNERS[op.kind as K];
}
