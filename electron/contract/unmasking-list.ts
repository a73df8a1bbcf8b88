// VDS unmasking lists: "*" (every host with a port on the subsystem), "" (no host), or ";"-separated
// initiator names: iSCSI IQN / EUI / NAA names, or a 16-hex-digit FC/SAS WWN (most significant byte first).
// The one rule for unmasking entries: the request schemas, the CLI's --unmask and the wizard read it.

/** iSCSI names are at most 223 bytes (RFC 3720 §3.2.6.1); WWN, EUI and NAA names are shorter by form. */
export const MAX_INITIATOR_NAME_LENGTH = 223;

const IQN =
  /^iqn\.\d{4}-(0[1-9]|1[0-2])\.[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\S+)?$/i;
const EUI = /^eui\.[0-9a-f]{16}$/i;
const NAA = /^naa\.([0-9a-f]{16}|[0-9a-f]{32})$/i;
const WWN = /^[0-9a-f]{16}$/i;

export const UNMASKING_RULE =
  'must be "*" (all hosts), "" (no host) or ";"-separated initiators: iqn.yyyy-mm.reverse.domain[:name], ' +
  'eui. + 16 hex digits, naa. + 16 or 32 hex digits, or a 16-hex-digit WWN';

export function isInitiatorName(entry: string): boolean {
  if (entry.length > MAX_INITIATOR_NAME_LENGTH) return false;
  return IQN.test(entry) || EUI.test(entry) || NAA.test(entry) || WWN.test(entry);
}

/** null when the list is valid, else the rule it breaks (naming the bad entry). */
export function unmaskingListProblem(list: string): string | null {
  if (list === '' || list === '*') return null;
  const entries = list.split(';');
  for (const [index, entry] of entries.entries()) {
    const position = `entry ${index + 1} of ${entries.length}`;
    if (entry === '*' || entry === '') {
      return `${position} is ${entry === '*' ? '"*"' : 'empty'}; "*" and "" stand alone and don't combine with other entries`;
    }
    if (entry.length > MAX_INITIATOR_NAME_LENGTH) {
      return `${position} is ${entry.length} characters long; an initiator name is at most ${MAX_INITIATOR_NAME_LENGTH}`;
    }
    if (!isInitiatorName(entry)) return `${position} "${entry}" is not an initiator name; ${UNMASKING_RULE}`;
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    const key = entry.toLowerCase();
    if (seen.has(key)) return `"${entry}" is listed more than once`;
    seen.add(key);
  }
  return null;
}
