// Drives and repairs through the product's StorageProvider facade (dist/native/lib, compiled by tsc) over the
// `vds` provider and the test VDS service, in both Windows legs: what the host and the CLI call. Subsystems,
// drives and LUNs are named as a user names them (unique names), the facade resolves them.
// Run by run-windows-suite.cjs: { name, state?, run(facade, service) }.
'use strict';
const assert = require('node:assert/strict');
const { rejection, HR, GiB } = require('../native/shared-cases.cjs');
const { mirrorTopology } = require('./repair-cases.cjs');

const DEVICE_IN_USE = 0x80042413;

async function arrayOf(facade) {
  const subsystem = (await facade.listSubsystems()).find((s) => s.name === 'Test Array');
  assert.ok(subsystem, 'the Test Array subsystem is listed');
  const drives = await facade.listDrives(subsystem.id);
  const drive = (name) => drives.find((d) => d.name === name);
  const luns = await facade.listLuns(subsystem.id);
  return { subsystem, drive, mirror: luns.find((l) => l.name === 'Mirror') };
}

const cases = [
  {
    name: 'facade: identify Bay 3 on and off by name, the drive re-read each time',
    async run(facade) {
      const on = await facade.identifyDrive({ subsystemId: 'Test Array', driveId: 'Bay 3', on: true });
      assert.equal(on.name, 'Bay 3');
      assert.equal(on.identifying, true);
      const off = await facade.identifyDrive({ subsystemId: 'Test Array', driveId: 'Bay 3', on: false });
      assert.notEqual(off.identifying, true);
    },
  },
  {
    name: 'facade: a hot spare on Bay 3 and off again; Bay 0 (holding "Existing") refused with VDS_E_DEVICE_IN_USE naming it',
    async run(facade) {
      const spare = await facade.setHotSpare({ subsystemId: 'Test Array', driveId: 'Bay 3', hotSpare: true });
      assert.deepEqual([...spare.flags].sort(), ['hotSpare', 'hotSpareStandby']);
      const plain = await facade.setHotSpare({
        subsystemId: 'Test Array',
        driveId: 'Bay 3',
        hotSpare: false,
      });
      assert.deepEqual(plain.flags, ['unassigned']);
      const error = await rejection(
        facade.setHotSpare({ subsystemId: 'Test Array', driveId: 'Bay 0', hotSpare: true }),
      );
      assert.equal(error.hresult >>> 0, DEVICE_IN_USE, `hresult (message: ${error.message})`);
      assert.match(error.message, /Existing/);
    },
  },
  {
    name: 'facade: Bay 2 fails under the mirror; lunDetails names it; replaceDrive by Bay 3, recoverLun with progress; the details then show Bay 1 + Bay 3, healthy, with identification data',
    state: mirrorTopology({ rate: GiB }),
    async run(facade, service) {
      const { subsystem, drive, mirror } = await arrayOf(facade);
      await service.setDriveFailed(drive('Bay 2').id, true);
      // A change made by the array itself shows once what the backend read has aged out (2 s at most).
      const failedAt = Date.now();
      let hurt = await facade.lunDetails({ subsystemId: subsystem.id, lunId: 'Mirror' });
      while (hurt.failedDriveIds.length === 0 && Date.now() - failedAt < 3000) {
        await new Promise((r) => setTimeout(r, 100));
        hurt = await facade.lunDetails({ subsystemId: subsystem.id, lunId: 'Mirror' });
      }
      assert.equal(hurt.health, 'degraded');
      assert.deepEqual(hurt.failedDriveIds, [drive('Bay 2').id]);
      assert.deepEqual(
        hurt.extents.map((e) => [e.driveId, e.sizeBytes]),
        [
          [drive('Bay 1').id, GiB],
          [drive('Bay 2').id, GiB],
        ],
      );

      const replaced = await facade.replaceDrive({
        subsystemId: subsystem.id,
        driveId: 'Bay 2',
        replacementDriveId: 'Bay 3',
      });
      assert.equal(replaced.drive.name, 'Bay 3');
      assert.deepEqual(
        replaced.lunsToRecover.map((l) => l.name),
        ['Mirror'],
      );

      const percents = new Set();
      const recovered = await facade.recoverLun(
        { subsystemId: subsystem.id, lunId: mirror.id },
        { onProgress: (p) => percents.add(p.percent) },
      );
      assert.equal(recovered.health, 'healthy');
      const during = [...percents].filter((p) => p !== null && p < 100);
      assert.ok(during.length >= 3, `percents while rebuilding: ${[...percents].join(', ')}`);

      const details = await facade.lunDetails({ subsystemId: subsystem.id, lunId: mirror.id });
      assert.equal(details.health, 'healthy');
      assert.deepEqual(details.failedDriveIds, []);
      assert.deepEqual(
        details.extents.map((e) => [e.driveId, e.sizeBytes]),
        [
          [drive('Bay 1').id, GiB],
          [drive('Bay 3').id, GiB],
        ],
      );
      assert.equal(details.identificationData.vendorId, 'LUNSTUD');
      assert.ok(details.identificationData.identifiers.some((i) => i.type === 'naa'));

      const extents = await facade.listExtents(subsystem.id);
      for (const name of ['Bay 0', 'Bay 1', 'Bay 2', 'Bay 3']) {
        const own = extents.filter((e) => e.driveId === drive(name).id);
        assert.equal(
          own.reduce((sum, e) => sum + e.sizeBytes, 0),
          drive(name).sizeBytes,
          `${name}: its extents cover it`,
        );
      }
    },
  },
  {
    name: 'facade: simSetDriveFailed on vds -> VDS_E_NOT_SUPPORTED, the drive still online',
    async run(facade) {
      const error = await rejection(
        facade.simSetDriveFailed({ subsystemId: 'Test Array', driveId: 'Bay 1' }, true),
      );
      assert.equal(error.hresult >>> 0, HR.NOT_SUPPORTED, `hresult (message: ${error.message})`);
      const { drive } = await arrayOf(facade);
      assert.equal(drive('Bay 1').status, 'online');
    },
  },
];

module.exports = { cases };
