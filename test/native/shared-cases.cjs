// One suite, two providers: behaviour a user relies on, written once against the raw addon API
// (native/lib/raw-addon.ts) with node:assert only. Runs under vitest on Linux against `sim`
// (shared-cases.test.ts) and under Wine against `vds` + the test VDS service (test/windows/run-windows-suite.cjs).
// Ids are never assumed: each provider names objects its own way (sim ids vs VDS GUIDs), so cases look
// subsystems and drives up by name.
'use strict';
const assert = require('node:assert/strict');

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const FAST = 2 ** 50; // bytes/s: any LUN initialises at once
const POLL_MS = 50;

const HR = {
  S_OK: 0,
  E_UNEXPECTED: 0x8000ffff,
  PENDING: 0x80042409,
  NOT_SUPPORTED: 0x80042400,
  NOT_FOUND: 0x80042405,
  CANCEL_TOO_LATE: 0x8004240c,
  CANCELED: 0x8004240d,
  NOT_ENOUGH_SPACE: 0x8004240f,
  STATUS_FAILED: 0x80042431,
  BAD_PROVIDER_DATA: 0x80042441,
  PROVIDER_FAILURE: 0x80042442,
};

/** "Test Array": four 10 GiB drives, one 2 GiB LUN on Bay 0. */
function topology({ faults = [], rate = FAST } = {}) {
  const drives = [0, 1, 2, 3].map((i) => ({
    id: `d${i}`,
    name: `Bay ${i}`,
    sizeBytes: 10 * GiB,
    bus: 0,
    slot: i,
    status: 'online',
    health: 'healthy',
    hotSpare: false,
  }));
  return {
    version: 1,
    subsystems: [
      {
        id: 'sub',
        name: 'Test Array',
        supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
        stripeSizes: [65536, 131072],
        initRateBytesPerSec: rate,
        maskingCapable: true,
        status: 'online',
        health: 'healthy',
        drives,
        faults,
        luns: [
          {
            id: 'existing',
            name: 'Existing',
            type: 'simple',
            sizeBytes: 2 * GiB,
            stripeSizeBytes: 0,
            unmaskingList: '*',
            extents: [{ driveId: 'd0', offsetBytes: 0, lengthBytes: 2 * GiB }],
          },
        ],
      },
    ],
  };
}

async function inventory(provider) {
  const subsystems = await provider.listSubsystems();
  const subsystem = subsystems.find((s) => s.name === 'Test Array');
  assert.ok(subsystem, 'the Test Array subsystem is listed');
  const drives = await provider.listDrives(subsystem.id);
  const drive = (name) => {
    const found = drives.find((d) => d.name === name);
    assert.ok(found, `drive ${name} is listed`);
    return found;
  };
  return { subsystems, subsystem, drives, drive };
}

/** Starts a createLun, collecting every progress report. */
async function startCreate(provider, request) {
  const progress = [];
  const op = await provider.createLun(
    { type: 'simple', hints: {}, unmaskingList: '*', driveIds: [], ...request },
    (p) => progress.push(p),
  );
  return { op, progress };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

function assertError(error, code, hresult) {
  assert.equal(error.code, code, `code (message: ${error.message})`);
  assert.equal(error.hresult >>> 0, hresult >>> 0, 'hresult');
  assert.equal(typeof error.message, 'string');
  assert.ok(error.message.length > 0, 'a plain message');
}

async function waitFor(condition, what, timeoutMs = 10_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function assertNothingCreated(provider, subsystemId, freeBefore) {
  const luns = await provider.listLuns(subsystemId);
  assert.deepEqual(
    luns.map((l) => l.name),
    ['Existing'],
  );
  const after = (await provider.listSubsystems()).find((s) => s.id === subsystemId);
  assert.equal(after.freeBytes, freeBefore, 'free space is back to what it was');
}

// Each case: { name, state?: SimState (default topology()), run(provider) }.
const cases = [
  {
    name: 'enumerates the subsystem, its drives and its LUNs',
    async run(provider) {
      const { subsystems, subsystem, drives, drive } = await inventory(provider);
      assert.equal(subsystems.length, 1);
      assert.equal(subsystem.status, 'online');
      assert.equal(subsystem.health, 'healthy');
      assert.equal(subsystem.driveCount, 4);
      assert.equal(subsystem.lunCount, 1);
      assert.equal(subsystem.capacityBytes, 40 * GiB);
      assert.equal(subsystem.freeBytes, 38 * GiB);
      assert.equal(subsystem.maskingCapable, true);
      assert.deepEqual(subsystem.stripeSizes, [65536, 131072]);
      for (const type of ['simple', 'span', 'stripe', 'mirror', 'parity']) {
        assert.ok(subsystem.supportedTypes.includes(type), `supports ${type}`);
      }
      assert.ok(!subsystem.supportedTypes.includes('raid6'), 'raid6 is not offered');
      assert.deepEqual(drives.map((d) => d.name).sort(), ['Bay 0', 'Bay 1', 'Bay 2', 'Bay 3']);
      for (const d of drives) {
        assert.equal(d.sizeBytes, 10 * GiB);
        assert.equal(d.status, 'online');
        assert.equal(d.subsystemId, subsystem.id);
      }
      assert.equal(drive('Bay 0').freeBytes, 8 * GiB);
      assert.equal(drive('Bay 1').freeBytes, 10 * GiB);
      const luns = await provider.listLuns(subsystem.id);
      assert.equal(luns.length, 1);
      assert.equal(luns[0].name, 'Existing');
      assert.equal(luns[0].type, 'simple');
      assert.equal(luns[0].sizeBytes, 2 * GiB);
      assert.equal(luns[0].unmaskingList, '*');
      assert.equal(luns[0].status, 'online');
      assert.deepEqual(luns[0].driveIds, [drive('Bay 0').id]);
    },
  },
  {
    name: "listAllDrives: every subsystem's drives in one call, keyed by subsystem id, as listDrives lists them",
    state: (() => {
      const state = topology();
      const other = structuredClone(state.subsystems[0]);
      other.id = 'other';
      other.name = 'Other Array';
      other.luns = [];
      other.drives = other.drives.slice(0, 2).map((d, i) => ({ ...d, id: `o${i}`, name: `Shelf ${i}` }));
      state.subsystems.push(other);
      return state;
    })(),
    async run(provider) {
      const subsystems = await provider.listSubsystems();
      assert.equal(subsystems.length, 2);
      const all = await provider.listAllDrives();
      assert.deepEqual(
        Object.keys(all),
        subsystems.map((s) => s.id),
        'one entry per subsystem, in listSubsystems order',
      );
      for (const s of subsystems) assert.deepEqual(all[s.id], await provider.listDrives(s.id), s.name);
      const other = subsystems.find((s) => s.name === 'Other Array');
      assert.deepEqual(all[other.id].map((d) => d.name).sort(), ['Shelf 0', 'Shelf 1']);
      assert.equal(all[other.id][0].subsystemId, other.id);
    },
  },
  {
    name: 'answers the largest possible LUN up front, and refuses one byte more',
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const simple = await provider.maxLunSize({
        subsystemId: subsystem.id,
        type: 'simple',
        driveIds: [drive('Bay 0').id],
        hints: {},
      });
      assert.ok(simple > 7 * GiB && simple <= 8 * GiB, `simple max on Bay 0 (${simple}) fits its 8 GiB free`);
      const stripe = await provider.maxLunSize({
        subsystemId: subsystem.id,
        type: 'stripe',
        driveIds: [drive('Bay 1').id, drive('Bay 2').id],
        hints: {},
      });
      assert.ok(stripe > 19 * GiB && stripe <= 20 * GiB, `stripe max over two empty drives (${stripe})`);
      const tooBig = await rejection(
        startCreate(provider, {
          subsystemId: subsystem.id,
          driveIds: [drive('Bay 0').id],
          sizeBytes: simple + 1,
        }),
      );
      assertError(tooBig, 'VDS_E_NOT_ENOUGH_SPACE', HR.NOT_ENOUGH_SPACE);
      const unsupported = await rejection(
        provider.maxLunSize({ subsystemId: subsystem.id, type: 'raid6', driveIds: [], hints: {} }),
      );
      assertError(unsupported, 'VDS_E_NOT_SUPPORTED', HR.NOT_SUPPORTED);
      const unknown = await rejection(provider.listDrives('{00000000-0000-0000-0000-0000000000AA}'));
      assertError(unknown, 'VDS_E_OBJECT_NOT_FOUND', HR.NOT_FOUND);
    },
  },
  {
    name: 'creates a LUN with live progress, then re-reads it from the provider',
    state: topology({ rate: Math.round(GiB / 1.5) }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op, progress } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
        unmaskingList: 'iqn.1991-05.com.microsoft:host1',
      });
      const lun = await op.done;
      const running = new Set(progress.filter((p) => p.hresult === HR.PENDING).map((p) => p.percent));
      assert.ok(running.size >= 3, `at least 3 distinct progress values while running (saw ${[...running]})`);
      for (const p of progress) assert.ok(p.percent >= 0 && p.percent <= 100, 'percent within 0-100');
      assert.deepEqual(progress.at(-1), { ...progress.at(-1), hresult: HR.S_OK, percent: 100 });
      assert.equal(lun.type, 'simple');
      assert.ok(lun.sizeBytes >= GiB, 'at least the requested size');
      assert.deepEqual(lun.driveIds, [drive('Bay 1').id]);
      assert.equal(lun.unmaskingList, 'iqn.1991-05.com.microsoft:host1');
      assert.equal(lun.subsystemId, subsystem.id);
      const luns = await provider.listLuns(subsystem.id);
      assert.ok(
        luns.some((l) => l.id === lun.id && l.sizeBytes === lun.sizeBytes),
        'the new LUN is listed',
      );
      const after = (await provider.listSubsystems())[0];
      assert.equal(after.freeBytes, subsystem.freeBytes - lun.sizeBytes);
      assert.equal(after.lunCount, 2);
    },
  },
  {
    name: 'cancels a running creation and rolls it back',
    state: topology({ faults: [{ kind: 'hang' }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op, progress } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 2').id],
        sizeBytes: GiB,
      });
      const done = rejection(op.done); // handled before the cancel settles it
      await waitFor(() => progress.length > 0, 'the first progress report');
      assert.equal(await op.cancel(), HR.S_OK);
      assertError(await done, 'VDS_E_OPERATION_CANCELED', HR.CANCELED);
      await assertNothingCreated(provider, subsystem.id, subsystem.freeBytes);
    },
  },
  {
    name: 'errant provider: S_OK with a NULL async -> E_UNEXPECTED, nothing created',
    state: topology({ faults: [{ kind: 'errantNullAsync' }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const error = await rejection(
        startCreate(provider, { subsystemId: subsystem.id, driveIds: [drive('Bay 1').id], sizeBytes: GiB }),
      );
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, /no operation/);
      await assertNothingCreated(provider, subsystem.id, subsystem.freeBytes);
    },
  },
  {
    name: 'errant provider: Wait output of the wrong type -> E_UNEXPECTED, nothing created',
    state: topology({ faults: [{ kind: 'wrongOutputType' }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      const error = await rejection(op.done);
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, /output type/);
      await assertNothingCreated(provider, subsystem.id, subsystem.freeBytes);
    },
  },
  {
    name: 'errant provider: Wait succeeds without a LUN -> E_UNEXPECTED, nothing created',
    state: topology({ faults: [{ kind: 'nullLun' }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      const error = await rejection(op.done);
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, /no LUN/);
      await assertNothingCreated(provider, subsystem.id, subsystem.freeBytes);
    },
  },
  {
    name: 'a failure mid-way reports the provider HRESULT and rolls back',
    state: topology({
      rate: 4 * GiB,
      faults: [{ kind: 'failAt', percent: 40, hresult: HR.PROVIDER_FAILURE }],
    }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op, progress } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      assertError(await rejection(op.done), 'VDS_E_PROVIDER_FAILURE', HR.PROVIDER_FAILURE);
      const running = progress.filter((p) => p.hresult === HR.PENDING).map((p) => p.percent);
      assert.ok(
        running.every((p) => p < 40),
        'no running progress past the failure point',
      );
      await assertNothingCreated(provider, subsystem.id, subsystem.freeBytes);
    },
  },
  {
    name: 'QueryStatus failing shows in progress; the creation still completes',
    state: topology({ rate: 4 * GiB, faults: [{ kind: 'queryStatusFails', hresult: HR.PROVIDER_FAILURE }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op, progress } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      const lun = await op.done;
      assert.ok(lun.sizeBytes >= GiB);
      assert.ok(
        progress.some((p) => p.hresult === HR.PROVIDER_FAILURE),
        'the failed QueryStatus was reported',
      );
    },
  },
  {
    name: 'Wait failing after a successful operation -> Wait HRESULT, with a hint to refresh',
    state: topology({ faults: [{ kind: 'waitFails', hresult: HR.BAD_PROVIDER_DATA }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      const error = await rejection(op.done);
      assertError(error, 'VDS_E_BAD_PROVIDER_DATA', HR.BAD_PROVIDER_DATA);
      assert.match(error.message, /may exist/);
    },
  },
  {
    name: 'cancel too late: the provider says so and the LUN is created',
    state: topology({ rate: 2 * GiB, faults: [{ kind: 'cancelTooLate' }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      assert.equal(await op.cancel(), HR.CANCEL_TOO_LATE);
      const lun = await op.done;
      assert.ok(lun.sizeBytes >= GiB);
    },
  },
  {
    name: 'a drive failing mid-way fails the creation and stays failed',
    state: topology({ rate: 4 * GiB, faults: [{ kind: 'driveFailsAt', percent: 30, drive: 'Bay 1' }] }),
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        type: 'mirror',
        driveIds: [drive('Bay 1').id, drive('Bay 2').id],
        sizeBytes: GiB,
      });
      assertError(await rejection(op.done), 'VDS_E_OBJECT_STATUS_FAILED', HR.STATUS_FAILED);
      const bay1 = (await provider.listDrives(subsystem.id)).find((d) => d.name === 'Bay 1');
      assert.equal(bay1.status, 'failed');
      assert.deepEqual(
        (await provider.listLuns(subsystem.id)).map((l) => l.name),
        ['Existing'],
      );
    },
  },
];

/** Opens a provider on the case's state through `open(state)`, runs the case, and always closes it. */
async function runCase(testCase, open) {
  const provider = await open(testCase.state ?? topology());
  try {
    await testCase.run(provider);
  } finally {
    provider.close();
  }
}

module.exports = {
  cases,
  runCase,
  topology,
  inventory,
  startCreate,
  rejection,
  assertError,
  HR,
  GiB,
  POLL_MS,
};
