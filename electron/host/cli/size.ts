// Sizes as users type them ("1.5GiB", "500 GB", "1073741824") and as tables show them ("1.5 GiB").
// Pure functions, no Node imports: the renderer may reuse formatSize.

/** Multipliers by lower-cased unit. Decimal units are powers of 10^3, binary ones of 2^10. */
const UNIT_BYTES: Readonly<Record<string, bigint>> = {
  b: 1n,
  kb: 10n ** 3n,
  mb: 10n ** 6n,
  gb: 10n ** 9n,
  tb: 10n ** 12n,
  pb: 10n ** 15n,
  kib: 2n ** 10n,
  mib: 2n ** 20n,
  gib: 2n ** 30n,
  tib: 2n ** 40n,
  pib: 2n ** 50n,
};

const SIZE_PATTERN = /^(\d+)(?:\.(\d+))?\s*([a-z]*)$/i;
const MAX_BYTES = BigInt(Number.MAX_SAFE_INTEGER);

export type ParseSizeResult = { ok: true; bytes: number } | { ok: false; rule: string };

/**
 * Parses a byte count: digits, optionally a decimal fraction, optionally a unit
 * (B, KB/MB/GB/TB/PB = 10^3…, KiB/MiB/GiB/TiB/PiB = 2^10…; case-insensitive; spaces allowed before the unit).
 * The result must be a whole number of bytes, greater than zero and at most 2^53 − 1.
 */
export function parseSize(text: string): ParseSizeResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, rule: 'is empty; give a size such as 500GB, 1.5TiB or 1073741824' };
  const match = SIZE_PATTERN.exec(trimmed);
  if (!match) {
    return {
      ok: false,
      rule: `"${text}" is not a size; use a number with an optional unit, e.g. 500GB, 1.5TiB or 1073741824`,
    };
  }
  const [, whole = '', fraction = '', unitText = ''] = match;
  const unit = UNIT_BYTES[unitText.toLowerCase() || 'b'];
  if (unit === undefined) {
    return {
      ok: false,
      rule: `unknown unit "${unitText}"; use B, KB, MB, GB, TB, PB (powers of 1000) or KiB, MiB, GiB, TiB, PiB (powers of 1024)`,
    };
  }
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * unit;
  if (scaled % scale !== 0n) {
    return { ok: false, rule: `"${text}" is not a whole number of bytes` };
  }
  const bytes = scaled / scale;
  if (bytes === 0n) return { ok: false, rule: 'must be greater than 0 bytes' };
  if (bytes > MAX_BYTES) return { ok: false, rule: `"${text}" is too large (at most ${MAX_BYTES} bytes)` };
  return { ok: true, bytes: Number(bytes) };
}

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;
const DECIMAL_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

export interface FormatSizeOptions {
  /** binary (default): KiB, MiB… (powers of 1024). decimal: KB, MB… (powers of 1000). */
  units?: 'binary' | 'decimal';
}

/**
 * A short human size with three significant digits at most: "0 B", "512 B", "1.5 GiB", "12.3 TiB", "931 GiB".
 * Values from 1000 to 1023 of a binary unit are shown in the next one ("0.98 TiB") to keep the width.
 */
export function formatSize(bytes: number, options: FormatSizeOptions = {}): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  const decimal = options.units === 'decimal';
  const base = decimal ? 1000 : 1024;
  const units = decimal ? DECIMAL_UNITS : BINARY_UNITS;
  let unitIndex = 0;
  let value = bytes;
  while (value >= 1000 && unitIndex < units.length - 1) {
    value /= base;
    unitIndex += 1;
  }
  if (unitIndex === 0) return `${bytes} B`;
  let text = roundToSignificant(value);
  // 999.7 MiB rounds to "1000": show it in the next unit instead.
  if (Number(text) >= 1000 && unitIndex < units.length - 1) {
    unitIndex += 1;
    text = roundToSignificant(Number(text) / base);
  }
  return `${text} ${units[unitIndex]}`;
}

function roundToSignificant(value: number): string {
  const decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return String(Number(value.toFixed(decimals)));
}
