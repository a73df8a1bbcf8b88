// VDS unmasking lists: "*" (every host with a port on the subsystem), "" (no host), or ";"-separated
// initiator names: iSCSI IQN / EUI / NAA names, or a 16-hex-digit FC/SAS WWN (most significant byte first).
// The one rule for unmasking entries: the request schemas, the CLI's --unmask and the wizard read it.

/** iSCSI names are at most 223 bytes in UTF-8 (RFC 3720 §3.2.6.1); WWN, EUI and NAA names are shorter by form. */
export const MAX_INITIATOR_NAME_BYTES = 223;

const IQN =
  /^iqn\.\d{4}-(0[1-9]|1[0-2])\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\S+)?$/i;
const EUI = /^eui\.[0-9a-f]{16}$/i;
const NAA = /^naa\.([0-9a-f]{16}|[0-9a-f]{32})$/i;
const WWN = /^[0-9a-f]{16}$/i;
/** A WWN as switches and HBA tools print it: 8 bytes separated by ":" or "-" (50:01:43:80:12:34:56:78). */
const SEPARATED_WWN = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){6}$/i;

export const UNMASKING_RULE =
  'must be "*" (all hosts), "" (no host) or ";"-separated initiators: iqn.yyyy-mm.reverse.domain[:name] (at most ' +
  `${MAX_INITIATOR_NAME_BYTES} bytes), eui. + 16 hex digits, naa. + 16 or 32 hex digits, or a WWN of 16 hex ` +
  'digits (with or without ":" between the bytes)';

const utf8 = new TextEncoder();

function byteLength(entry: string): number {
  return utf8.encode(entry).length;
}

export function isInitiatorName(entry: string): boolean {
  if (byteLength(entry) > MAX_INITIATOR_NAME_BYTES) return false;
  return (
    IQN.test(entry) || EUI.test(entry) || NAA.test(entry) || WWN.test(entry) || SEPARATED_WWN.test(entry)
  );
}

/**
 * The form an initiator is stored in: iSCSI names are case-insensitive and compared in lower case (RFC 3722's
 * stringprep profile), so an IQN is lower-cased; EUI and NAA keep their lower-case prefix with upper-case hex (as
 * Windows prints them); a WWN is 16 upper-case hex digits without separators.
 */
export function normalizeInitiatorName(entry: string): string {
  const name = entry.trim();
  if (SEPARATED_WWN.test(name)) return name.replace(/[:-]/g, '').toUpperCase();
  if (WWN.test(name)) return name.toUpperCase();
  if (EUI.test(name) || NAA.test(name)) return name.slice(0, 4).toLowerCase() + name.slice(4).toUpperCase();
  if (IQN.test(name)) return name.toLowerCase();
  return name;
}

/** A valid list in its stored form (every entry normalized); "*" and "" unchanged. */
export function normalizeUnmaskingList(list: string): string {
  if (list === '' || list === '*') return list;
  return list.split(';').map(normalizeInitiatorName).join(';');
}

function quoted(entries: readonly string[]): string {
  return entries.map((entry) => `"${entry}"`).join(', ');
}

/** "entry 2 of 5 is" / "entries 2, 4 of 5 are". */
function which(positions: readonly (number | string)[], count: number): string {
  const one = positions.length === 1;
  return `${one ? 'entry' : 'entries'} ${positions.join(', ')} of ${count} ${one ? 'is' : 'are'}`;
}

/** null when the list is valid, else the rule it breaks, naming every bad entry (not only the first). */
export function unmaskingListProblem(list: string): string | null {
  if (list === '' || list === '*') return null;
  const entries = list.split(';').map((entry, index) => ({ entry, position: index + 1 }));
  const count = entries.length;
  const standalone = entries.filter(({ entry }) => entry === '*' || entry === '');
  if (standalone.length > 0) {
    const which = standalone.map(
      (e) => `entry ${e.position} of ${count} is ${e.entry === '*' ? '"*"' : 'empty'}`,
    );
    return `${which.join(', ')}; "*" and "" stand alone and don't combine with other entries`;
  }
  const overLimit = entries.filter(({ entry }) => byteLength(entry) > MAX_INITIATOR_NAME_BYTES);
  if (overLimit.length > 0) {
    const positions = overLimit.map((e) => `${e.position} (${byteLength(e.entry)} bytes)`);
    return `${which(positions, count)} too long; an initiator name is at most ${MAX_INITIATOR_NAME_BYTES} bytes`;
  }
  const bad = entries.filter(({ entry }) => !isInitiatorName(entry));
  if (bad.length === 1)
    return `entry ${bad[0]!.position} of ${count} "${bad[0]!.entry}" is not an initiator name; ${UNMASKING_RULE}`;
  if (bad.length > 1) {
    const names = quoted(bad.map((e) => e.entry));
    return `${which(
      bad.map((e) => e.position),
      count,
    )} (${names}) not initiator names; ${UNMASKING_RULE}`;
  }
  const firstByKey = new Map<string, string>();
  const duplicates: string[] = [];
  for (const { entry } of entries) {
    const key = normalizeInitiatorName(entry);
    const first = firstByKey.get(key);
    if (first === undefined) firstByKey.set(key, entry);
    else duplicates.push(first === entry ? `"${entry}"` : `"${entry}" (the same as "${first}")`);
  }
  if (duplicates.length > 0)
    return `${duplicates.join(', ')} ${duplicates.length === 1 ? 'is' : 'are'} listed more than once`;
  return null;
}
