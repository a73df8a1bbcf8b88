import { describe, expect, it } from 'vitest';
import type { Drive, Subsystem } from '../../../electron/contract/model';
import {
  checkCreateLunRequest,
  checkMaxSizeRequest,
  resolveCreateAgainstSubsystem,
} from '../../../native/lib/validate';
import { unmaskingListProblem } from '../../../electron/contract/unmasking-list';

const subsystem: Subsystem = {
  id: '{11111111-1111-1111-1111-111111111111}',
  name: 'Contoso Array A',
  identification: 'x',
  status: 'online',
  health: 'healthy',
  supportedTypes: ['simple', 'stripe', 'mirror'],
  stripeSizes: [65536, 131072],
  maskingCapable: true,
  driveCount: 2,
  lunCount: 0,
  capacityBytes: 2,
  freeBytes: 2,
};
const drive = (id: string, name: string): Drive => ({
  id,
  subsystemId: subsystem.id,
  name,
  identification: name,
  sizeBytes: 1,
  freeBytes: 1,
  bus: 0,
  slot: 0,
  status: 'online',
  health: 'healthy',
  flags: [],
});
const drives = [drive('{D0000000-0000-0000-0000-000000000000}', 'Bay 00'), drive('{D1}', 'Bay 01')];

function rejection(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error as { code: string; hresult: number; field?: string; message: string };
  }
  throw new Error('expected a rejection');
}

const base = { subsystemId: 'Contoso Array A', type: 'stripe', sizeBytes: 1 << 30 };

describe('request shape checks', () => {
  it.each([
    [{ ...base, type: 'raid5' }, 'type'],
    [{ ...base, sizeBytes: 0 }, 'sizeBytes'],
    [{ ...base, sizeBytes: 1.5 }, 'sizeBytes'],
    [{ ...base, sizeBytes: Number.MAX_SAFE_INTEGER + 2 }, 'sizeBytes'],
    [{ ...base, sizeBytes: '10' }, 'sizeBytes'],
    [{ ...base, subsystemId: '' }, 'subsystemId'],
    [{ ...base, driveIds: 'Bay 00' }, 'driveIds'],
    [{ ...base, driveIds: ['Bay 00', 7] }, 'driveIds[1]'],
    [{ ...base, unmaskingList: '*;iqn.1991-05.com.microsoft:h1' }, 'unmaskingList'],
    [{ ...base, hints: { rebuildPriority: 3 } }, 'hints.rebuildPriority'],
    [{ ...base, type: 'mirror', hints: { stripeSizeBytes: 65536 } }, 'hints.stripeSizeBytes'],
    [{ ...base, type: 'auto', hints: { rebuildPriority: 16 } }, 'hints.rebuildPriority'],
    [{ ...base, type: 'auto', hints: { mostlyReads: 'yes' } }, 'hints.mostlyReads'],
    [{ ...base, type: 'auto', hints: { colour: 'blue' } }, 'hints.colour'],
    [{ ...base, hints: [] }, 'hints'],
  ])('%j is rejected naming %s', (request, field) => {
    const error = rejection(() => checkCreateLunRequest(request));
    expect(error).toMatchObject({ code: 'E_INVALIDARG', hresult: 0x80070057, field });
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it('accepts hints on automagic types and stripe size on striped types', () => {
    expect(checkCreateLunRequest({ ...base, hints: { stripeSizeBytes: 65536 } }).hints).toEqual({
      stripeSizeBytes: 65536,
    });
    const auto = checkMaxSizeRequest({
      subsystemId: 'x',
      type: 'faultTolerant',
      hints: { rebuildPriority: 15, isYankable: false },
    });
    expect(auto.hints).toEqual({ rebuildPriority: 15, isYankable: false });
  });

  it('says why a stripe size is refused for a mirror', () => {
    const error = rejection(() =>
      checkCreateLunRequest({ ...base, type: 'mirror', hints: { stripeSizeBytes: 65536 } }),
    );
    expect(error.message).toContain('only to striped types');
  });
});

describe('checks against the subsystem', () => {
  const resolve = (extra: object) =>
    resolveCreateAgainstSubsystem(checkCreateLunRequest({ ...base, ...extra }), subsystem, drives);

  it('resolves drive names to ids, in the order given', () => {
    expect(resolve({ driveIds: ['bay 01', '{d0000000-0000-0000-0000-000000000000}'] }).driveIds).toEqual([
      '{D1}',
      '{D0000000-0000-0000-0000-000000000000}',
    ]);
  });

  it('rejects a drive listed twice, even once by id and once by name', () => {
    const error = rejection(() =>
      resolve({ driveIds: ['Bay 00', '{D0000000-0000-0000-0000-000000000000}'] }),
    );
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field: 'driveIds[1]' });
    expect(error.message).toContain('Bay 00');
  });

  it('rejects an unknown drive as VDS_E_OBJECT_NOT_FOUND naming it', () => {
    const error = rejection(() => resolve({ driveIds: ['Bay 99'] }));
    expect(error).toMatchObject({
      code: 'VDS_E_OBJECT_NOT_FOUND',
      hresult: 0x80042405,
      field: 'driveIds[0]',
    });
    expect(error.message).toContain('Bay 99');
  });

  it('rejects a stripe size the subsystem does not offer, listing the ones it does', () => {
    const error = rejection(() => resolve({ hints: { stripeSizeBytes: 1048576 } }));
    expect(error).toMatchObject({ code: 'E_INVALIDARG', field: 'hints.stripeSizeBytes' });
    expect(error.message).toContain('64 KiB, 128 KiB');
  });

  it('defaults the unmasking list to none', () => {
    expect(resolve({}).unmaskingList).toBe('');
  });
});

describe('unmasking lists', () => {
  it.each([
    '',
    '*',
    'iqn.1991-05.com.microsoft:host1',
    'iqn.2001-04.com.example',
    'eui.02004567A425678D',
    'naa.52004567BA64678D',
    'naa.62004567BA64678D0123456789ABCDEF',
    '0123456789ABCDEF',
    '0123456789abcdef;iqn.1991-05.com.microsoft:host1;eui.02004567a425678d',
    '50:01:43:80:12:34:56:78',
    '50-01-43-80-12-34-56-78',
  ])('accepts %j', (list) => {
    expect(unmaskingListProblem(list)).toBeNull();
  });

  it.each([
    ['*;0123456789ABCDEF', '"*"'],
    ['0123456789ABCDEF;', 'empty'],
    ['0123456789ABCDE', '0123456789ABCDE'],
    ['iqn.1991-13.com.microsoft', 'iqn.1991-13.com.microsoft'],
    ['eui.0200', 'eui.0200'],
    ['naa.52004567BA64678D01', 'naa.52004567BA64678D01'],
    ['host1', 'host1'],
    ['0123456789ABCDEF;0123456789abcdef', 'more than once'],
    ['50:01:43:80:12:34:56:78;5001438012345678', 'the same as "50:01:43:80:12:34:56:78"'],
    ['IQN.1991-05.com.microsoft:HOST1;iqn.1991-05.com.microsoft:host1', 'more than once'],
    ['50:01:43:80-12:34:56:78', '50:01:43:80-12:34:56:78'],
  ])('rejects %j naming %s', (list, named) => {
    expect(unmaskingListProblem(list)).toContain(named);
  });

  it('names every bad entry, not only the first', () => {
    const problem = unmaskingListProblem(
      'iqn.1991-05.com.microsoft:h1;host-a;0123;eui.0123456789ABCDEF;host-b',
    );
    expect(problem).toMatch(
      /^entries 2, 3, 5 of 5 are \("host-a", "0123", "host-b"\) not initiator names; must be/,
    );
  });

  it('limits an iSCSI name to 223 bytes of UTF-8, not characters', () => {
    const prefix = 'iqn.1991-05.com.microsoft:';
    const at = (bytes: number) => prefix + 'x'.repeat(bytes - prefix.length);
    expect(unmaskingListProblem(at(223))).toBeNull();
    expect(unmaskingListProblem(at(224))).toBe(
      'entry 1 (224 bytes) of 1 is too long; an initiator name is at most 223 bytes',
    );
    expect(unmaskingListProblem(`iqn.1991-05.com.microsoft:h1;${at(266)}`)).toContain(
      'entry 2 (266 bytes) of 2',
    );
    // 111 two-byte characters: 26 + 222 = 248 bytes in only 137 characters.
    expect(unmaskingListProblem(prefix + 'ü'.repeat(111))).toContain('(248 bytes)');
  });
});
