// What a start says about an operation on an existing LUN that the last run left unfinished: how the LUN is now
// against how it was when queued, and what to check.
import { describe, expect, it } from 'vitest';
import type { Lun, Operation } from '../../../electron/contract/model';
import { interruptedNote } from '../../../electron/host/interrupted-notes';

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
