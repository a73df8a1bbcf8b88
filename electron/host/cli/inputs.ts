// The meaning of option values: LUN type, size, count, unmasking list, drive list, provider.
// Each parser names the option it checks in the error (exit 2) and never touches the provider.
import { LUN_TYPES, type LunType, type ProviderName } from '../../contract/model';
import { isInitiatorName } from '../../contract/unmasking-list';
import { inputError } from './cli-error';
import { parseSize } from './size';

export const MAX_COUNT = 64;

export function parseProviderName(text: string | undefined, platform: NodeJS.Platform): ProviderName {
  if (text === undefined) return platform === 'win32' ? 'vds' : 'sim';
  if (text === 'sim' || text === 'vds') return text;
  throw inputError('--provider', `"${text}" is not a provider (sim or vds)`, { usage: true });
}

export function parseLunType(text: string): LunType {
  const wanted = text.trim().toLowerCase();
  const type = LUN_TYPES.find((candidate) => candidate.toLowerCase() === wanted);
  if (!type) throw inputError('--type', `"${text}" is not a LUN type (one of: ${LUN_TYPES.join(', ')})`);
  return type;
}

export type SizeArgument = { max: true } | { max: false; bytes: number };

export function parseSizeArgument(text: string): SizeArgument {
  if (text.trim().toLowerCase() === 'max') return { max: true };
  const parsed = parseSize(text);
  if (!parsed.ok) throw inputError('--size', parsed.rule);
  return { max: false, bytes: parsed.bytes };
}

export function parseStripeSize(text: string): number {
  const parsed = parseSize(text);
  if (!parsed.ok) throw inputError('--stripe-size', parsed.rule);
  const bytes = parsed.bytes;
  if ((bytes & (bytes - 1)) !== 0 || bytes > 2 ** 31) {
    throw inputError('--stripe-size', `${bytes} bytes is not a power of two (e.g. 64KiB, 128KiB, 1MiB)`);
  }
  return bytes;
}

export function parseCount(text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) {
    throw inputError('--count', `"${text}" is not a whole number from 1 to ${MAX_COUNT}`);
  }
  const count = Number(text);
  if (count < 1 || count > MAX_COUNT) {
    throw inputError('--count', `${count} is out of range (1 to ${MAX_COUNT})`);
  }
  return count;
}

/** Splits `--drives` into its entries (ids or names), rejecting empty and repeated entries. */
export function parseDriveList(text: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim());
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry === '') {
      throw inputError(
        '--drives',
        `entry ${index + 1} is empty; give drive ids or names separated by commas`,
      );
    }
    const key = entry.toLowerCase();
    if (seen.has(key)) throw inputError('--drives', `drive "${entry}" is listed more than once`);
    seen.add(key);
  });
  return entries;
}

/**
 * The VDS unmasking list: `*` (every host), `""` or an empty value (no host), or `;`-separated initiators:
 * IQN (iqn.1991-05.com.microsoft:host1), EUI (eui. + 16 hex), NAA (naa. + 16 or 32 hex) or a 16-hex WWN.
 */
export function parseUnmaskList(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '""' || trimmed === "''") return '';
  if (trimmed === '*') return '*';
  const entries = trimmed.split(';').map((entry) => entry.trim());
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (entry === '') throw inputError('--unmask', `entry ${index + 1} is empty`);
    if (entry === '*' || entry === '""') {
      throw inputError('--unmask', `"${entry}" cannot be combined with other entries`);
    }
    if (!isInitiatorName(entry)) {
      throw inputError(
        '--unmask',
        `"${entry}" is not an initiator name (IQN like iqn.1991-05.com.microsoft:host1, eui. + 16 hex, naa. + 16 or 32 hex, or a 16-hex WWN)`,
      );
    }
    const key = entry.toLowerCase();
    if (seen.has(key)) throw inputError('--unmask', `"${entry}" is listed more than once`);
    seen.add(key);
  });
  return entries.join(';');
}
