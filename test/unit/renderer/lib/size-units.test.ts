import { describe, expect, it } from 'vitest';
import { parseLocaleNumber, roundUpToUnit } from '../../../../renderer/lib/size-units';
import { batchFit } from '../../../../electron/contract/lun-rules';

const TiB = 2 ** 40;

describe('parseLocaleNumber', () => {
  it('reads thousands separators as grouping, never as a decimal point', () => {
    expect(parseLocaleNumber('1,500', 'en')).toEqual({ ok: true, value: 1500 });
    expect(parseLocaleNumber('1.500', 'de')).toEqual({ ok: true, value: 1500 });
    expect(parseLocaleNumber('1,500,000.25', 'en')).toEqual({ ok: true, value: 1500000.25 });
    expect(parseLocaleNumber('1.500.000,25', 'de')).toEqual({ ok: true, value: 1500000.25 });
  });
  it("reads the language's decimal separator", () => {
    expect(parseLocaleNumber('1.5', 'en')).toEqual({ ok: true, value: 1.5 });
    expect(parseLocaleNumber('1,5', 'de')).toEqual({ ok: true, value: 1.5 });
    expect(parseLocaleNumber(' 42 ', 'de')).toEqual({ ok: true, value: 42 });
  });
  it('refuses a separator used against the language rules instead of guessing', () => {
    expect(parseLocaleNumber('1,5', 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseLocaleNumber('1.5', 'de')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseLocaleNumber('1,50', 'en')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parseLocaleNumber('1.500,5.0', 'de')).toEqual({ ok: false, reason: 'ambiguous' });
  });
  it('refuses what is not a number', () => {
    expect(parseLocaleNumber('', 'en')).toEqual({ ok: false, reason: 'empty' });
    expect(parseLocaleNumber('-1', 'en')).toEqual({ ok: false, reason: 'notNumber' });
    expect(parseLocaleNumber('12 GB', 'en')).toEqual({ ok: false, reason: 'notNumber' });
  });
  it('rounds up to the 1 MiB allocation unit', () => {
    expect(roundUpToUnit(1)).toBe(2 ** 20);
    expect(roundUpToUnit(2 ** 20)).toBe(2 ** 20);
    expect(roundUpToUnit(2 ** 20 + 1)).toBe(2 ** 21);
  });
});

describe('batchFit (the batch rule of the wizard and the CLI)', () => {
  // 12 drives of 0.8725 TiB: 10.47 TiB free, but a 1 TiB simple LUN fits on none of them.
  const small = Array.from({ length: 12 }, () => 0.8725 * TiB);
  it('counts how many of N LUNs fit, one after the other', () => {
    expect(batchFit('simple', TiB, 12, small, false)).toBe(0);
    expect(batchFit('span', TiB, 12, small, false)).toBe(10);
    expect(batchFit('simple', 0.5 * TiB, 12, small, false)).toBe(12);
    expect(batchFit('simple', 0.5 * TiB, 30, small, false)).toBe(12);
  });
  it('takes the type layout into account', () => {
    const four = [4 * TiB, 4 * TiB, 4 * TiB, 4 * TiB];
    expect(batchFit('mirror', TiB, 10, four, false)).toBe(8); // two copies each: 16 TiB raw / 2 TiB
    expect(batchFit('stripe', TiB, 20, four, true)).toBe(16);
    expect(batchFit('parity', 3 * TiB, 10, four, true)).toBe(4); // 1 TiB of each drive per LUN
  });
});

describe('monitor order', () => {
  it('a queued operation canceled before it started sorts by when it ended, not above newer ones', async () => {
    const { selectOperationsForMonitor } = await import('../../../../renderer/store/operations-slice');
    const base = { kind: 'createLun', subsystemId: 's', percent: null } as const;
    const old = { ...base, id: 'old', state: 'canceled', startedAt: null, endedAt: '2026-01-01T10:00:00Z' };
    const newer = {
      ...base,
      id: 'new',
      state: 'succeeded',
      startedAt: '2026-01-01T11:00:00Z',
      endedAt: '2026-01-01T11:01:00Z',
    };
    const ops = selectOperationsForMonitor({ operations: { old, new: newer } } as never);
    expect(ops.map((o) => o.id)).toEqual(['new', 'old']);
  });
});
