const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

// Building an Intl.NumberFormat costs ~50× a format call, and tables format thousands of cells.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maximumFractionDigits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits });
    formatters.set(key, format);
  }
  return format;
}

/** 1610612736 → "1.5 GiB" (number formatting follows the UI language). */
export function formatBytes(bytes: number, locale: string, maximumFractionDigits = 2): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = numberFormat(locale, unit === 0 ? 0 : maximumFractionDigits);
  return `${number.format(value)} ${BINARY_UNITS[unit]}`;
}

export function formatInteger(value: number, locale: string): string {
  return numberFormat(locale, 0).format(value);
}

/** Seconds → "1:05" / "1:02:03". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
