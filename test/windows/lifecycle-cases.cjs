// The life of an existing LUN through the `vds` provider and the test VDS service (IVdsLun Extend, Shrink,
// QueryMaxLunExtendSize, SetMask, Delete), in both Windows legs: run by run-windows-suite.cjs like the shared
// cases, { name, state?, run(provider) }. The array is shared-cases' "Test Array" (four 10 GiB drives, the
// 2 GiB simple LUN "Existing" on Bay 0); the faults of its subsystem apply to extend and shrink as to creation.
'use strict';
const assert = require('node:assert/strict');
const {
  topology,
  inventory,
  startCreate,
  rejection,
  assertError,
  HR,
  GiB,
} = require('../native/shared-cases.cjs');

const MiB = 1024 * 1024;
const IQN = 'iqn.1991-05.com.microsoft:host-a';

async function waitFor(condition, what, timeoutMs = 10_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The inventory plus the LUN named `name` and a fresh read of the subsystem and its drives. */
async function arrayState(provider, name = 'Existing') {
  const { subsystem, drive } = await inventory(provider);
  const luns = await provider.listLuns(subsystem.id);
  const lun = luns.find((l) => l.name === name);
  const now = (await provider.listSubsystems()).find((s) => s.id === subsystem.id);
  const drives = await provider.listDrives(subsystem.id);
  return { subsystem: now, drive, luns, lun, freeByDrive: drives.map((d) => [d.name, d.freeBytes]) };
}

async function startExtend(provider, request) {
  const progress = [];
  const op = await provider.extendLun({ driveIds: [], ...request }, (p) => progress.push(p));
  return { op, progress };
}

async function startShrink(provider, request) {
  const progress = [];
  const op = await provider.shrinkLun(request, (p) => progress.push(p));
  return { op, progress };
}

/** Size, free space and every drive's free space are what they were. */
async function assertUnchanged(provider, before) {
  const after = await arrayState(provider);
  assert.equal(after.lun.sizeBytes, before.lun.sizeBytes, 'the LUN keeps its size');
  assert.equal(after.subsystem.freeBytes, before.subsystem.freeBytes, 'free space as before');
  assert.deepEqual(after.freeByDrive, before.freeByDrive, 'every drive as before');
}

const asyncKinds = [
  [
    'extend',
    (provider, lun) => startExtend(provider, { lunId: lun.id, bytesToAdd: GiB }),
    'VDS_ASYNCOUT_EXTENDLUN',
    54,
  ],
  [
    'shrink',
    (provider, lun) => startShrink(provider, { lunId: lun.id, bytesToRemove: 512 * MiB }),
    'VDS_ASYNCOUT_SHRINKLUN',
    55,
  ],
];

const cases = [
  {
    name: 'extends a LUN by 1 GiB with live progress, then re-reads its size from the provider',
    state: topology({ rate: 2 * GiB }), // 1 GiB at 2 GiB/s: half a second of progress
    async run(provider) {
      const before = await arrayState(provider);
      const { op, progress } = await startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB });
      const lun = await op.done;
      assert.equal(lun.id, before.lun.id);
      assert.ok(lun.sizeBytes >= before.lun.sizeBytes + GiB, `new size ${lun.sizeBytes}`);
      const percents = new Set(progress.filter((p) => p.hresult >>> 0 === HR.PENDING).map((p) => p.percent));
      assert.ok(percents.size >= 2, `progress while running: ${[...percents].join(', ')}`);
      const after = await arrayState(provider);
      assert.equal(after.lun.sizeBytes, lun.sizeBytes, 'the listed LUN has the re-read size');
      assert.equal(
        after.subsystem.freeBytes,
        before.subsystem.freeBytes - (lun.sizeBytes - before.lun.sizeBytes),
      );
    },
  },
  {
    name: 'extends a span LUN onto the drive named, and only that drive gives the space',
    async run(provider) {
      const { subsystem, drive } = await inventory(provider);
      const { op: create } = await startCreate(provider, {
        subsystemId: subsystem.id,
        type: 'span',
        driveIds: [drive('Bay 1').id],
        sizeBytes: GiB,
      });
      const created = await create.done;
      const before = await arrayState(provider, created.name);
      const { op } = await startExtend(provider, {
        lunId: created.id,
        bytesToAdd: 2 * GiB,
        driveIds: [drive('Bay 2').id],
      });
      const lun = await op.done;
      assert.ok(lun.sizeBytes >= created.sizeBytes + 2 * GiB, `new size ${lun.sizeBytes}`);
      assert.deepEqual(
        lun.driveIds,
        [drive('Bay 1').id, drive('Bay 2').id],
        'Bay 1 first, then the drive named',
      );
      const after = await arrayState(provider, created.name);
      const free = (state, name) => state.freeByDrive.find(([n]) => n === name)[1];
      assert.equal(free(after, 'Bay 1'), free(before, 'Bay 1'), 'Bay 1 gave nothing');
      assert.equal(free(after, 'Bay 2'), free(before, 'Bay 2') - (lun.sizeBytes - created.sizeBytes));
    },
  },
  {
    name: 'answers the largest extension (QueryMaxLunExtendSize); extending by it leaves at most a rounding remainder',
    async run(provider) {
      const before = await arrayState(provider);
      const bay0 = before.drive('Bay 0');
      const max = await provider.maxLunExtendSize(before.lun.id, [bay0.id]);
      assert.ok(max > 0 && max <= bay0.freeBytes, `max ${max}, Bay 0 has ${bay0.freeBytes} free`);
      const { op } = await startExtend(provider, {
        lunId: before.lun.id,
        bytesToAdd: max,
        driveIds: [bay0.id],
      });
      const lun = await op.done;
      assert.ok(lun.sizeBytes >= before.lun.sizeBytes + max, `new size ${lun.sizeBytes}`);
      const left = await provider.maxLunExtendSize(before.lun.id, [bay0.id]);
      assert.ok(left < MiB, `after extending by the maximum, ${left} bytes more would still fit`);
    },
  },
  {
    name: 'shrinks a LUN by 512 MiB: the new size re-read, the tail given back',
    async run(provider) {
      const before = await arrayState(provider);
      const { op } = await startShrink(provider, { lunId: before.lun.id, bytesToRemove: 512 * MiB });
      const lun = await op.done;
      assert.ok(
        lun.sizeBytes <= before.lun.sizeBytes - 512 * MiB && lun.sizeBytes > 0,
        `new size ${lun.sizeBytes}`,
      );
      const after = await arrayState(provider);
      assert.equal(after.lun.sizeBytes, lun.sizeBytes);
      assert.equal(
        after.subsystem.freeBytes,
        before.subsystem.freeBytes + (before.lun.sizeBytes - lun.sizeBytes),
      );
    },
  },
  {
    name: 'sets the host access (SetMask) to an IQN, then to "" (no host)',
    async run(provider) {
      const { lun, subsystem } = await arrayState(provider);
      assert.equal(lun.unmaskingList, '*');
      const masked = await provider.setLunMask(lun.id, IQN);
      assert.equal(masked.unmaskingList, IQN);
      assert.equal((await provider.listLuns(subsystem.id)).find((l) => l.id === lun.id).unmaskingList, IQN);
      const none = await provider.setLunMask(lun.id, '');
      assert.equal(none.unmaskingList, '');
      assert.equal((await provider.listLuns(subsystem.id)).find((l) => l.id === lun.id).unmaskingList, '');
    },
  },
  {
    name: 'deletes a LUN: it is gone, every drive has its space back byte for byte, a second delete finds nothing',
    async run(provider) {
      const before = await arrayState(provider);
      const { op } = await startCreate(provider, {
        subsystemId: before.subsystem.id,
        type: 'span',
        driveIds: [before.drive('Bay 1').id, before.drive('Bay 2').id],
        sizeBytes: 12 * GiB,
      });
      const created = await op.done;
      assert.ok((await arrayState(provider)).subsystem.freeBytes < before.subsystem.freeBytes);
      assert.equal(await provider.deleteLun(created.id), undefined);
      const after = await arrayState(provider);
      assert.deepEqual(
        after.luns.map((l) => l.name),
        ['Existing'],
      );
      assert.equal(after.subsystem.freeBytes, before.subsystem.freeBytes);
      assert.deepEqual(after.freeByDrive, before.freeByDrive);
      const again = await rejection(provider.deleteLun(created.id));
      assertError(again, 'VDS_E_OBJECT_NOT_FOUND', HR.NOT_FOUND);
      assert.equal(again.field, 'lunId');
    },
  },
  ...asyncKinds.map(([kind, start]) => ({
    name: `errant provider: ${kind} answers S_OK with a NULL async -> E_UNEXPECTED, the LUN unchanged`,
    state: topology({ faults: [{ kind: 'errantNullAsync' }] }),
    async run(provider) {
      const before = await arrayState(provider);
      const error = await rejection(start(provider, before.lun));
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, /no operation to track/);
      await assertUnchanged(provider, before);
    },
  })),
  ...asyncKinds.map(([kind, start, typeName, type]) => ({
    name: `errant provider: ${kind}'s Wait output of type 52 -> E_UNEXPECTED naming it and ${typeName} (${type})`,
    state: topology({ faults: [{ kind: 'wrongOutputType' }] }),
    async run(provider) {
      const before = await arrayState(provider);
      const { op } = await start(provider, before.lun);
      const error = await rejection(op.done);
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, new RegExp(`output type 52 instead of ${typeName} \\(${type}\\)`));
      await assertUnchanged(provider, before); // the errant provider kept nothing
    },
  })),
  {
    name: 'a failure mid-way through an extension reports the provider HRESULT; the size is unchanged',
    state: topology({
      rate: 4 * GiB,
      faults: [{ kind: 'failAt', percent: 40, hresult: HR.PROVIDER_FAILURE }],
    }),
    async run(provider) {
      const before = await arrayState(provider);
      const { op } = await startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB });
      assertError(await rejection(op.done), 'VDS_E_PROVIDER_FAILURE', HR.PROVIDER_FAILURE);
      await assertUnchanged(provider, before);
    },
  },
  {
    name: 'Wait failing after a successful extension -> the Wait HRESULT, with a hint to refresh the size',
    state: topology({ faults: [{ kind: 'waitFails', hresult: HR.BAD_PROVIDER_DATA }] }),
    async run(provider) {
      const before = await arrayState(provider);
      const { op } = await startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB });
      const error = await rejection(op.done);
      assertError(error, 'VDS_E_BAD_PROVIDER_DATA', HR.BAD_PROVIDER_DATA);
      assert.match(
        error.message,
        /Waiting for the LUN extension failed .*the LUN may have grown: refresh the LUN list/,
      );
    },
  },
  {
    name: 'cancels a running extension: VDS_E_OPERATION_CANCELED, the size and free space as before',
    state: topology({ faults: [{ kind: 'hang' }] }),
    async run(provider) {
      const before = await arrayState(provider);
      const { op, progress } = await startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB });
      const done = rejection(op.done); // handled before the cancel settles it
      await waitFor(() => progress.length > 0, 'the first progress report');
      assert.equal(await op.cancel(), HR.S_OK);
      assertError(await done, 'VDS_E_OPERATION_CANCELED', HR.CANCELED);
      await assertUnchanged(provider, before);
    },
  },
  {
    name: 'an extension larger than the free space -> VDS_E_NOT_ENOUGH_SPACE from the provider, nothing changed',
    async run(provider) {
      const before = await arrayState(provider);
      const error = await rejection(startExtend(provider, { lunId: before.lun.id, bytesToAdd: 100 * GiB }));
      assertError(error, 'VDS_E_NOT_ENOUGH_SPACE', HR.NOT_ENOUGH_SPACE);
      await assertUnchanged(provider, before);
    },
  },
  {
    name: 'a second extension of a LUN that is being extended -> VDS_E_DEVICE_IN_USE; the first still cancels cleanly',
    state: topology({ faults: [{ kind: 'hang' }] }),
    async run(provider) {
      const before = await arrayState(provider);
      const first = await startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB });
      const done = rejection(first.op.done);
      const error = await rejection(startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB }));
      assertError(error, 'VDS_E_DEVICE_IN_USE', 0x80042413);
      assert.equal(await first.op.cancel(), HR.S_OK);
      assertError(await done, 'VDS_E_OPERATION_CANCELED', HR.CANCELED);
      await assertUnchanged(provider, before);
    },
  },
  {
    name: 'a drive id that is not a VDS GUID -> E_INVALIDARG naming driveIds[0], for the extension and its maximum',
    async run(provider) {
      const before = await arrayState(provider);
      const maxError = await rejection(provider.maxLunExtendSize(before.lun.id, ['Bay 2']));
      assertError(maxError, 'E_INVALIDARG', 0x80070057);
      assert.equal(maxError.field, 'driveIds[0]');
      const error = await rejection(
        startExtend(provider, { lunId: before.lun.id, bytesToAdd: GiB, driveIds: ['Bay 2'] }),
      );
      assertError(error, 'E_INVALIDARG', 0x80070057);
      assert.equal(error.field, 'driveIds[0]');
      await assertUnchanged(provider, before);
    },
  },
  {
    name: 'a LUN id no subsystem has -> VDS_E_OBJECT_NOT_FOUND naming lunId, for every call',
    async run(provider) {
      const before = await arrayState(provider);
      const missing = '{0D1F2E3C-4B5A-6978-8796-A5B4C3D2E1F0}';
      const calls = [
        () => provider.maxLunExtendSize(missing, []),
        () => startExtend(provider, { lunId: missing, bytesToAdd: GiB }),
        () => startShrink(provider, { lunId: missing, bytesToRemove: GiB }),
        () => provider.setLunMask(missing, ''),
        () => provider.deleteLun(missing),
      ];
      for (const call of calls) {
        const error = await rejection(call());
        assertError(error, 'VDS_E_OBJECT_NOT_FOUND', HR.NOT_FOUND);
        assert.equal(error.field, 'lunId');
      }
      await assertUnchanged(provider, before);
    },
  },
];

module.exports = { cases };
