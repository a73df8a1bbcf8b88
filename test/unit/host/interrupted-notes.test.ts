// What a start says about an operation on an existing LUN that the last run left unfinished: how the LUN is now
// against how it was when queued, and what to check.
import { describe, expect, it } from 'vitest';
import type { Drive, Lun, Operation } from '../../../electron/contract/model';
import { interruptedDriveNote, interruptedNote } from '../../../electron/host/interrupted-notes';

const GiB = 2 ** 30;
const target = { lunId: 'lun-1', name: 'Data', sizeBytes: 10 * GiB, unmaskingList: '' };

function interrupted(kind: Operation['kind'], request: Record<string, unknown>): Operation {
  return {
    id: 'op-1',
    kind,
    subsystemId: 's',
    request: { subsystemId: 's', lunId: 'lun-1', ...request },
    target,
    state: 'interrupted',
    percent: 40,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:01:00.000Z',
    bytesPerSecond: null,
    etaSeconds: null,
  } as Operation;
}

const lunNow = (patch: Partial<Lun>): Lun => ({
  id: 'lun-1',
  subsystemId: 's',
  name: 'Data',
  identification: 'x',
  type: 'simple',
  sizeBytes: 10 * GiB,
  status: 'online',
  health: 'healthy',
  unmaskingList: '',
  driveIds: ['d0'],
  ...patch,
});

describe('interrupted operations on existing LUNs', () => {
  it('an extend: says whether the size changed and to check it', () => {
    const op = interrupted('extendLun', { bytesToAdd: GiB });
    expect(interruptedNote(op, lunNow({}))).toBe(
      'LUN Studio stopped while an extend of LUN "Data" (lun-1) ran; at the next start it still has its old size, 10 GiB: nothing changed. Check its size (`lun-studio luns`) before you try again.',
    );
    expect(interruptedNote(op, lunNow({ sizeBytes: 11 * GiB }))).toContain(
      'it has 11 GiB (10 GiB when the extend was queued)',
    );
  });

  it('a delete: says whether the LUN is still there', () => {
    const op = interrupted('deleteLun', {});
    expect(interruptedNote(op, null)).toContain('the LUN is no longer in the array: it was deleted.');
    expect(interruptedNote(op, lunNow({}))).toContain('it was not deleted, you may delete it again.');
  });

  it('a mask change: compares the list now with the one asked for', () => {
    const op = interrupted('setLunMask', { unmaskingList: '*' });
    expect(interruptedNote(op, lunNow({ unmaskingList: '*' }))).toContain('the new list is in place');
    expect(interruptedNote(op, lunNow({}))).toContain('it is "" (no host), not the "*" asked for');
  });

  it('an array that cannot be read: says so and what to check', () => {
    expect(interruptedNote(interrupted('shrinkLun', { bytesToRemove: GiB }), undefined)).toBe(
      'LUN Studio stopped while a shrink of LUN "Data" (lun-1) ran, and at the next start the array could not be read: check the LUN (`lun-studio luns`) before you try again.',
    );
  });
});

describe('interrupted recoveries and drive operations', () => {
  it('a recovery: healthy means it had finished, else run it again', () => {
    const op = interrupted('recoverLun', {});
    expect(interruptedNote(op, lunNow({}))).toBe(
      'LUN Studio stopped while a recovery of LUN "Data" (lun-1) ran; at the next start the LUN is healthy: the rebuild had finished.',
    );
    expect(interruptedNote(op, lunNow({ health: 'degraded' }))).toBe(
      'LUN Studio stopped while a recovery of LUN "Data" (lun-1) ran; at the next start the LUN is online, health degraded: its rebuild did not finish. Recover it again (`lun-studio recover-lun`).',
    );
  });

  const driveOp = (kind: Operation['kind'], request: Record<string, unknown>): Operation =>
    ({
      ...interrupted(kind, {}),
      target: undefined,
      request: { subsystemId: 's', driveId: 'd2', ...request },
      driveTarget: {
        driveId: 'd2',
        name: 'Bay 02',
        ...(kind === 'replaceDrive' ? { replacementDriveId: 'd5', replacementName: 'Bay 05' } : {}),
      },
    }) as Operation;
  const driveNow = (id: string, patch: Partial<Drive> = {}): Drive => ({
    id,
    subsystemId: 's',
    name: id,
    identification: id,
    sizeBytes: 100 * GiB,
    freeBytes: 100 * GiB,
    bus: 0,
    slot: 1,
    status: 'online',
    health: 'healthy',
    flags: ['unassigned'],
    ...patch,
  });

  it('identify and hot spare: compare the drive now with what was asked', () => {
    const identify = driveOp('identifyDrive', { on: true });
    expect(interruptedDriveNote(identify, [driveNow('d2', { identifying: true })])).toBe(
      'LUN Studio stopped while an identify light change of drive "Bay 02" (d2) ran; at the next start its identify light is on, as asked.',
    );
    expect(interruptedDriveNote(identify, [driveNow('d2')])).toContain(
      'its identify light is off: nothing changed, you may try again.',
    );
    const spare = driveOp('setHotSpare', { hotSpare: true });
    expect(
      interruptedDriveNote(spare, [driveNow('d2', { flags: ['hotSpare', 'hotSpareStandby'] })]),
    ).toContain('at the next start it is a hot spare, as asked.');
    expect(interruptedDriveNote(spare, undefined)).toContain('the array could not be read: check the drive');
  });

  it('a replacement: whether the replacement holds extents now', () => {
    const replace = driveOp('replaceDrive', { replacementDriveId: 'd5' });
    expect(interruptedDriveNote(replace, [driveNow('d2'), driveNow('d5', { freeBytes: 90 * GiB })])).toBe(
      'LUN Studio stopped while a drive replacement of drive "Bay 02" (d2) and its replacement drive "Bay 05" (d5) ran; at the next start the replacement holds extents: the replacement was made. Recover the LUNs it took over (`lun-studio recover-lun`).',
    );
    expect(interruptedDriveNote(replace, [driveNow('d2'), driveNow('d5')])).toContain(
      'nothing was replaced, you may replace the drive again.',
    );
    expect(interruptedDriveNote(replace, [driveNow('d5')])).toContain('the drive is no longer in the array');
  });
});
