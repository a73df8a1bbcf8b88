import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../electron/contract/model';
import { parseRequest } from '../../../electron/contract/schemas';
import { changedDriveLists, copyDriveLists } from '../../../electron/host/drive-list-changes';

const drive = (id: string, patch: Partial<Drive> = {}): Drive => ({
  id,
  subsystemId: 's1',
  name: `Bay ${id}`,
  identification: id,
  sizeBytes: 100,
  freeBytes: 100,
  bus: 0,
  slot: 0,
  status: 'online',
  health: 'healthy',
  flags: ['unassigned'],
  ...patch,
});

describe('which subsystems an inventory read changed the drives of', () => {
  it('names every subsystem on the first read, then only those with a new, lost or changed drive', () => {
    const first = { s1: [drive('a'), drive('b')], s2: [drive('c')], s3: [drive('d')] };
    expect(changedDriveLists(undefined, first)).toEqual(['s1', 's2', 's3']);
    const before = copyDriveLists(first);
    first.s1[0]!.flags.push('hotSpare'); // a provider changing the objects it handed out
    expect(changedDriveLists(before, first)).toEqual(['s1']);
    const next = {
      s1: before.s1!,
      s2: [drive('c', { freeBytes: 50 })],
      s3: [drive('d'), drive('e')],
      s4: [drive('f')],
    };
    expect(changedDriveLists(before, next)).toEqual(['s2', 's3', 's4']);
    expect(changedDriveLists(before, { s1: before.s1!, s2: [drive('c', { identifying: true })] })).toEqual([
      's2',
    ]);
  });

  it('listDrives takes exactly one subsystem reference', () => {
    expect(parseRequest('listDrives', { subsystemId: 'Array A' })).toMatchObject({ ok: true });
    const missing = parseRequest('listDrives', {});
    expect(missing.ok || missing.error.toJSON()).toMatchObject({
      code: 'E_INVALIDARG',
      message: expect.stringContaining('subsystemId'),
    });
    const extra = parseRequest('listDrives', { subsystemId: 'a', all: true });
    expect(extra.ok || extra.error.toJSON()).toMatchObject({
      code: 'E_INVALIDARG',
      message: expect.stringContaining('all'),
    });
  });
});
