export const SIZE_UNITS = ['MiB', 'GiB', 'TiB', 'GB', 'TB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

export const UNIT_BYTES: Record<SizeUnit, number> = {
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  GB: 1e9,
  TB: 1e12,
};

/** "1.5" or "1,5" → 1.5; anything else (empty, negative, letters) → null. */
export function parseSizeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

export function toBytes(value: number, unit: SizeUnit): number {
  return Math.round(value * UNIT_BYTES[unit]);
}

/** The number to show in the size box for exact bytes: rounded down so it never exceeds them. */
export function bytesToUnitText(bytes: number, unit: SizeUnit): string {
  const value = Math.floor((bytes / UNIT_BYTES[unit]) * 100) / 100;
  return String(value);
}

/** The largest binary unit in which the bytes are at least 1. */
export function bestUnitFor(bytes: number): SizeUnit {
  if (bytes >= UNIT_BYTES.TiB) return 'TiB';
  if (bytes >= UNIT_BYTES.GiB) return 'GiB';
  return 'MiB';
}
