import { isInitiatorName } from '../../electron/contract/unmasking-list';

/** Entries from text separated by new lines, ";" or ",". */
export function splitInitiators(text: string): string[] {
  return text
    .split(/[\n;,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The first entry that is not an IQN, EUI, NAA or 16-hex WWN (the same rule the host applies). */
export function firstInvalidInitiator(entries: readonly string[]): string | null {
  return entries.find((e) => !isInitiatorName(e)) ?? null;
}

export function firstDuplicateInitiator(entries: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.toLowerCase();
    if (seen.has(key)) return entry;
    seen.add(key);
  }
  return null;
}
