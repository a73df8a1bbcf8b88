export const SIZE_UNITS = ['MiB', 'GiB', 'TiB', 'GB', 'TB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

export const UNIT_BYTES: Record<SizeUnit, number> = {
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  GB: 1e9,
  TB: 1e12,
};

/** The locale's separators, e.g. en: group ",", decimal "."; de: group ".", decimal ",". */
export function numberSeparators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  // Some locales group with a (narrow) no-break space: a typed plain space means the same.
  return { group: /\s/.test(group) ? ' ' : group, decimal };
}

export type SizeParse =
  | { ok: true; value: number }
  /** empty: nothing typed; notNumber: not a number at all; ambiguous: a separator that does not fit the
   * language's rules (e.g. "1.5" in German, "1,5" in English), refused rather than guessed. */
  | { ok: false; reason: 'empty' | 'notNumber' | 'ambiguous' };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A size number as typed in the UI language: English "1,500" = 1500 and "1.5" = 1.5; German "1.500" = 1500
 * and "1,5" = 1.5. Grouping must be in threes; a separator used any other way is refused as ambiguous.
 */
export function parseLocaleNumber(text: string, locale: string): SizeParse {
  const t = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (t === '') return { ok: false, reason: 'empty' };
  if (/^\d+$/.test(t)) return { ok: true, value: Number(t) };
  const { group, decimal } = numberSeparators(locale);
  const g = escapeRe(group);
  const d = escapeRe(decimal);
  const valid = new RegExp(`^(\\d{1,3}(${g}\\d{3})+|\\d+)(${d}\\d+)?$`);
  if (valid.test(t)) {
    const normalized = t.split(group).join('').replace(decimal, '.');
    return { ok: true, value: Number(normalized) };
  }
  if (/^[\d.,' ]+$/.test(t) && /\d/.test(t)) return { ok: false, reason: 'ambiguous' };
  return { ok: false, reason: 'notNumber' };
}

/** Kept for callers that only need a number: the English reading. */
export function parseSizeNumber(text: string, locale = 'en'): number | null {
  const r = parseLocaleNumber(text, locale);
  return r.ok ? r.value : null;
}

export function toBytes(value: number, unit: SizeUnit): number {
  return Math.round(value * UNIT_BYTES[unit]);
}

/** The number to show in the size box for exact bytes: rounded down so it never exceeds them (no grouping). */
export function bytesToUnitText(bytes: number, unit: SizeUnit, locale = 'en'): string {
  const value = Math.floor((bytes / UNIT_BYTES[unit]) * 100) / 100;
  const { decimal } = numberSeparators(locale);
  return String(value).replace('.', decimal);
}

/** The largest binary unit in which the bytes are at least 1. */
export function bestUnitFor(bytes: number): SizeUnit {
  if (bytes >= UNIT_BYTES.TiB) return 'TiB';
  if (bytes >= UNIT_BYTES.GiB) return 'GiB';
  return 'MiB';
}

/** The provider rounds a LUN's size up to its allocation unit (at least 1 MiB: VDS-NOTES / DESIGN). */
export const MIN_ALLOCATION_UNIT = 2 ** 20;

export function roundUpToUnit(bytes: number, unit = MIN_ALLOCATION_UNIT): number {
  return Math.ceil(bytes / unit) * unit;
}
