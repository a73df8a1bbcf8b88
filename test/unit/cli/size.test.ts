import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSize, parseSize } from '../../../electron/host/cli/size';

function bytes(text: string): number {
  const result = parseSize(text);
  if (!result.ok) throw new Error(`expected ${text} to parse: ${result.rule}`);
  return result.bytes;
}

function rule(text: string): string {
  const result = parseSize(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected, got ${result.bytes}`);
  return result.rule;
}

describe('parseSize', () => {
  it.each([
    ['1073741824', 1073741824],
    ['1B', 1],
    ['500GB', 500e9],
    ['500 GB', 500e9],
    ['  2TB  ', 2e12],
    ['1KB', 1000],
    ['1KiB', 1024],
    ['1MiB', 1048576],
    ['1.5GiB', 1610612736],
    ['1.5 gib', 1610612736],
    ['1.5KB', 1500],
    ['0.5KiB', 512],
    ['10mb', 10_000_000],
    ['3TiB', 3 * 2 ** 40],
    ['1PB', 1e15],
    ['007MiB', 7 * 2 ** 20],
  ])('%s is %d bytes', (text, expected) => {
    expect(bytes(text)).toBe(expected);
  });

  it('rejects fractions of a byte, naming the rule', () => {
    expect(rule('1.5')).toMatch(/whole number of bytes/);
    expect(rule('0.1KiB')).toMatch(/whole number of bytes/);
    expect(rule('1.0001KB')).toMatch(/whole number of bytes/);
  });

  it('accepts decimals that land on a whole byte even with many digits', () => {
    expect(bytes('1.000KB')).toBe(1000);
    expect(bytes('0.25MiB')).toBe(262144);
  });

  it.each([
    '',
    '   ',
    'abc',
    '-1',
    '-1GB',
    '1e9',
    '0x10',
    '1,000',
    '1_000',
    'GB',
    '1.',
    '.5GB',
    '1 2GB',
    '+5',
  ])('rejects %j as not a size', (text) => {
    expect(rule(text)).toMatch(/not a size|is empty/);
  });

  it.each(['5K', '5G', '5XB', '5gibs', '5 bytes', '5Gb ps'])('rejects the unit of %j', (text) => {
    expect(rule(text)).toMatch(/unknown unit|not a size/);
  });

  it('names both unit families in the unit rule', () => {
    expect(rule('5K')).toMatch(/KB.*1000.*KiB.*1024/);
  });

  it('rejects zero and sizes beyond 2^53 - 1 bytes', () => {
    expect(rule('0')).toMatch(/greater than 0/);
    expect(rule('0GiB')).toMatch(/greater than 0/);
    expect(rule('9007199254740992')).toMatch(/too large/);
    expect(rule('8PiB')).toMatch(/too large/);
    expect(bytes('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('round-trips every whole byte count written as plain digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => bytes(String(n)) === n),
    );
  });

  it('matches N × unit for every whole number of GiB and GB', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        return bytes(`${n}GiB`) === n * 2 ** 30 && bytes(`${n} GB`) === n * 1e9;
      }),
    );
  });
});

describe('formatSize', () => {
  it.each([
    [0, '0 B'],
    [1, '1 B'],
    [999, '999 B'],
    [1000, '0.98 KiB'],
    [1023, '1 KiB'],
    [1024, '1 KiB'],
    [1010 * 2 ** 30, '0.99 TiB'],
    [1536, '1.5 KiB'],
    [1610612736, '1.5 GiB'],
    [1920383410176, '1.75 TiB'],
    [10 * 2 ** 30 + 2 ** 29, '10.5 GiB'],
    [999 * 2 ** 30, '999 GiB'],
    [2 ** 20 - 1, '1 MiB'],
    [2 ** 50, '1 PiB'],
  ])('%d bytes is %s', (value, expected) => {
    expect(formatSize(value)).toBe(expected);
  });

  it('uses powers of 1000 when asked', () => {
    expect(formatSize(1920383410176, { units: 'decimal' })).toBe('1.92 TB');
    expect(formatSize(500e9, { units: 'decimal' })).toBe('500 GB');
    expect(formatSize(999_999, { units: 'decimal' })).toBe('1 MB');
  });

  it('never shows more than three significant digits, and stays within 0.5 % of the value', () => {
    const unitBytes: Record<string, number> = {
      KiB: 2 ** 10,
      MiB: 2 ** 20,
      GiB: 2 ** 30,
      TiB: 2 ** 40,
      PiB: 2 ** 50,
    };
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const [number = '', unit = ''] = formatSize(n).split(' ');
        const significant = number.replace('.', '').replace(/^0+/, '');
        const shown = Number(number) * (unitBytes[unit] ?? Number.NaN);
        return significant.length <= 3 && Math.abs(shown - n) / n <= 0.005;
      }),
      { examples: [[1023], [1000 * 2 ** 30], [1023 * 2 ** 40 + 5]] },
    );
  });

  it('says ? for values that are not a byte count', () => {
    expect(formatSize(-1)).toBe('?');
    expect(formatSize(Number.NaN)).toBe('?');
  });
});
