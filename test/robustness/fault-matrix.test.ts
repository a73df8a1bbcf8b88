// Every simulator fault × every LUN type, and every fault × every async kind on an existing LUN (extend,
// shrink), through the host's StorageService over the real simulator: each operation ends with a clear
// outcome (a typed error naming code + HRESULT + message, or the LUN), nothing crashes, the journal reads back
// the same history, and every failed or canceled operation leaves the capacity exactly as it was.
import { drivesOf } from '../helpers/drives-of';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LUN_TYPES, type LunType, type Operation } from '../../electron/contract/model';
import { Journal } from '../../electron/host/journal';
import type { StorageService } from '../../electron/host/storage-service';
import type {
  SimDrive,
  SimFault,
  SimFaultKind,
  SimLun,
  SimState,
  SimSubsystem,
} from '../../native/lib/raw-addon';
import { MiB, testArray, type TopologyFault } from '../native/helpers/topologies';
import {
  accountingProblems,
  allocatedByDrive,
  serviceDir,
  settled,
  waitForOperation,
  type ServiceDir,
} from './service-harness';

const PROVIDER_FAILURE = 0x80042442;
const FAULTS: Record<SimFaultKind, TopologyFault> = {
  errantNullAsync: { kind: 'errantNullAsync' },
  wrongOutputType: { kind: 'wrongOutputType' },
  nullLun: { kind: 'nullLun' },
  failAt: { kind: 'failAt', percent: 40, hresult: PROVIDER_FAILURE },
  queryStatusFails: { kind: 'queryStatusFails', hresult: PROVIDER_FAILURE },
  waitFails: { kind: 'waitFails', hresult: PROVIDER_FAILURE },
  hang: { kind: 'hang' },
  cancelTooLate: { kind: 'cancelTooLate' },
  driveFailsAt: { kind: 'driveFailsAt', percent: 30, drive: 'Disk 0' },
};
const FAULT_KINDS = Object.keys(FAULTS) as SimFaultKind[];

/** What the user must see for each fault (driveFailsAt: only LUNs on the failing drive fail). */
const EXPECTED: Record<SimFaultKind, { states: Operation['state'][]; code?: string; hresult?: number }> = {
  errantNullAsync: { states: ['failed'], code: 'E_UNEXPECTED', hresult: 0x8000ffff },
  wrongOutputType: { states: ['failed'], code: 'E_UNEXPECTED', hresult: 0x8000ffff },
  nullLun: { states: ['failed'], code: 'E_UNEXPECTED', hresult: 0x8000ffff },
  failAt: { states: ['failed'], code: 'VDS_E_PROVIDER_FAILURE', hresult: PROVIDER_FAILURE },
  queryStatusFails: { states: ['succeeded'] },
  waitFails: { states: ['failed'], hresult: PROVIDER_FAILURE },
  hang: { states: ['canceled'], code: 'VDS_E_OPERATION_CANCELED' },
  cancelTooLate: { states: ['succeeded'] },
  driveFailsAt: { states: ['failed', 'succeeded'], code: 'VDS_E_OBJECT_STATUS_FAILED', hresult: 0x80042431 },
};

const TOPOLOGY = {
  subsystems: FAULT_KINDS.map((kind) =>
    testArray(`Fault ${kind}`, { supportedTypes: [...LUN_TYPES], faults: [FAULTS[kind]] }),
  ),
};

interface Case {
  fault: SimFaultKind;
  type: LunType;
  op: Operation;
}

describe(`fault matrix: ${FAULT_KINDS.length} faults × ${LUN_TYPES.length} LUN types through StorageService`, () => {
  let dir: ServiceDir;
  let service: StorageService;
  let cases: Case[];
  let freeBefore: Map<string, number>;
  let cancelAnswers: Map<string, number>;

  beforeAll(async () => {
    dir = await serviceDir(TOPOLOGY);
    // cancelWaitMs: a cancel answers with the provider's final word, not "still pending".
    service = await dir.open({ concurrency: FAULT_KINDS.length * LUN_TYPES.length, cancelWaitMs: 30_000 });
    const inventory = await service.getInventory();
    freeBefore = new Map(inventory.subsystems.map((s) => [s.id, s.freeBytes]));
    const idOf = new Map(inventory.subsystems.map((s) => [s.name, s.id]));
    cases = [];
    for (const fault of FAULT_KINDS) {
      for (const type of LUN_TYPES) {
        const { operations } = await service.createLuns({
          request: { subsystemId: idOf.get(`Fault ${fault}`)!, type, sizeBytes: 256 * MiB },
          count: 1,
        });
        cases.push({ fault, type, op: operations[0]! });
      }
    }
    // hang never ends and cancelTooLate must be asked: cancel both once the array works on them
    // (cancelTooLate: progress seen; hang never reports progress: 300 ms after it started running).
    cancelAnswers = new Map();
    const cancelWhen = async (c: Case, ready: (op: Operation) => boolean) => {
      await waitForOperation(service, c.op.id, ready);
      cancelAnswers.set(c.op.id, (await service.cancelOperation({ operationId: c.op.id })).hresult);
    };
    const startedAt = (op: Operation) => (op.startedAt ? Date.parse(op.startedAt) : Infinity);
    await Promise.all([
      ...cases
        .filter((c) => c.fault === 'cancelTooLate')
        .map((c) => cancelWhen(c, (op) => (op.percent ?? 0) > 0)),
      ...cases
        .filter((c) => c.fault === 'hang')
        .map((c) => cancelWhen(c, (op) => Date.now() - startedAt(op) > 300)),
    ]);
    const final = new Map(
      (
        await settled(
          service,
          cases.map((c) => c.op.id),
        )
      ).map((op) => [op.id, op]),
    );
    for (const c of cases) c.op = final.get(c.op.id)!;
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await dir?.cleanup();
  });

  it.each(FAULT_KINDS)('%s: every LUN type ends as the fault dictates, with a typed error', (fault) => {
    const expected = EXPECTED[fault];
    for (const c of cases.filter((c) => c.fault === fault)) {
      const where = `${fault} × ${c.type}`;
      expect(expected.states, where).toContain(c.op.state);
      if (c.op.state === 'succeeded') {
        expect(c.op.result?.id, where).toEqual(expect.any(String));
        expect(c.op.error, where).toBeUndefined();
      } else {
        expect(c.op.error, where).toMatchObject({
          code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/),
          hresult: expect.any(Number),
          message: expect.stringMatching(/\S/),
        });
        expect(c.op.error!.hresult >>> 0, where).toBeGreaterThanOrEqual(0x80000000);
        if (expected.code) expect(c.op.error!.code, where).toBe(expected.code);
        if (expected.hresult) expect(c.op.error!.hresult, where).toBe(expected.hresult);
      }
    }
    if (fault === 'driveFailsAt') {
      // The failing drive sits under the LUNs the simulator places first: the fault must have bitten.
      expect(cases.filter((c) => c.fault === fault && c.op.state === 'failed').length).toBeGreaterThan(0);
    }
  });

  it('hang cancels (S_OK); cancelTooLate answers VDS_E_CANCEL_TOO_LATE and keeps the LUN', () => {
    for (const c of cases.filter((c) => c.fault === 'hang')) expect(cancelAnswers.get(c.op.id)).toBe(0);
    for (const c of cases.filter((c) => c.fault === 'cancelTooLate'))
      expect(cancelAnswers.get(c.op.id)).toBe(0x8004240c); // VDS_E_CANCEL_TOO_LATE;
  });

  it('waitFails: the error says the LUN may exist, and it does (the array finished; only Wait failed)', async () => {
    const state = await dir.readState();
    const waitFails = cases.filter((c) => c.fault === 'waitFails');
    for (const c of waitFails) expect(c.op.error?.message).toMatch(/LUN may exist.*refresh/);
    const subsystem = state.subsystems.find((s) => s.name === 'Fault waitFails')!;
    expect(subsystem.luns).toHaveLength(waitFails.length);
    const inventory = await service.getInventory({ refresh: true });
    expect(inventory.luns[subsystem.id]!.map((l) => l.id).sort()).toEqual(
      subsystem.luns.map((l) => l.id).sort(),
    );
  });

  it('the simulator keeps exactly the LUNs of the succeeded creations; failed ones gave their space back', async () => {
    const state = await dir.readState();
    expect(accountingProblems(state)).toEqual([]);
    const inventory = await service.getInventory({ refresh: true });
    for (const s of state.subsystems) {
      if (s.name === 'Fault waitFails') continue; // the array created these LUNs: see the test above
      const succeeded = cases.filter((c) => c.op.subsystemId === s.id && c.op.state === 'succeeded');
      expect(s.luns.map((l) => l.id).sort(), s.name).toEqual(succeeded.map((c) => c.op.result!.id).sort());
      const allocated = s.luns.reduce((n, l) => n + l.extents.reduce((m, e) => m + e.lengthBytes, 0), 0);
      const reported = inventory.subsystems.find((x) => x.id === s.id)!;
      expect(reported.freeBytes, s.name).toBe(freeBefore.get(s.id)! - allocated);
    }
    const used = allocatedByDrive(state);
    const drives = await drivesOf(service, inventory);
    for (const s of inventory.subsystems)
      for (const d of drives[s.id]!) expect(d.freeBytes, d.name).toBe(d.sizeBytes - (used.get(d.id) ?? 0));
  });

  it('the journal reads back the same history, nothing corrupt or unfinished', async () => {
    await service.close();
    const { journal, readBack } = Journal.open(dir.journalPath);
    journal.close();
    expect(readBack.corruptLines).toBe(0);
    expect(readBack.droppedTail).toBe(false);
    expect(readBack.interrupted).toEqual([]);
    const journaled = new Map(readBack.operations.map((op) => [op.id, op]));
    for (const c of cases) {
      expect(journaled.get(c.op.id)?.state, `${c.fault} × ${c.type}`).toBe(c.op.state);
      expect(journaled.get(c.op.id)?.error, `${c.fault} × ${c.type}`).toEqual(c.op.error);
    }
  });
});

// ---- Every fault × every async kind on an existing LUN (extendLun, shrinkLun), through the StorageService ----

type ResizeKind = 'extendLun' | 'shrinkLun';
const RESIZE_KINDS: readonly ResizeKind[] = ['extendLun', 'shrinkLun'];
const ADD = 512 * MiB;
const REMOVE = 256 * MiB;
const GiB = 1024 * MiB;

/** What the user must see for each fault on an extend or shrink, and whether the array keeps the change. */
const RESIZE_EXPECTED: Record<
  SimFaultKind,
  { state: Operation['state']; code?: string; hresult?: number; kept: boolean }
> = {
  errantNullAsync: { state: 'failed', code: 'E_UNEXPECTED', hresult: 0x8000ffff, kept: false },
  wrongOutputType: { state: 'failed', code: 'E_UNEXPECTED', hresult: 0x8000ffff, kept: false },
  nullLun: { state: 'succeeded', kept: true }, // creation only: an extend's or shrink's output has no LUN
  failAt: { state: 'failed', code: 'VDS_E_PROVIDER_FAILURE', hresult: PROVIDER_FAILURE, kept: false },
  queryStatusFails: { state: 'succeeded', kept: true },
  waitFails: { state: 'failed', hresult: PROVIDER_FAILURE, kept: true }, // the array did it; Wait failed
  hang: { state: 'canceled', code: 'VDS_E_OPERATION_CANCELED', kept: false },
  cancelTooLate: { state: 'succeeded', kept: true },
  driveFailsAt: { state: 'failed', code: 'VDS_E_OBJECT_STATUS_FAILED', hresult: 0x80042431, kept: false },
};

function simDrives(prefix: string): SimDrive[] {
  return Array.from({ length: 8 }, (_, slot) => ({
    id: `${prefix}-d${slot}`,
    name: `Disk ${slot}`,
    sizeBytes: 16 * GiB,
    bus: 0,
    slot,
    status: 'online' as const,
    health: 'healthy' as const,
    hotSpare: false,
  }));
}

function simSubsystem(
  id: string,
  name: string,
  faults: SimFault[],
  luns: SimLun[],
  rate = 2 * GiB,
): SimSubsystem {
  return {
    id,
    name,
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
    stripeSizes: [65536, 131072, 1048576],
    initRateBytesPerSec: rate,
    maskingCapable: true,
    status: 'online',
    health: 'healthy',
    drives: simDrives(id),
    faults,
    luns,
  };
}

/** Per fault: a 1 GiB mirror on Disk 0 + Disk 1 (to extend) and a 2 GiB simple LUN on Disk 0 (to shrink); the
 * failing drive of driveFailsAt is Disk 0, under both. Plus a clean, slow array whose extend is canceled. */
function resizeState(): SimState {
  const fault = (kind: SimFaultKind): SimFault => {
    const { percent, hresult, drive } = FAULTS[kind] as {
      percent?: number;
      hresult?: number;
      drive?: string;
    };
    const out: SimFault = { kind };
    if (percent !== undefined) out.percent = percent;
    if (hresult !== undefined) out.hresult = hresult;
    if (drive !== undefined) out.drive = drive;
    return out;
  };
  const subsystems = FAULT_KINDS.map((kind) => {
    const id = `sub-${kind}`;
    return simSubsystem(
      id,
      `Resize ${kind}`,
      [fault(kind)],
      [
        {
          id: `extendLun-${kind}`,
          name: 'To extend',
          type: 'mirror',
          sizeBytes: GiB,
          stripeSizeBytes: 0,
          unmaskingList: '',
          extents: [
            { driveId: `${id}-d0`, offsetBytes: 0, lengthBytes: GiB },
            { driveId: `${id}-d1`, offsetBytes: 0, lengthBytes: GiB },
          ],
        },
        {
          id: `shrinkLun-${kind}`,
          name: 'To shrink',
          type: 'simple',
          sizeBytes: 2 * GiB,
          stripeSizeBytes: 0,
          unmaskingList: '',
          extents: [{ driveId: `${id}-d0`, offsetBytes: GiB, lengthBytes: 2 * GiB }],
        },
      ],
    );
  });
  subsystems.push(
    simSubsystem(
      'sub-clean',
      'Resize clean',
      [],
      [
        {
          id: 'slow',
          name: 'Slow',
          type: 'simple',
          sizeBytes: GiB,
          stripeSizeBytes: 0,
          unmaskingList: '',
          extents: [{ driveId: 'sub-clean-d0', offsetBytes: 0, lengthBytes: GiB }],
        },
      ],
      GiB,
    ), // 1 GiB/s: extending by 8 GiB takes 8 s
  );
  return { version: 1, subsystems };
}

interface ResizeCase {
  fault: SimFaultKind;
  kind: ResizeKind;
  op: Operation;
}

describe(`fault matrix: ${FAULT_KINDS.length} faults × ${RESIZE_KINDS.length} async kinds on existing LUNs through StorageService`, () => {
  let dir: ServiceDir;
  let service: StorageService;
  let initial: SimState;
  let cases: ResizeCase[];
  let cancelAnswers: Map<string, number>;
  let canceledExtend: Operation;

  beforeAll(async () => {
    dir = await serviceDir({ subsystems: [testArray('unused')] });
    initial = resizeState();
    await writeFile(dir.statePath, JSON.stringify(initial));
    service = await dir.open({ concurrency: 2 * FAULT_KINDS.length + 1, cancelWaitMs: 30_000 });
    cases = [];
    for (const fault of FAULT_KINDS) {
      const subsystemId = `sub-${fault}`;
      const extend = await service.extendLun({ subsystemId, lunId: `extendLun-${fault}`, bytesToAdd: ADD });
      cases.push({ fault, kind: 'extendLun', op: extend.operation });
      const shrink = await service.shrinkLun({
        subsystemId,
        lunId: `shrinkLun-${fault}`,
        bytesToRemove: REMOVE,
      });
      cases.push({ fault, kind: 'shrinkLun', op: shrink.operation });
    }
    const slow = await service.extendLun({ subsystemId: 'sub-clean', lunId: 'slow', bytesToAdd: 8 * GiB });

    cancelAnswers = new Map();
    const cancelWhen = async (id: string, ready: (op: Operation) => boolean) => {
      await waitForOperation(service, id, ready);
      cancelAnswers.set(id, (await service.cancelOperation({ operationId: id })).hresult);
    };
    const startedAt = (op: Operation) => (op.startedAt ? Date.parse(op.startedAt) : Infinity);
    await Promise.all([
      ...cases
        .filter((c) => c.fault === 'cancelTooLate')
        .map((c) => cancelWhen(c.op.id, (op) => (op.percent ?? 0) > 0)),
      ...cases
        .filter((c) => c.fault === 'hang')
        .map((c) => cancelWhen(c.op.id, (op) => Date.now() - startedAt(op) > 300)),
      cancelWhen(slow.operation.id, (op) => (op.percent ?? 0) >= 10),
    ]);
    const final = new Map(
      (await settled(service, [...cases.map((c) => c.op.id), slow.operation.id])).map((op) => [op.id, op]),
    );
    for (const c of cases) c.op = final.get(c.op.id)!;
    canceledExtend = final.get(slow.operation.id)!;
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await dir?.cleanup();
  });

  it.each(FAULT_KINDS)('%s: extend and shrink end as the fault dictates, with a typed error', (fault) => {
    const expected = RESIZE_EXPECTED[fault];
    for (const c of cases.filter((c) => c.fault === fault)) {
      const where = `${fault} × ${c.kind}`;
      expect(c.op.kind, where).toBe(c.kind);
      expect(c.op.state, `${where}: ${JSON.stringify(c.op.error)}`).toBe(expected.state);
      if (c.op.state === 'succeeded') {
        expect(c.op.result?.id, where).toBe(`${c.kind}-${fault}`);
        expect(c.op.percent, where).toBe(100);
        continue;
      }
      expect(c.op.error, where).toMatchObject({
        code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/),
        hresult: expect.any(Number),
        message: expect.stringMatching(/\S/),
      });
      expect(c.op.error!.hresult >>> 0, where).toBeGreaterThanOrEqual(0x80000000);
      if (expected.code) expect(c.op.error!.code, where).toBe(expected.code);
      if (expected.hresult) expect(c.op.error!.hresult, where).toBe(expected.hresult);
    }
  });

  it('hang cancels (S_OK); cancelTooLate answers VDS_E_CANCEL_TOO_LATE and the change stays', () => {
    for (const c of cases.filter((c) => c.fault === 'hang')) expect(cancelAnswers.get(c.op.id)).toBe(0);
    for (const c of cases.filter((c) => c.fault === 'cancelTooLate'))
      expect(cancelAnswers.get(c.op.id)).toBe(0x8004240c);
  });

  it('nothing half-done: each LUN has its new size whole, or exactly its old extents; capacity adds up', async () => {
    const state = await dir.readState();
    expect(accountingProblems(state)).toEqual([]);
    const before = new Map(initial.subsystems.flatMap((s) => s.luns.map((l) => [l.id, l])));
    for (const c of cases) {
      const where = `${c.fault} × ${c.kind}`;
      const lun = state.subsystems
        .find((s) => s.id === `sub-${c.fault}`)!
        .luns.find((l) => l.id === `${c.kind}-${c.fault}`)!;
      const old = before.get(lun.id)!;
      if (!RESIZE_EXPECTED[c.fault].kept) {
        expect(lun.extents, where).toEqual(old.extents);
        expect(lun.sizeBytes, where).toBe(old.sizeBytes);
      } else if (c.kind === 'extendLun') {
        expect(lun.sizeBytes, where).toBeGreaterThanOrEqual(old.sizeBytes + ADD);
      } else {
        expect(lun.sizeBytes, where).toBe(old.sizeBytes - REMOVE);
      }
    }
    const inventory = await service.getInventory({ refresh: true });
    const used = allocatedByDrive(state);
    const drives = await drivesOf(service, inventory);
    for (const s of inventory.subsystems)
      for (const d of drives[s.id]!)
        expect(d.freeBytes, `${s.name} ${d.name}`).toBe(d.sizeBytes - (used.get(d.id) ?? 0));
  });

  it('a canceled extend is rolled back: the LUN keeps its extents and every drive its free space', async () => {
    expect(cancelAnswers.get(canceledExtend.id)).toBe(0);
    expect(canceledExtend).toMatchObject({ state: 'canceled', error: { code: 'VDS_E_OPERATION_CANCELED' } });
    const state = await dir.readState();
    const clean = state.subsystems.find((s) => s.id === 'sub-clean')!;
    expect(clean.luns).toEqual(initial.subsystems.find((s) => s.id === 'sub-clean')!.luns);
    await service.getInventory({ refresh: true }); // a fresh read: listDrives answers from it
    for (const d of (await service.listDrives({ subsystemId: 'sub-clean' })).drives)
      expect(d.freeBytes, d.name).toBe(d.sizeBytes - (d.id === 'sub-clean-d0' ? GiB : 0));
  });

  it('the journal reads back every kind with the same outcome', async () => {
    await service.close();
    const { journal, readBack } = Journal.open(dir.journalPath);
    journal.close();
    expect([readBack.corruptLines, readBack.droppedTail, readBack.interrupted]).toEqual([0, false, []]);
    const journaled = new Map(readBack.operations.map((op) => [op.id, op]));
    for (const c of [...cases, { fault: 'clean', kind: 'extendLun', op: canceledExtend }]) {
      const where = `${c.fault} × ${c.kind}`;
      expect(journaled.get(c.op.id), where).toMatchObject({ kind: c.kind, state: c.op.state });
      expect(journaled.get(c.op.id)?.error, where).toEqual(c.op.error);
    }
  });
});
