// Drive maintenance through the facade over the real addon: hot spares (refusals, flags, their space kept for
// rebuilds, automatic takeover), the identify flag, the capacity map (listExtents), LUN details with
// identification data, and state files from before drive repairs.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimState } from '../../native/lib/raw-addon';
import type { TestSim } from './helpers/real-provider';
import {
  ARRAY,
  drivesByName,
  lunHealth,
  openRepairSim,
  rejection,
  repairDrives,
  usedOn,
} from './helpers/repair-sim';
import { GiB } from './helpers/topologies';

let sim: TestSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('the capacity map', () => {
  it("covers every drive whole, in bus/slot order: its LUNs' extents and the free gaps between them", async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const mirror = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['D1', 'D2'],
    });
    const simple = await provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D1'],
    });
    await provider.shrinkLun({ subsystemId: ARRAY, lunId: mirror.id, bytesToRemove: GiB }); // a gap on D1
    const drives = await provider.listDrives(ARRAY);
    const extents = await provider.listExtents(ARRAY);

    expect([...new Set(extents.map((e) => e.driveId))]).toEqual(drives.map((d) => d.id));
    for (const drive of drives) {
      const own = extents.filter((e) => e.driveId === drive.id);
      expect(own.reduce((n, e) => n + e.sizeBytes, 0)).toBe(drive.sizeBytes);
      let offset = 0;
      for (const e of own) {
        expect(e.offsetBytes).toBe(offset);
        offset += e.sizeBytes;
      }
      expect(drive.sizeBytes - usedOn(extents, drive.id)).toBe(drive.freeBytes);
    }
    const d1 = drives.find((d) => d.name === 'D1')!;
    expect(extents.filter((e) => e.driveId === d1.id).map((e) => [e.lunId, e.sizeBytes])).toEqual([
      [mirror.id, GiB],
      [null, GiB],
      [simple.id, GiB],
      [null, 5 * GiB],
    ]);
  });
});

describe('hot spares', () => {
  it('a drive in use is refused naming its LUNs; an unused one becomes a standby spare and back', async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D1'],
    });
    const inUse = await rejection(
      provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D1', hotSpare: true }),
    );
    expect(inUse).toMatchObject({ code: 'VDS_E_DEVICE_IN_USE', hresult: 0x80042413, field: 'driveId' });
    expect(inUse.message).toContain(`'${lun.name}'`);
    expect((await drivesByName(provider)).D1!.flags).toEqual(['assigned']);

    const spare = await provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D3', hotSpare: true });
    expect(spare.flags).toEqual(['hotSpare', 'hotSpareStandby']);
    expect(await provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D3', hotSpare: true })).toEqual(spare);
    expect((await sim.readState()).subsystems[0]!.drives.find((d) => d.name === 'D3')!.hotSpare).toBe(true);

    const back = await provider.setHotSpare({ subsystemId: ARRAY, driveId: spare.id, hotSpare: false });
    expect(back.flags).toEqual(['unassigned']);
  });
});

describe('hot spare rules', () => {
  it("a failed drive cannot become a spare; a spare's space is not offered for new LUNs, and naming it is refused", async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D5' }, true);
    expect(
      await rejection(provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D5', hotSpare: true })),
    ).toMatchObject({ code: 'VDS_E_OBJECT_STATUS_FAILED', field: 'driveId' });

    expect(await provider.maxLunSize({ subsystemId: ARRAY, type: 'simple' })).toBe(16 * GiB); // D6
    await provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D6', hotSpare: true });
    expect(await provider.maxLunSize({ subsystemId: ARRAY, type: 'simple' })).toBe(8 * GiB);
    const named = await rejection(
      provider.createLun({ subsystemId: ARRAY, type: 'simple', sizeBytes: GiB, driveIds: ['D6'] }),
    );
    expect(named).toMatchObject({ code: 'VDS_E_INVALID_OPERATION', field: 'driveIds[0]' });
    expect(named.message).toMatch(/hot spare/);
    expect((await drivesByName(provider)).D6!.freeBytes).toBe(16 * GiB);
  });
});

describe('the identify light', () => {
  it('on shows identifying, is idempotent, works on a failed drive and survives a restart; off clears it', async () => {
    sim = await openRepairSim();
    const { provider } = sim;
    const on = await provider.identifyDrive({ subsystemId: ARRAY, driveId: 'd3', on: true });
    expect(on).toMatchObject({ name: 'D3', identifying: true });
    expect(await provider.identifyDrive({ subsystemId: ARRAY, driveId: on.id, on: true })).toEqual(on);
    expect((await drivesByName(provider)).D4!.identifying).toBeUndefined();

    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D5' }, true);
    expect(await provider.identifyDrive({ subsystemId: ARRAY, driveId: 'D5', on: true })).toMatchObject({
      status: 'failed',
      identifying: true,
    });

    const reopened = await sim.reopen();
    const afterRestart = await drivesByName(reopened);
    expect([afterRestart.D3!.identifying, afterRestart.D5!.identifying]).toEqual([true, true]);
    const off = await reopened.identifyDrive({ subsystemId: ARRAY, driveId: 'D3', on: false });
    expect('identifying' in off).toBe(false);
    expect(await reopened.identifyDrive({ subsystemId: ARRAY, driveId: 'D3', on: false })).toEqual(off);

    const unknown = await rejection(reopened.identifyDrive({ subsystemId: ARRAY, driveId: 'D9', on: true }));
    expect(unknown).toMatchObject({ code: 'VDS_E_OBJECT_NOT_FOUND', field: 'driveId' });
    const bad = await rejection(
      reopened.identifyDrive({ subsystemId: ARRAY, driveId: 'D3', on: 'yes' } as never),
    );
    expect(bad).toMatchObject({ code: 'E_INVALIDARG', field: 'on' });
  });
});

describe('automatic hot-spare takeover', () => {
  const withSpare = () => repairDrives().map((d) => (d.name === 'D4' ? { ...d, hotSpare: true } : d));

  it('a standby spare takes over the failed drive at once: rebuilding at the init rate, then healthy', async () => {
    sim = await openRepairSim({ automaticHotSpare: true, initRateBytesPerSec: GiB, drives: withSpare() });
    const { provider } = sim;
    const lun = await provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    let drives = await drivesByName(provider);
    expect(drives.D4!.flags).toEqual(['hotSpare', 'hotSpareStandby']);

    const failedAt = Date.now();
    await provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    drives = await drivesByName(provider);
    expect(drives.D4!.flags).toEqual(['hotSpare', 'hotSpareInUse']);
    expect(drives.D4!.freeBytes).toBe(7 * GiB);
    expect(drives.D2).toMatchObject({ status: 'failed', freeBytes: 8 * GiB, flags: ['unassigned'] });
    const rebuilding = await provider.lunDetails({ subsystemId: ARRAY, lunId: lun.id });
    expect(rebuilding).toMatchObject({
      status: 'online',
      health: 'rebuilding',
      driveIds: [drives.D1!.id, drives.D4!.id],
      failedDriveIds: [],
    });
    expect(rebuilding.extents).toEqual([
      { driveId: drives.D1!.id, offsetBytes: 0, sizeBytes: GiB },
      { driveId: drives.D4!.id, offsetBytes: 0, sizeBytes: GiB },
    ]);
    const busy = await rejection(provider.recoverLun({ subsystemId: ARRAY, lunId: lun.id }));
    expect(busy).toMatchObject({ code: 'VDS_E_OPERATION_DENIED' });
    expect(busy.message).toMatch(/already rebuilding .* onto hot spare 'D4'/);
    const spareOff = await rejection(
      provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D4', hotSpare: false }),
    );
    expect(spareOff).toMatchObject({ code: 'VDS_E_DEVICE_IN_USE', field: 'driveId' });

    // 1 GiB at 1 GiB/s: healthy about a second after the failure, not before.
    while ((await lunHealth(provider, lun.id))[1] === 'rebuilding')
      await new Promise((r) => setTimeout(r, 50));
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(900);
    expect(await lunHealth(provider, lun.id)).toEqual(['online', 'healthy']);
    expect((await drivesByName(provider)).D4!.flags).toEqual(['hotSpare', 'hotSpareInUse']);
    const reopened = await sim.reopen();
    expect(await lunHealth(reopened, lun.id)).toEqual(['online', 'healthy']);
  });

  it('no takeover without automaticHotSpare, for a LUN without redundancy, or when the spare is too small', async () => {
    sim = await openRepairSim({ drives: withSpare() });
    const mirror = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    await sim.provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true);
    expect(await lunHealth(sim.provider, mirror.id)).toEqual(['online', 'degraded']);
    expect((await drivesByName(sim.provider)).D4!.flags).toEqual(['hotSpare', 'hotSpareStandby']);
    await sim.close();

    sim = await openRepairSim({
      automaticHotSpare: true,
      drives: repairDrives().map((d) => (d.name === 'D4' ? { ...d, sizeBytes: GiB, hotSpare: true } : d)),
    });
    const simple = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'simple',
      sizeBytes: GiB,
      driveIds: ['D1'],
    });
    const big = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: 2 * GiB,
      driveIds: ['D2', 'D3'],
    });
    await sim.provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D1' }, true);
    await sim.provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D3' }, true);
    expect(await lunHealth(sim.provider, simple.id)).toEqual(['failed', 'failed']);
    expect(await lunHealth(sim.provider, big.id)).toEqual(['online', 'degraded']);
    expect((await drivesByName(sim.provider)).D4!.flags).toEqual(['hotSpare', 'hotSpareStandby']);
  });
});

describe('LUN details', () => {
  it("gives the array's identification data: LUNSTUD / SIM ARRAY, an NAA designator and its SCSI name, stable per LUN", async () => {
    sim = await openRepairSim();
    const lun = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'stripe',
      sizeBytes: 2 * GiB,
      driveIds: ['D2', 'D1'],
    });
    const details = await sim.provider.lunDetails({ subsystemId: ARRAY, lunId: lun.name });
    const drives = await drivesByName(sim.provider);
    expect(details.extents).toEqual([
      { driveId: drives.D2!.id, offsetBytes: 0, sizeBytes: GiB },
      { driveId: drives.D1!.id, offsetBytes: 0, sizeBytes: GiB },
    ]);
    const data = details.identificationData!;
    expect(data).toMatchObject({ vendorId: 'LUNSTUD', productId: 'SIM ARRAY', productRevision: '1.0' });
    expect(data.serialNumber).toBe(lun.id.replace(/[^0-9a-f]/gi, '').toUpperCase());
    const [naa, name] = data.identifiers;
    expect(naa).toMatchObject({ type: 'naa', codeSet: 'binary', association: 'device' });
    expect(naa!.value).toMatch(/^6[0-9a-f]{31}$/);
    expect(name).toEqual({
      type: 'scsiName',
      codeSet: 'utf8',
      association: 'device',
      value: `naa.${naa!.value}`,
    });
    expect(details.identification).toBe(`naa.${naa!.value}`);
    const again = await (await sim.reopen()).lunDetails({ subsystemId: ARRAY, lunId: lun.id });
    expect(again.identificationData).toEqual(data);
  });
});

describe('state files from before drive repairs', () => {
  it('load: a LUN on a drive that was already failed is degraded, can be replaced and recovered', async () => {
    sim = await openRepairSim();
    const lun = await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    await sim.provider.close();
    // The file as the previous version wrote it: no identifying, staleDriveIds, rebuild or automaticHotSpare;
    // D2 failed by an old driveFailsAt fault.
    const state = JSON.parse(await readFile(sim.statePath, 'utf8')) as SimState;
    const sub = state.subsystems[0]!;
    const d2 = sub.drives.find((d) => d.name === 'D2')!;
    Object.assign(d2, { status: 'failed', health: 'failed' });
    for (const drive of sub.drives) delete drive.identifying;
    delete sub.automaticHotSpare;
    for (const l of sub.luns) delete l.staleDriveIds;
    await writeFile(sim.statePath, JSON.stringify(state, null, 2));

    const provider = await sim.reopen();
    const details = await provider.lunDetails({ subsystemId: ARRAY, lunId: lun.id });
    expect(details).toMatchObject({ health: 'degraded', failedDriveIds: [d2.id] });
    await provider.replaceDrive({ subsystemId: ARRAY, driveId: 'D2', replacementDriveId: 'D3' });
    expect((await provider.recoverLun({ subsystemId: ARRAY, lunId: lun.id })).health).toBe('healthy');
    const extents = await provider.listExtents(ARRAY);
    expect(usedOn(extents, d2.id)).toBe(0);
  });
});

describe('a drive change whose state cannot be saved', () => {
  it.each([
    [
      'identify',
      (sim: TestSim) => sim.provider.identifyDrive({ subsystemId: ARRAY, driveId: 'D2', on: true }),
    ],
    [
      'hot spare',
      (sim: TestSim) => sim.provider.setHotSpare({ subsystemId: ARRAY, driveId: 'D3', hotSpare: true }),
    ],
    [
      'fail-drive',
      (sim: TestSim) => sim.provider.simSetDriveFailed({ subsystemId: ARRAY, driveId: 'D2' }, true),
    ],
  ])('%s is undone in the array and reported E_STATE_UNWRITABLE', async (_name, change) => {
    sim = await openRepairSim();
    await sim.provider.createLun({
      subsystemId: ARRAY,
      type: 'mirror',
      sizeBytes: GiB,
      driveIds: ['D1', 'D2'],
    });
    const drives = await sim.provider.listDrives(ARRAY);
    const luns = await sim.provider.listLuns(ARRAY);
    const dir = path.dirname(sim.statePath);
    await rename(dir, `${dir}.moved`);
    await writeFile(dir, 'not a folder');
    const error = await rejection(change(sim));
    await rm(dir);
    await rename(`${dir}.moved`, dir);
    expect(error.code).toBe('E_STATE_UNWRITABLE');
    expect(error.message).toMatch(/put back|left as it was/);
    expect(await sim.provider.listDrives(ARRAY)).toEqual(drives);
    expect(await sim.provider.listLuns(ARRAY)).toEqual(luns);
  });
});
