import { type Mock, vi } from 'vitest';
import type {
  InventorySnapshot,
  ListOperationsFilter,
  LunStudioApi,
  LunStudioEvent,
  ProviderChoice,
  ProviderOption,
} from '../../../../electron/contract/api';
import type {
  CreateLunRequest,
  DeleteLunRequest,
  Drive,
  DriveExtent,
  DriveRef,
  IdentifyDriveRequest,
  LunDetails,
  LunRef,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  ExtendLunRequest,
  Lun,
  MaxLunExtendRequest,
  MaxLunSizeRequest,
  Operation,
  OperationRequest,
  SetLunMaskRequest,
  ProviderName,
  ShrinkLunRequest,
} from '../../../../electron/contract/model';
import { fullInventory, inventory as defaultInventory, type TestInventory } from './fixtures';

/** An in-memory LunStudioApi: maxLunSize from a function, createLuns queues operations the test drives by emit(). */
export class FakeApi implements LunStudioApi {
  /** The host's inventory, drives included (getInventory answers without them, listDrives with one's). */
  snapshot: TestInventory;
  /** What the next listDrives rejects with, or null. */
  listDrivesError: Error | null = null;
  maxFor: (request: MaxLunSizeRequest) => number | Error = () => 2 ** 40;
  createError: Error | null = null;
  cancelError: Error | null = null;
  history: Operation[] = [];
  created: { request: CreateLunRequest; count: number }[] = [];
  maxExtendFor: (request: MaxLunExtendRequest) => number | Error = () => 2 ** 30;
  /** What the next LUN operation call rejects with (e.g. E_LUN_BUSY), or null. */
  lunOperationError: Error | null = null;
  /** Every extendLun/shrinkLun/setLunMask/deleteLun request, in order, with the kind it queued. */
  lunRequests: OperationRequest[] = [];
  private handlers = new Set<(e: LunStudioEvent) => void>();
  private nextId = 1;

  constructor(snapshot: TestInventory = defaultInventory()) {
    this.snapshot = snapshot;
  }

  /** A refresh is a new read, as on the host: a later refreshedAt. */
  getInventory = vi.fn(async (request: { refresh?: boolean }) => {
    if (request?.refresh) {
      const at = new Date(Date.parse(this.snapshot.refreshedAt) + 1000).toISOString();
      this.snapshot = { ...this.snapshot, refreshedAt: at };
    }
    return summary(this.snapshot);
  });
  listDrives = vi.fn(async ({ subsystemId }: { subsystemId: string }) => {
    if (this.listDrivesError) throw this.listDrivesError;
    const drives = this.snapshot.drives[subsystemId];
    if (!drives) throw apiError('VDS_E_OBJECT_NOT_FOUND', 0x80042405, `No subsystem ${subsystemId}.`);
    return { subsystemId, drives: structuredClone(drives), refreshedAt: this.snapshot.refreshedAt };
  });

  /** Pushes the inventory as the host does after a read (every subsystem's drives named as changed unless
   * `drivesChanged` says otherwise); attention counts recomputed from the drives. */
  emitInventory(snapshot: TestInventory = this.snapshot, drivesChanged?: string[]): void {
    this.snapshot = fullInventory(snapshot);
    this.emit({
      type: 'inventoryChanged',
      inventory: summary(this.snapshot),
      drivesChanged: drivesChanged ?? Object.keys(this.snapshot.drives),
    });
  }
  maxLunSize = vi.fn(async (request: MaxLunSizeRequest) => {
    const answer = this.maxFor(request);
    if (answer instanceof Error) throw answer;
    return { maxBytes: answer };
  });
  createLuns = vi.fn(async ({ request, count }: { request: CreateLunRequest; count: number }) => {
    if (this.createError) throw this.createError;
    this.created.push({ request, count });
    const operations: Operation[] = [];
    for (let i = 0; i < count; i++) operations.push(this.operation(request, { state: 'queued' }));
    return { operations };
  });
  cancelOperation = vi.fn(async ({ operationId }: { operationId: string }) => {
    if (this.cancelError) throw this.cancelError;
    const op = this.history.find((o) => o.id === operationId)!;
    const canceled: Operation = { ...op, state: 'canceled', endedAt: new Date().toISOString() };
    return { hresult: 0, operation: canceled };
  });
  listOperations = vi.fn(async (filter?: ListOperationsFilter | void) =>
    structuredClone(
      !filter || filter.limit === undefined ? this.history : this.history.slice(0, filter.limit),
    ),
  );
  maxLunExtendSize = vi.fn(async (request: MaxLunExtendRequest) => {
    const answer = this.maxExtendFor(request);
    if (answer instanceof Error) throw answer;
    return { maxBytes: answer };
  });
  extendLun = vi.fn(async (request: ExtendLunRequest) => this.queueLun({ kind: 'extendLun', request }));
  shrinkLun = vi.fn(async (request: ShrinkLunRequest) => this.queueLun({ kind: 'shrinkLun', request }));
  setLunMask = vi.fn(async (request: SetLunMaskRequest) => this.queueLun({ kind: 'setLunMask', request }));
  deleteLun = vi.fn(async (request: DeleteLunRequest) => this.queueLun({ kind: 'deleteLun', request }));
  recoverLun = vi.fn(async (request: RecoverLunRequest) => this.queueLun({ kind: 'recoverLun', request }));
  /** Each subsystem's extents as listExtents answers them (free space included); default: none. */
  extents: Record<string, DriveExtent[]> = {};
  listExtentsError: Error | null = null;
  listExtents = vi.fn(async ({ subsystemId }: { subsystemId: string }) => {
    if (this.listExtentsError) throw this.listExtentsError;
    return { extents: structuredClone(this.extents[subsystemId] ?? []) };
  });
  /** What lunDetails adds to the inventory's LUN, by LUN id (default: its extents from `extents`). */
  details: Record<string, Partial<LunDetails>> = {};
  lunDetails = vi.fn(async ({ subsystemId, lunId }: LunRef): Promise<LunDetails> => {
    const lun = this.snapshot.luns[subsystemId]?.find((l) => l.id === lunId);
    if (!lun) throw apiError('VDS_E_OBJECT_NOT_FOUND', 0x80042405, `No LUN ${lunId}.`);
    const extents = (this.extents[subsystemId] ?? [])
      .filter((e) => e.lunId === lunId)
      .map(({ driveId, offsetBytes, sizeBytes }) => ({ driveId, offsetBytes, sizeBytes }));
    return structuredClone({ ...lun, extents, failedDriveIds: [], ...this.details[lunId] });
  });
  /** What the next drive operation call rejects with (e.g. VDS_E_DEVICE_IN_USE), or null. */
  driveOperationError: Error | null = null;
  /** Every identifyDrive/setHotSpare/replaceDrive request, in order, with the kind it queued. */
  driveRequests: OperationRequest[] = [];
  identifyDrive = vi.fn(async (request: IdentifyDriveRequest) =>
    this.queueDrive({ kind: 'identifyDrive', request }),
  );
  setHotSpare = vi.fn(async (request: SetHotSpareRequest) =>
    this.queueDrive({ kind: 'setHotSpare', request }),
  );
  replaceDrive = vi.fn(async (request: ReplaceDriveRequest) =>
    this.queueDrive({ kind: 'replaceDrive', request }),
  );
  simFailDrive = vi.fn(async (ref: DriveRef) => ({ drive: this.patchDrive(ref, { status: 'failed' }) }));
  simRestoreDrive = vi.fn(async (ref: DriveRef) => ({ drive: this.patchDrive(ref, { status: 'online' }) }));
  openMonitor = vi.fn(async () => undefined);
  /** The provider picker: what can load, the saved choice, and what the next chooseProvider rejects with. */
  providerOptions: ProviderOption[] = [
    { name: 'sim', label: 'Simulated array', available: true },
    {
      name: 'vds',
      label: 'Virtual Disk Service',
      available: false,
      reason: 'VDS is available on Windows only.',
    },
  ];
  savedProvider: ProviderName | undefined;
  chooseError: Error | null = null;
  getProviderChoice = vi.fn(async (): Promise<ProviderChoice> => this.providerChoice());
  chooseProvider = vi.fn(async ({ provider }: { provider: ProviderName }) => {
    if (this.chooseError) throw this.chooseError;
    this.savedProvider = provider;
    const label = this.providerOptions.find((option) => option.name === provider)!.label;
    this.snapshot = { ...this.snapshot, provider: { ...this.snapshot.provider, name: provider, label } };
    return this.providerChoice();
  });

  /** clearFinishedOperations: what the next call rejects with, or null; the history keeps what is unfinished. */
  clearError: Error | null = null;
  clearFinishedOperations = vi.fn(async () => {
    if (this.clearError) throw this.clearError;
    const finished = this.history.filter((op) => !['queued', 'running'].includes(op.state));
    this.history = this.history.filter((op) => !finished.includes(op));
    this.emit({ type: 'operationsCleared', operationIds: finished.map((op) => op.id) });
    return { removed: finished.length };
  });

  private providerChoice(): ProviderChoice {
    const choice: ProviderChoice = {
      current: structuredClone(this.snapshot.provider),
      options: structuredClone(this.providerOptions),
    };
    if (this.savedProvider) choice.saved = this.savedProvider;
    return choice;
  }

  subscribe(handler: (e: LunStudioEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  emit(event: LunStudioEvent): void {
    this.handlers.forEach((h) => h(event));
  }

  operation(request: CreateLunRequest, patch: Partial<Operation> = {}): Operation {
    return this.kindOperation({ kind: 'createLun', request }, patch);
  }

  /** An operation of any kind in the history; an operation on an existing LUN gets that LUN as its target, one
   * on a drive that drive as its driveTarget. */
  kindOperation(what: OperationRequest, patch: Partial<Operation> = {}): Operation {
    const lunId = 'lunId' in what.request ? what.request.lunId : undefined;
    const lun = this.snapshot.luns[what.request.subsystemId]?.find((l) => l.id === lunId);
    const driveOf = (id: string) => this.snapshot.drives[what.request.subsystemId]?.find((d) => d.id === id);
    const drive = 'driveId' in what.request ? driveOf(what.request.driveId) : undefined;
    const replacement =
      'replacementDriveId' in what.request ? driveOf(what.request.replacementDriveId) : undefined;
    const op = {
      id: `op-${this.nextId++}`,
      subsystemId: what.request.subsystemId,
      ...what,
      ...(lun
        ? {
            target: {
              lunId: lun.id,
              name: lun.name,
              sizeBytes: lun.sizeBytes,
              unmaskingList: lun.unmaskingList,
            },
          }
        : {}),
      ...(drive
        ? {
            driveTarget: {
              driveId: drive.id,
              name: drive.name,
              ...(replacement
                ? { replacementDriveId: replacement.id, replacementName: replacement.name }
                : {}),
            },
          }
        : {}),
      state: 'running',
      percent: 0,
      startedAt: new Date().toISOString(),
      endedAt: null,
      bytesPerSecond: null,
      etaSeconds: null,
      ...patch,
    } as Operation;
    this.history.push(op);
    return op;
  }

  private async queueLun(what: OperationRequest): Promise<{ operation: Operation }> {
    if (this.lunOperationError) throw this.lunOperationError;
    this.lunRequests.push(structuredClone(what));
    return { operation: this.kindOperation(what, { state: 'queued', percent: null, startedAt: null }) };
  }

  private async queueDrive(what: OperationRequest): Promise<{ operation: Operation }> {
    if (this.driveOperationError) throw this.driveOperationError;
    this.driveRequests.push(structuredClone(what));
    return { operation: this.kindOperation(what, { state: 'queued', percent: null, startedAt: null }) };
  }

  patchDrive(ref: DriveRef, patch: Partial<Drive>): Drive {
    const drives = this.snapshot.drives[ref.subsystemId] ?? [];
    const i = drives.findIndex((d) => d.id === ref.driveId);
    if (i < 0) throw apiError('VDS_E_OBJECT_NOT_FOUND', 0x80042405, `No drive ${ref.driveId}.`);
    drives[i] = { ...drives[i]!, ...patch };
    return structuredClone(drives[i]!);
  }

  /** Ends an operation: the history and every subscriber get it in its final state. */
  finish(op: Operation, patch: Partial<Operation> = {}): Operation {
    const done = {
      ...op,
      state: 'succeeded',
      percent: 100,
      startedAt: op.startedAt ?? new Date().toISOString(),
      endedAt: new Date().toISOString(),
      ...patch,
    } as Operation;
    this.history = this.history.map((o) => (o.id === op.id ? done : o));
    this.emit({ type: 'operationFinished', operation: done });
    return done;
  }

  /** Finishes an operation successfully, adding its LUN to the inventory. */
  succeed(op: Operation, lunPatch: Partial<Lun> = {}): Operation {
    if (op.kind !== 'createLun') throw new Error('succeed() finishes creations');
    const lun: Lun = {
      id: `lun-${op.id}`,
      subsystemId: op.subsystemId,
      name: `LUN ${op.id}`,
      identification: `ID-${op.id}`,
      type: op.request.type === 'auto' ? 'simple' : (op.request.type as Lun['type']),
      sizeBytes: op.request.sizeBytes,
      status: 'online',
      health: 'healthy',
      unmaskingList: op.request.unmaskingList ?? '',
      driveIds: op.request.driveIds ?? [],
      ...lunPatch,
    };
    this.snapshot.luns[op.subsystemId] = [...(this.snapshot.luns[op.subsystemId] ?? []), lun];
    const done: Operation = {
      ...op,
      state: 'succeeded',
      percent: 100,
      endedAt: new Date().toISOString(),
      result: lun,
    };
    this.emit({ type: 'operationFinished', operation: done });
    return done;
  }
}

export function apiError(code: string, hresult: number, message: string, action?: string): Error {
  return Object.assign(new Error(message), { code, hresult, message, ...(action ? { action } : {}) });
}

/** The snapshot as getInventory sends it: no drive lists. */
export function summary(full: TestInventory): InventorySnapshot {
  const { drives: _drives, ...rest } = structuredClone(full);
  return rest;
}

/** Holds the calls of a FakeApi method (those `held` picks; all by default) until the returned release is called,
 * then answers them as before: a read still under way. */
export function holdCalls<F extends (...args: never[]) => Promise<unknown>>(
  mock: Mock<F>,
  held: (...args: Parameters<F>) => boolean = () => true,
): () => void {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const answer = mock.getMockImplementation()!;
  mock.mockImplementation((async (...args: Parameters<F>) => {
    if (held(...args)) await gate;
    return answer(...args);
  }) as unknown as Parameters<typeof mock.mockImplementation>[0]);
  return release;
}
