// The drive and repair commands in-process over the one fake provider (through an owner, like every command):
// recover-lun streams like extend-lun, identify / hot-spare / replace-drive are instant operations with their
// kind, replace-drive without --yes changes nothing, `lun` prints the details, `sim` fails and restores a
// drive (exit 2 on vds), `drives` shows flags and the identify light. (The real simulator:
// test/cli/maintenance.test.ts.)
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/host/cli/main';
import type { Lun } from '../../../electron/contract/model';
import { drive, FakeProvider, GiB, jsonLines, testIo } from './fake-provider';

function withMirror(provider: FakeProvider, overrides: Partial<Lun> = {}): Lun {
  const subsystemId = provider.subsystems[0]!.id;
  provider.drives = [0, 1, 2, 3].map((index) => drive(index, subsystemId));
  for (const used of provider.drives.slice(0, 2)) {
    used.freeBytes = 95 * GiB;
    used.flags = [];
  }
  const lun: Lun = {
    id: 'lun-m',
    subsystemId,
    name: 'Mirror',
    identification: 'LUN-ID-M',
    type: 'mirror',
    sizeBytes: 10 * GiB,
    status: 'online',
    health: 'healthy',
    unmaskingList: '',
    driveIds: ['drive-0', 'drive-1'],
    ...overrides,
  };
  provider.luns.push(lun);
  return lun;
}

describe('lun-studio drive maintenance and repair', () => {
  it('sim fail-drive, replace-drive --yes and recover-lun: degraded, moved, rebuilt with NDJSON progress', async () => {
    const provider = new FakeProvider();
    withMirror(provider);
    const fail = testIo(provider);
    expect(await run(['sim', 'fail-drive', 'Contoso Array A', 'Bay 01'], fail)).toBe(0);
    expect(fail.out).toContain(
      'Simulated failure of drive "Bay 01" (drive-1): it is failed; LUN "Mirror" is degraded',
    );

    const replace = testIo(provider);
    expect(
      await run(['replace-drive', 'Contoso Array A', 'Bay 01', 'drive-3', '--yes', '--json'], replace),
    ).toBe(0);
    const replaced = jsonLines(replace.out);
    expect(replaced.map((e) => e.event)).toEqual(['started', 'done']);
    expect(new Set(replaced.map((e) => e.kind))).toEqual(new Set(['replaceDrive']));
    expect(replaced[1]).toMatchObject({
      drive: { id: 'drive-3' },
      lunsToRecover: [{ id: 'lun-m', health: 'degraded', driveIds: ['drive-0', 'drive-3'] }],
    });

    const recover = testIo(provider);
    expect(await run(['recover-lun', 'Contoso Array A', 'Mirror', '--json'], recover)).toBe(0);
    const events = jsonLines(recover.out);
    expect(events.map((e) => e.event)).toEqual(['started', 'progress', 'progress', 'done']);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['recoverLun']));
    expect(events.at(-1)).toMatchObject({ lun: { id: 'lun-m', health: 'healthy' } });
    expect(provider.lunOperations[0]).toMatchObject({
      kind: 'recoverLun',
      request: { subsystemId: provider.subsystems[0]!.id, lunId: 'lun-m' },
    });
  });

  it('replace-drive without --yes says which LUNs would move, exits 2 and changes nothing', async () => {
    const provider = new FakeProvider();
    withMirror(provider);
    const io = testIo(provider);
    expect(await run(['replace-drive', 'Contoso Array A', 'Bay 01', 'Bay 03'], io)).toBe(2);
    expect(io.err).toContain(
      'error: replacing drive "Bay 01" (drive-1) with drive "Bay 03" (drive-3) moves the extents of LUN "Mirror" (lun-m) to it; they stay degraded until `lun-studio recover-lun` rebuilds them: add --yes to go ahead (E_INVALIDARG 0x80070057)',
    );
    expect(provider.calls.replaceDrive).toBe(0);
    expect(provider.luns[0]!.driveIds).toEqual(['drive-0', 'drive-1']);
    const same = testIo(provider);
    expect(await run(['replace-drive', 'Contoso Array A', 'drive-1', 'Bay 01', '--yes'], same)).toBe(2);
    expect(same.err).toContain('error: NEW: must be a different drive than OLD');
    const unknown = testIo(provider);
    expect(await run(['replace-drive', 'Contoso Array A', 'drive-1', 'Bay 09', '--yes'], unknown)).toBe(2);
    expect(unknown.err).toContain(
      'error: NEW: subsystem "Contoso Array A" has no drive with the id or name "Bay 09"',
    );
  });

  it('recover-lun on a healthy LUN fails with the provider refusal (exit 1)', async () => {
    const provider = new FakeProvider();
    withMirror(provider);
    const io = testIo(provider);
    expect(await run(['recover-lun', 'Contoso Array A', 'lun-m'], io)).toBe(1);
    expect(io.err).toMatch(
      /^error: LUN "Mirror" is healthy: nothing to recover. \(VDS_E_OPERATION_DENIED 0x8004240A\)$/m,
    );
  });

  it('identify on/off shows and clears the flag in drives (text and --json)', async () => {
    const provider = new FakeProvider();
    withMirror(provider);
    const on = testIo(provider);
    expect(await run(['identify', 'Contoso Array A', 'Bay 02', 'on', '--json'], on)).toBe(0);
    expect(jsonLines(on.out).at(-1)).toMatchObject({
      event: 'done',
      kind: 'identifyDrive',
      drive: { id: 'drive-2', identifying: true },
    });
    const listed = testIo(provider);
    expect(await run(['drives', 'Contoso Array A', '--json'], listed)).toBe(0);
    expect(
      (JSON.parse(listed.out) as { id: string; identifying?: boolean }[]).find((d) => d.id === 'drive-2'),
    ).toMatchObject({ identifying: true });
    const table = testIo(provider);
    expect(await run(['drives', 'Contoso Array A'], table)).toBe(0);
    expect(table.out).toMatch(/Bay 02 .*Unassigned, Identifying\s+drive-2/);

    const off = testIo(provider);
    expect(await run(['identify', 'Contoso Array A', 'drive-2', 'OFF'], off)).toBe(0);
    expect(off.out).toContain('Identify light of drive "Bay 02" is off');
    const after = testIo(provider);
    expect(await run(['drives', 'Contoso Array A', '--json'], after)).toBe(0);
    expect(
      (JSON.parse(after.out) as { id: string; identifying?: boolean }[])[2]!.identifying,
    ).toBeUndefined();
  });

  it('hot-spare on a drive in use is refused naming its LUNs (exit 1); an unused one gets the flags', async () => {
    const provider = new FakeProvider();
    withMirror(provider);
    const refused = testIo(provider);
    expect(await run(['hot-spare', 'Contoso Array A', 'Bay 00', 'on'], refused)).toBe(1);
    expect(refused.err).toContain('Drive "Bay 00" (drive-0) is in use: it holds LUN "Mirror" (lun-m)');
    expect(refused.err).toContain('(VDS_E_DEVICE_IN_USE 0x80042413)');
    expect(refused.err).toContain('hint: Pick a drive flagged Unassigned');
    expect(provider.drives[0]!.flags).toEqual([]);

    const spare = testIo(provider);
    expect(await run(['hot-spare', 'Contoso Array A', 'Bay 03', 'on'], spare)).toBe(0);
    expect(spare.out).toContain('Drive "Bay 03" is now a hot spare (flags: Hot spare, Hot spare standby)');
    const listed = testIo(provider);
    expect(await run(['drives', 'Contoso Array A', '--json'], listed)).toBe(0);
    expect((JSON.parse(listed.out) as { flags: string[] }[])[3]!.flags).toEqual([
      'hotSpare',
      'hotSpareStandby',
    ]);
  });

  it('lun prints the details: fields, extents per drive, failed drives, identification data', async () => {
    const provider = new FakeProvider();
    withMirror(provider, { health: 'degraded' });
    provider.drives[1]!.status = 'failed';
    const json = testIo(provider);
    expect(await run(['lun', 'Contoso Array A', 'Mirror', '--json'], json)).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({
      id: 'lun-m',
      health: 'degraded',
      extents: [
        { driveId: 'drive-0', offsetBytes: 0, sizeBytes: 5 * GiB },
        { driveId: 'drive-1', offsetBytes: 0, sizeBytes: 5 * GiB },
      ],
      failedDriveIds: ['drive-1'],
      identificationData: { vendorId: 'LUNSTUD', identifiers: [{ type: 'naa' }] },
    });
    const text = testIo(provider);
    expect(await run(['lun', 'Contoso Array A', 'lun-m'], text)).toBe(0);
    expect(text.out).toContain('LUN "Mirror" (lun-m) on Contoso Array A');
    expect(text.out).toMatch(/Health\s+Degraded/);
    expect(text.out).toMatch(/Hurt by\s+Bay 01 \(drive-1\)/);
    expect(text.out).toMatch(/Bay 01\s+Failed\s+0\s+5 GiB\s+5368709120\s+drive-1/);
    expect(text.out).toContain('Vendor LUNSTUD, product SIM ARRAY, revision 1.0, serial lun-m');
    expect(text.out).toMatch(/naa\s+binary\s+device\s+60{31}/);
    const missing = testIo(provider);
    expect(await run(['lun', 'Contoso Array A', 'nope'], missing)).toBe(2);
    expect(missing.err).toContain(
      'error: LUN: subsystem "Contoso Array A" has no LUN with the id or name "nope"',
    );
  });

  it('sim is refused with exit 2 on vds, before anything is opened, and needs an action', async () => {
    const provider = new FakeProvider();
    withMirror(provider);
    const vds = testIo(provider);
    expect(await run(['--provider', 'vds', 'sim', 'fail-drive', 'Contoso Array A', 'Bay 01'], vds)).toBe(2);
    expect(vds.err).toContain('sim fail-drive works only on the simulated array (--provider sim)');
    expect(vds.err).toContain('(VDS_E_NOT_SUPPORTED 0x80042400)');
    expect(vds.opened).toBe(0);
    // An owner that runs the vds provider: the command learns it from the owner and refuses as well.
    (provider as { name: string }).name = 'vds';
    const owned = testIo(provider);
    expect(await run(['sim', 'restore-drive', 'Contoso Array A', 'Bay 01'], owned)).toBe(2);
    expect(owned.err).toContain('sim restore-drive works only on the simulated array');
    expect(provider.calls.simSetDriveFailed).toBe(0);

    const bad = testIo(provider);
    expect(await run(['sim', 'break-drive', 'Contoso Array A', 'Bay 01'], bad)).toBe(2);
    expect(bad.err).toContain(
      'error: ACTION: "sim break-drive" is not known (one of: fail-drive or restore-drive)',
    );
  });

  it('checks the arguments before opening the provider: on|off, a missing drive', async () => {
    const provider = new FakeProvider();
    const onOff = testIo(provider);
    expect(await run(['identify', 'Contoso Array A', 'Bay 01', 'blink'], onOff)).toBe(2);
    expect(onOff.err).toContain('error: on|off: must be on or off (got "blink")');
    const missing = testIo(provider);
    expect(await run(['hot-spare', 'Contoso Array A'], missing)).toBe(2);
    expect(missing.err).toContain('error: DRIVE: "hot-spare" needs DRIVE: a drive (id or name)');
    expect(onOff.opened + missing.opened).toBe(0);
  });
});
