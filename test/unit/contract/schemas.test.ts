import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../../electron/contract/schemas';

const SUB = '{6b0c1a2e-0000-4000-8000-000000000001}';

describe('parseRequest accepts well-formed requests unchanged', () => {
  it('createLuns with every optional field a specific type takes', () => {
    const payload = {
      request: {
        subsystemId: SUB,
        type: 'stripe',
        sizeBytes: Number.MAX_SAFE_INTEGER,
        driveIds: ['d1', 'd2', 'd3'],
        unmaskingList:
          'iqn.1991-05.com.microsoft:host1;0123456789ABCDEF;eui.0123456789ABCDEF;naa.0123456789ABCDEF0123456789ABCDEF',
        hints: { stripeSizeBytes: 65536 },
      },
      count: 64,
    };
    const parsed = parseRequest('createLuns', payload);
    expect(parsed).toEqual({ ok: true, value: payload });
  });

  it('createLuns with every hint on an automagic type (which takes no drives)', () => {
    const payload = {
      request: {
        subsystemId: 'Contoso Array A',
        type: 'faultTolerant',
        sizeBytes: 1 << 30,
        hints: { stripeSizeBytes: 65536, rebuildPriority: 15, mostlyReads: true, maximumDriveCount: 256 },
      },
      count: 1,
    };
    expect(parseRequest('createLuns', payload)).toEqual({ ok: true, value: payload });
  });

  it('stores initiators in one form: IQNs lower case, hex upper case, a WWN without separators', () => {
    const parsed = parseRequest('setLunMask', {
      subsystemId: SUB,
      lunId: 'L1',
      unmaskingList:
        'IQN.1991-05.COM.Microsoft:Host1;50:01:43:80:12:ab:cd:ef;eui.0123456789abcdef;naa.0123456789abcdef',
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        subsystemId: SUB,
        lunId: 'L1',
        unmaskingList:
          'iqn.1991-05.com.microsoft:host1;5001438012ABCDEF;eui.0123456789ABCDEF;naa.0123456789ABCDEF',
      },
    });
  });

  it.each(['*', ''])('unmasking list %j stands alone', (unmaskingList) => {
    const parsed = parseRequest('createLuns', {
      request: { subsystemId: SUB, type: 'simple', sizeBytes: 1, unmaskingList },
      count: 1,
    });
    expect(parsed.ok).toBe(true);
  });

  it('void methods take nothing, null or {} and yield undefined; listOperations then has no filter', () => {
    for (const payload of [undefined, null, {}]) {
      expect(parseRequest('listOperations', payload)).toEqual({ ok: true, value: {} });
      expect(parseRequest('openMonitor', payload)).toEqual({ ok: true, value: undefined });
    }
    expect(parseRequest('listOperations', { kind: 'extendLun', state: 'running' })).toEqual({
      ok: true,
      value: { kind: 'extendLun', state: 'running' },
    });
  });

  it('listOperations takes a limit: a whole number from 1, named when it is not', () => {
    expect(parseRequest('listOperations', { limit: 50 })).toEqual({ ok: true, value: { limit: 50 } });
    for (const limit of [0, -1, 2.5, '50', 1_000_001]) {
      const parsed = parseRequest('listOperations', { limit });
      expect(parsed.ok).toBe(false);
      expect(JSON.stringify(parsed)).toContain('limit');
      expect(JSON.stringify(parsed)).toContain('must be a whole number from 1 to 1000000');
    }
  });

  it('getInventory without argument means no refresh', () => {
    expect(parseRequest('getInventory', undefined)).toEqual({ ok: true, value: {} });
    expect(parseRequest('getInventory', { refresh: true })).toEqual({ ok: true, value: { refresh: true } });
  });

  it('cancelOperation takes a UUID', () => {
    const operationId = '0d6f3b1e-9c2a-4e71-8d0a-1c2b3d4e5f60';
    expect(parseRequest('cancelOperation', { operationId })).toEqual({ ok: true, value: { operationId } });
  });
});

describe('parseRequest rejects with E_INVALIDARG naming the field and the rule', () => {
  it('names a nested field and says what the rule is', () => {
    const parsed = parseRequest('createLuns', {
      request: { subsystemId: SUB, type: 'simple', sizeBytes: 0 },
      count: 1,
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('E_INVALIDARG');
    expect(parsed.error.hresult).toBe(0x80070057);
    expect(parsed.error.field).toBe('request.sizeBytes');
    expect(parsed.error.message).toBe('request.sizeBytes: must be greater than 0 bytes');
  });

  it('says a missing field is required', () => {
    const parsed = parseRequest('createLuns', { request: { subsystemId: SUB, type: 'simple' }, count: 1 });
    expect(parsed.ok || parsed.error.message).toBe('request.sizeBytes: is required');
  });

  it('names the duplicate drive by index (names and ids compare case-insensitively)', () => {
    const parsed = parseRequest('maxLunSize', { subsystemId: SUB, type: 'span', driveIds: ['a', 'b', 'A'] });
    expect(parsed.ok || [parsed.error.field, parsed.error.message]).toEqual([
      'driveIds[2]',
      'driveIds[2]: drive "A" is listed more than once (also driveIds[0]); list each drive at most once',
    ]);
  });

  it('explains an unknown field', () => {
    const parsed = parseRequest('cancelOperation', {
      operationId: '0d6f3b1e-9c2a-4e71-8d0a-1c2b3d4e5f60',
      force: true,
    });
    expect(parsed.ok || parsed.error.message).toBe('force: unknown field (not part of this request)');
  });
});
