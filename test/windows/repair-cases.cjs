// Drives and repairs through the `vds` provider and the test VDS service, in both Windows legs: identify
// (IVdsMaintenance Start/StopMaintenance BlinkLight), hot spare (IVdsDrive SetFlags/ClearFlags
// VDS_DRF_HOTSPARE), IVdsSubSystem::ReplaceDrive then IVdsLun::Recover (async, output RECOVERLUN 56, the
// seed's checks), where every LUN lives (IVdsDrive::QueryExtents) and the LUN's identification data
// (IVdsLun::GetIdentificationData). Run by run-windows-suite.cjs: { name, state?, knobs?, run(provider,
// service) }; `service` is the test VDS service (it breaks a drive the way a disk fails in the enclosure, and
// shows the array as the simulator has it). The array is shared-cases' "Test Array" (four 10 GiB drives on
// bus 0, slots 0-3; the 2 GiB simple LUN "Existing" on Bay 0).
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

const DEVICE_IN_USE = 0x80042413;
const OPERATION_DENIED = 0x8004240a;

async function drives(provider) {
  const { subsystem, drive } = await inventory(provider);
  const fresh = await provider.listDrives(subsystem.id); // inventory's drive() is the first read
  return { subsystem, drive: (name) => fresh.find((d) => d.name === name) ?? drive(name), all: fresh };
}

function simDrive(state, name) {
  return state.subsystems[0].drives.find((d) => d.name === name);
}

/** A 1 GiB mirror on Bay 1 + Bay 2, then Bay 2 fails in the enclosure: the mirror is degraded. */
async function degradedMirror(provider, service) {
  const { subsystem, drive } = await drives(provider);
  const { op } = await startCreate(provider, {
    subsystemId: subsystem.id,
    type: 'mirror',
    driveIds: [drive('Bay 1').id, drive('Bay 2').id],
    sizeBytes: GiB,
  });
  const mirror = await op.done;
  assert.equal(mirror.health, 'healthy');
  await service.setDriveFailed(drive('Bay 2').id, true);
  const luns = await provider.listLuns(subsystem.id);
  const degraded = luns.find((l) => l.id === mirror.id);
  assert.equal(degraded.health, 'degraded', 'a mirror that lost one side is degraded');
  assert.equal(degraded.status, 'online', 'and still online');
  const bay2 = (await drives(provider)).drive('Bay 2');
  assert.equal(bay2.status, 'failed');
  return { subsystem, drive, mirror };
}

/** The Test Array with a 1 GiB mirror "Mirror" on Bay 1 + Bay 2 from the start (no creation to run). */
function mirrorTopology(options) {
  const state = topology(options);
  state.subsystems[0].luns.push({
    id: 'mirror',
    name: 'Mirror',
    type: 'mirror',
    sizeBytes: GiB,
    stripeSizeBytes: 0,
    unmaskingList: '*',
    extents: ['d1', 'd2'].map((driveId) => ({ driveId, offsetBytes: 0, lengthBytes: GiB })),
  });
  return state;
}

/** Mirror's Bay 2 fails and is replaced by Bay 3: the mirror is degraded, waiting for its recovery. */
async function replacedMirror(provider, service) {
  const { subsystem, drive } = await drives(provider);
  const mirror = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Mirror');
  await service.setDriveFailed(drive('Bay 2').id, true);
  assert.deepEqual(await provider.replaceDrive(drive('Bay 2').id, drive('Bay 3').id), [mirror.id]);
  const health = async () => (await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id).health;
  assert.equal(await health(), 'degraded');
  return { subsystem, drive, mirror, health };
}

async function startRecover(provider, lunId) {
  const progress = [];
  const op = await provider.recoverLun({ lunId }, (p) => progress.push(p));
  return { op, progress };
}

/** Each drive's extents: from offset 0, each where the last ended, covering the drive exactly. */
function assertCoversEveryDrive(extents, allDrives) {
  for (const drive of allDrives) {
    const own = extents.filter((e) => e.driveId === drive.id);
    let offset = 0;
    for (const extent of own) {
      assert.equal(extent.offsetBytes, offset, `${drive.name}: extents follow each other`);
      offset += extent.sizeBytes;
    }
    assert.equal(offset, drive.sizeBytes, `${drive.name}: its extents cover the drive`);
    const free = own.filter((e) => e.lunId === null).reduce((sum, e) => sum + e.sizeBytes, 0);
    assert.equal(free, drive.freeBytes, `${drive.name}: the free extents are its free space`);
  }
}

const cases = [
  {
    name: 'identify on (StartMaintenance BlinkLight): the drive is identifying and the array blinks it; off clears both',
    async run(provider, service) {
      const { drive, subsystem } = await drives(provider);
      const bay1 = drive('Bay 1');
      assert.equal(bay1.identifying, undefined);
      assert.equal(await provider.setDriveIdentify(bay1.id, true), undefined);
      await provider.setDriveIdentify(bay1.id, true); // idempotent
      const on = await provider.listDrives(subsystem.id);
      assert.deepEqual(
        on.filter((d) => d.identifying).map((d) => d.name),
        ['Bay 1'],
        'only Bay 1 is identifying',
      );
      assert.equal(simDrive(await service.simState(), 'Bay 1').identifying, true, 'the array blinks it');
      await provider.setDriveIdentify(bay1.id, false);
      const off = await provider.listDrives(subsystem.id);
      assert.deepEqual(
        off.filter((d) => d.identifying).map((d) => d.name),
        [],
      );
      assert.notEqual(simDrive(await service.simState(), 'Bay 1').identifying, true, 'the light is off');
    },
  },
  {
    name: 'identify on a provider whose drives have no IVdsMaintenance -> VDS_E_NOT_SUPPORTED, explained',
    knobs: { noMaintenance: true },
    async run(provider) {
      const { drive, subsystem } = await drives(provider);
      const error = await rejection(provider.setDriveIdentify(drive('Bay 1').id, true));
      assertError(error, 'VDS_E_NOT_SUPPORTED', HR.NOT_SUPPORTED);
      assert.match(error.message, /IVdsMaintenance/);
      assert.match(error.message, /cannot blink the drive's light/);
      assert.ok(!(await provider.listDrives(subsystem.id)).some((d) => d.identifying));
    },
  },
  {
    name: 'hot spare on for an unused drive (SetFlags VDS_DRF_HOTSPARE): hotSpare + standby, no longer unassigned; off (ClearFlags) restores it',
    async run(provider) {
      const { drive } = await drives(provider);
      const bay3 = drive('Bay 3');
      assert.deepEqual(bay3.flags, ['unassigned']);
      assert.equal(await provider.setDriveHotSpare(bay3.id, true), undefined);
      const spare = (await drives(provider)).drive('Bay 3');
      assert.deepEqual([...spare.flags].sort(), ['hotSpare', 'hotSpareStandby']);
      await provider.setDriveHotSpare(bay3.id, false);
      assert.deepEqual((await drives(provider)).drive('Bay 3').flags, ['unassigned']);
    },
  },
  {
    name: 'hot spare on for a drive that holds a LUN -> VDS_E_DEVICE_IN_USE naming the LUN; the drive unchanged',
    async run(provider) {
      const { drive } = await drives(provider);
      const bay0 = drive('Bay 0');
      const error = await rejection(provider.setDriveHotSpare(bay0.id, true));
      assertError(error, 'VDS_E_DEVICE_IN_USE', DEVICE_IN_USE);
      assert.match(error.message, /Bay 0/);
      assert.match(error.message, /'Existing'/);
      assert.equal(error.field, 'driveId');
      assert.deepEqual((await drives(provider)).drive('Bay 0').flags, bay0.flags);
    },
  },
  {
    name: 'a standby hot spare takes over a failed mirror drive by itself: in use, the mirror rebuilt onto it; turning it off is refused naming the mirror',
    state: (() => {
      const state = topology({ rate: 4 * GiB });
      state.subsystems[0].automaticHotSpare = true;
      return state;
    })(),
    async run(provider, service) {
      const { subsystem, drive } = await drives(provider);
      await provider.setDriveHotSpare(drive('Bay 3').id, true);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        type: 'mirror',
        driveIds: [drive('Bay 1').id, drive('Bay 2').id],
        sizeBytes: GiB,
      });
      const mirror = await op.done;
      await service.setDriveFailed(drive('Bay 2').id, true);
      const spare = (await drives(provider)).drive('Bay 3');
      assert.deepEqual([...spare.flags].sort(), ['hotSpare', 'hotSpareInUse']);
      const taken = (await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id);
      assert.deepEqual(taken.driveIds, [drive('Bay 1').id, drive('Bay 3').id], 'the spare in place of Bay 2');
      assert.ok(['rebuilding', 'healthy'].includes(taken.health), `health ${taken.health}`);
      const error = await rejection(provider.setDriveHotSpare(spare.id, false));
      assertError(error, 'VDS_E_DEVICE_IN_USE', DEVICE_IN_USE);
      assert.match(error.message, /Hot spare 'Bay 3' is in use: it holds extents of LUN '/);
      assert.match(error.action, /Replace the spare/);
      assert.deepEqual([...(await drives(provider)).drive('Bay 3').flags].sort(), [
        'hotSpare',
        'hotSpareInUse',
      ]);
    },
  },
  {
    name: 'replace a failed drive (IVdsSubSystem::ReplaceDrive), then recover the mirror with live progress: healthy, its extents on Bay 1 and Bay 3',
    state: topology({ rate: GiB }), // the rebuild writes 1 GiB: a second of progress
    async run(provider, service) {
      const { subsystem, drive, mirror } = await degradedMirror(provider, service);
      const lunsToRecover = await provider.replaceDrive(drive('Bay 2').id, drive('Bay 3').id);
      assert.deepEqual(lunsToRecover, [mirror.id], 'the mirror is the LUN to recover');
      const replaced = (await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id);
      assert.deepEqual(replaced.driveIds, [drive('Bay 1').id, drive('Bay 3').id], 'Bay 3 in place of Bay 2');
      assert.equal(replaced.health, 'degraded', 'degraded until recovered');

      const { op, progress } = await startRecover(provider, mirror.id);
      const lun = await op.done;
      assert.equal(lun.id, mirror.id);
      assert.equal(lun.health, 'healthy', 'the LUN re-read after the recovery is healthy');
      const percents = new Set(progress.filter((p) => p.hresult >>> 0 === HR.PENDING).map((p) => p.percent));
      assert.ok(percents.size >= 3, `progress while rebuilding: ${[...percents].join(', ')}`);
      assert.equal((await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id).health, 'healthy');

      const all = await provider.listDrives(subsystem.id);
      const extents = await provider.listExtents(subsystem.id);
      assertCoversEveryDrive(extents, all);
      const mirrorOn = extents.filter((e) => e.lunId === mirror.id);
      assert.deepEqual(
        mirrorOn.map((e) => [all.find((d) => d.id === e.driveId).name, e.sizeBytes]),
        [
          ['Bay 1', mirror.sizeBytes],
          ['Bay 3', mirror.sizeBytes],
        ],
        'the mirror lives on Bay 1 and Bay 3 only',
      );
      const bay2 = all.find((d) => d.name === 'Bay 2');
      assert.equal(bay2.status, 'failed', 'the old drive stays failed');
      assert.equal(bay2.freeBytes, bay2.sizeBytes, 'and holds nothing any more');
    },
  },
  {
    name: 'recovering a LUN that still has an extent on the failed drive -> VDS_E_OPERATION_DENIED ("replace … first")',
    async run(provider, service) {
      const { subsystem, mirror } = await degradedMirror(provider, service);
      const error = await rejection(startRecover(provider, mirror.id));
      assertError(error, 'VDS_E_OPERATION_DENIED', OPERATION_DENIED);
      assert.match(error.message, /still has extents on failed drive 'Bay 2'/);
      assert.match(error.action, /Replace drive 'Bay 2' first/);
      assert.equal(
        (await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id).health,
        'degraded',
      );
    },
  },
  {
    name: 'recovering a healthy LUN -> VDS_E_OPERATION_DENIED, "nothing to recover"',
    async run(provider) {
      const { subsystem } = await drives(provider);
      const existing = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Existing');
      const error = await rejection(startRecover(provider, existing.id));
      assertError(error, 'VDS_E_OPERATION_DENIED', OPERATION_DENIED);
      assert.match(error.message, /LUN 'Existing'.*healthy, there is nothing to recover/);
    },
  },
  {
    name: 'errant provider: Recover answers S_OK with a NULL async -> E_UNEXPECTED, the LUN still degraded',
    knobs: { recoverNullAsync: true },
    async run(provider, service) {
      const { subsystem, drive, mirror } = await degradedMirror(provider, service);
      await provider.replaceDrive(drive('Bay 2').id, drive('Bay 3').id);
      const error = await rejection(startRecover(provider, mirror.id));
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, /recovery request but returned no operation to track/);
      assert.equal(
        (await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id).health,
        'degraded',
      );
    },
  },
  {
    name: "errant provider: Recover's Wait output of type 52 -> E_UNEXPECTED naming it and VDS_ASYNCOUT_RECOVERLUN (56)",
    knobs: { recoverOutputType: 52 },
    async run(provider, service) {
      const { drive, mirror } = await degradedMirror(provider, service);
      await provider.replaceDrive(drive('Bay 2').id, drive('Bay 3').id);
      const { op } = await startRecover(provider, mirror.id);
      const error = await rejection(op.done);
      assertError(error, 'E_UNEXPECTED', HR.E_UNEXPECTED);
      assert.match(error.message, /recovery with output type 52 instead of VDS_ASYNCOUT_RECOVERLUN \(56\)/);
    },
  },
  {
    name: 'cancels a running recovery: VDS_E_OPERATION_CANCELED, the mirror still degraded',
    state: mirrorTopology({ faults: [{ kind: 'hang' }] }),
    async run(provider, service) {
      const { mirror, health } = await replacedMirror(provider, service);
      const { op, progress } = await startRecover(provider, mirror.id);
      const done = rejection(op.done); // handled before the cancel settles it
      const start = Date.now();
      while (progress.length === 0) {
        assert.ok(Date.now() - start < 10_000, 'a progress report while recovering');
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.equal(await op.cancel(), HR.S_OK);
      assertError(await done, 'VDS_E_OPERATION_CANCELED', HR.CANCELED);
      assert.equal(await health(), 'degraded');
    },
  },
  ...[
    ['errantNullAsync', 'E_UNEXPECTED', /recovery request but returned no operation to track/, false],
    [
      'wrongOutputType',
      'E_UNEXPECTED',
      /recovery with output type 52 instead of VDS_ASYNCOUT_RECOVERLUN \(56\)/,
      true,
    ],
  ].map(([fault, code, message, started]) => ({
    name: `errant array (${fault} fault on the subsystem) during a recovery -> ${code}, nothing kept: the mirror still degraded`,
    state: mirrorTopology({ faults: [{ kind: fault }] }),
    async run(provider, service) {
      const { mirror, health } = await replacedMirror(provider, service);
      const error = started
        ? await rejection((await startRecover(provider, mirror.id)).op.done)
        : await rejection(startRecover(provider, mirror.id));
      assertError(error, code, HR.E_UNEXPECTED);
      assert.match(error.message, message);
      assert.equal(await health(), 'degraded');
    },
  })),
  {
    name: 'a replacement drive the subsystem does not have -> VDS_E_OBJECT_NOT_FOUND naming replacementDriveId, nothing replaced',
    async run(provider, service) {
      const { subsystem, drive, mirror } = await degradedMirror(provider, service);
      const missing = '{0D1F2E3C-4B5A-6978-8796-A5B4C3D2E1F0}';
      const error = await rejection(provider.replaceDrive(drive('Bay 2').id, missing));
      assertError(error, 'VDS_E_OBJECT_NOT_FOUND', HR.NOT_FOUND);
      assert.equal(error.field, 'replacementDriveId');
      assert.match(error.message, /No drive of subsystem 'Test Array' has the id/);
      const lun = (await provider.listLuns(subsystem.id)).find((l) => l.id === mirror.id);
      assert.deepEqual(lun.driveIds, [drive('Bay 1').id, drive('Bay 2').id]);
    },
  },
  {
    name: "every drive's extents (QueryExtents): in bus/slot order, offsets as running sums, free space as extents without a LUN",
    async run(provider) {
      const { subsystem, drive } = await drives(provider);
      const { op } = await startCreate(provider, {
        subsystemId: subsystem.id,
        type: 'span',
        driveIds: [drive('Bay 0').id, drive('Bay 1').id],
        sizeBytes: 10 * GiB, // 8 GiB left on Bay 0, then 2 GiB of Bay 1
      });
      const span = await op.done;
      const existing = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Existing');
      const all = await provider.listDrives(subsystem.id);
      const extents = await provider.listExtents(subsystem.id);
      const order = [...new Set(extents.map((e) => e.driveId))].map(
        (id) => all.find((d) => d.id === id).name,
      );
      assert.deepEqual(order, ['Bay 0', 'Bay 1', 'Bay 2', 'Bay 3'], 'drives in bus, then slot order');
      assertCoversEveryDrive(extents, all);
      const bay0 = extents.filter((e) => e.driveId === drive('Bay 0').id);
      assert.deepEqual(
        bay0.map((e) => [e.lunId, e.offsetBytes]),
        [
          [existing.id, 0],
          [span.id, 2 * GiB],
        ],
        'Bay 0: Existing, then the span',
      );
      const spanBytes = extents.filter((e) => e.lunId === span.id).reduce((sum, e) => sum + e.sizeBytes, 0);
      assert.equal(spanBytes, span.sizeBytes, "the span's extents add up to its size");
      assert.deepEqual(
        extents.filter((e) => e.driveId === drive('Bay 3').id),
        [{ driveId: drive('Bay 3').id, lunId: null, offsetBytes: 0, sizeBytes: 10 * GiB }],
        'Bay 3: one free extent',
      );
    },
  },
  {
    name: "the LUN's identification data (GetIdentificationData): vendor, product, serial, an NAA and a SCSI name identifier; the same on every read",
    async run(provider) {
      const { subsystem } = await drives(provider);
      const existing = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Existing');
      const data = await provider.lunIdentification(existing.id);
      assert.equal(data.vendorId, 'LUNSTUD');
      assert.equal(data.productId, 'SIM ARRAY');
      assert.equal(data.productRevision, '1.0');
      assert.ok(data.serialNumber && data.serialNumber.length > 0, 'a serial number');
      const naa = data.identifiers.filter((i) => i.type === 'naa');
      assert.equal(naa.length, 1, 'one NAA identifier');
      assert.equal(naa[0].codeSet, 'binary');
      assert.equal(naa[0].association, 'device');
      assert.match(naa[0].value, /^6[0-9a-f]{31}$/, 'IEEE Registered Extended, 16 bytes');
      const scsiName = data.identifiers.filter((i) => i.type === 'scsiName');
      assert.equal(scsiName.length, 1, 'one SCSI name string');
      assert.equal(scsiName[0].codeSet, 'utf8');
      assert.match(scsiName[0].value, /^naa\.6/);
      assert.deepEqual(await provider.lunIdentification(existing.id), data, 'stable');
    },
  },
  {
    name: 'a provider that gives no identification data -> VDS_E_NOT_SUPPORTED passes through',
    knobs: { noIdentification: true },
    async run(provider) {
      const { subsystem } = await drives(provider);
      const existing = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Existing');
      const error = await rejection(provider.lunIdentification(existing.id));
      assertError(error, 'VDS_E_NOT_SUPPORTED', HR.NOT_SUPPORTED);
    },
  },
  {
    name: 'breaking a drive on purpose is refused on vds: VDS_E_NOT_SUPPORTED, only the simulated array can be broken',
    async run(provider) {
      const { drive } = await drives(provider);
      const error = await rejection(provider.setDriveFailed(drive('Bay 1').id, true));
      assertError(error, 'VDS_E_NOT_SUPPORTED', HR.NOT_SUPPORTED);
      assert.match(error.message, /Only the simulated array can be broken on purpose/);
      assert.equal((await drives(provider)).drive('Bay 1').status, 'online');
    },
  },
];

module.exports = { cases, mirrorTopology, replacedMirror };
