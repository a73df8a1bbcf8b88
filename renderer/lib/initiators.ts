import {
  MAX_INITIATOR_NAME_BYTES,
  isInitiatorName,
  normalizeInitiatorName,
} from '../../electron/contract/unmasking-list';

/** Entries from text separated by new lines, ";" or ",". */
export function splitInitiators(text: string): string[] {
  return text
    .split(/[\n;,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const utf8 = new TextEncoder();

/** The entries longer than an initiator name may be (223 bytes in UTF-8), with their length. */
export function overlongInitiators(entries: readonly string[]): { entry: string; bytes: number }[] {
  return entries
    .map((entry) => ({ entry, bytes: utf8.encode(entry).length }))
    .filter(({ bytes }) => bytes > MAX_INITIATOR_NAME_BYTES);
}

/** Every entry that is not an IQN, EUI, NAA or WWN (the same rule the host applies). */
export function invalidInitiators(entries: readonly string[]): string[] {
  return entries.filter((e) => !isInitiatorName(e));
}

/** Entries that name an initiator listed before (compared in stored form: an IQN in any case, a WWN with or
 * without colons). */
export function duplicateInitiators(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const entry of entries) {
    const key = normalizeInitiatorName(entry);
    if (seen.has(key)) duplicates.push(entry);
    seen.add(key);
  }
  return duplicates;
}
