// The meaning of option values: LUN type, size, count, unmasking list, drive list, provider.
// Each parser reads the text (units, separators, case) and then checks the value with the contract's schemas
// (electron/contract/schemas.ts, the rules the host and the facade apply): the error names the option and
// the contract's rule (exit 2), and nothing touches the provider.
import { lunTypeProblem } from '../../contract/lun-rules';
import {
  LUN_TYPES,
  type LunHints,
  type LunType,
  type OperationKind,
  type OperationState,
  type ProviderName,
} from '../../contract/model';
import { MAX_BATCH_COUNT, fieldSchemas, firstProblem } from '../../contract/schemas';
import { inputError } from './cli-error';
import { parseSize } from './size';

export const MAX_COUNT = MAX_BATCH_COUNT;

/** The option that carries each request field. */
export const OPTION_FOR_FIELD: Readonly<Record<string, string>> = {
  subsystemId: 'SUBSYSTEM',
  type: '--type',
  driveIds: '--drives',
  'hints.stripeSizeBytes': '--stripe-size',
  sizeBytes: '--size',
  unmaskingList: '--unmask',
  count: '--count',
};

/** Checks one option's value against the contract's rule for its field. */
function checkField<T>(
  option: string,
  schema: (typeof fieldSchemas)[keyof typeof fieldSchemas],
  value: T,
): T {
  const problem = firstProblem(schema, value);
  if (problem) throw inputError(option, problem.rule);
  return value;
}

export function parseProviderName(text: string | undefined, platform: NodeJS.Platform): ProviderName {
  if (text === undefined) return platform === 'win32' ? 'vds' : 'sim';
  if (text === 'sim' || text === 'vds') return text;
  throw inputError('--provider', `"${text}" is not a provider (sim or vds)`, { usage: true });
}

export function parseLunType(text: string): LunType {
  const wanted = text.trim().toLowerCase();
  const type = LUN_TYPES.find((candidate) => candidate.toLowerCase() === wanted);
  return type ?? checkField('--type', fieldSchemas.type, text as LunType);
}

export type SizeArgument = { max: true } | { max: false; bytes: number };

/** SIZE or `max` (create-lun --size, extend-lun --to). */
export function parseSizeArgument(text: string, option = '--size'): SizeArgument {
  if (text.trim().toLowerCase() === 'max') return { max: true };
  return { max: false, bytes: parseByteSize(text, option) };
}

/** SIZE (bytes or a number with a unit), checked with the contract's size rule. */
export function parseByteSize(text: string, option: string): number {
  const parsed = parseSize(text);
  if (!parsed.ok) throw inputError(option, parsed.rule);
  return checkField(option, fieldSchemas.sizeBytes, parsed.bytes);
}

export function parseOperationKind(text: string): OperationKind {
  return checkField('--kind', fieldSchemas.operationKind, text as OperationKind);
}

export function parseOperationState(text: string): OperationState {
  return checkField('--state', fieldSchemas.operationState, text as OperationState);
}

export function parseStripeSize(text: string): number {
  const parsed = parseSize(text);
  if (!parsed.ok) throw inputError('--stripe-size', parsed.rule);
  return checkField('--stripe-size', fieldSchemas.stripeSizeBytes, parsed.bytes);
}

export function parseCount(text: string): number {
  if (!/^\s*\d+\s*$/.test(text)) {
    throw inputError('--count', `"${text}" is not a whole number from 1 to ${MAX_COUNT}`);
  }
  return checkField('--count', fieldSchemas.count, Number(text));
}

/** Splits `--drives` into its entries (ids or names), rejecting empty and repeated entries. */
export function parseDriveList(text: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    if (entry === '') {
      throw inputError(
        '--drives',
        `entry ${index + 1} is empty; give drive ids or names separated by commas`,
      );
    }
  });
  return checkField('--drives', fieldSchemas.driveIds, entries);
}

/**
 * The VDS unmasking list: `*` (every host), `""` or an empty value (no host), or `;`-separated initiators:
 * IQN (iqn.1991-05.com.microsoft:host1), EUI (eui. + 16 hex), NAA (naa. + 16 or 32 hex) or a 16-hex WWN.
 */
export function parseUnmaskList(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '""' || trimmed === "''") return '';
  const list = trimmed
    .split(';')
    .map((entry) => entry.trim())
    .join(';');
  return checkField('--unmask', fieldSchemas.unmaskingList, list);
}

/**
 * The rules a LUN type puts on the other options (contract/lun-rules.ts, the ones the schemas apply): an
 * automagic type takes no --drives, a simple LUN at most one, raid10 an even number, --stripe-size only for
 * striped and automagic types.
 */
export function checkTypeRules(type: LunType, driveEntries: readonly string[], hints: LunHints): void {
  const hintNames = Object.keys(hints).filter((name) => hints[name as keyof LunHints] !== undefined);
  const problem = lunTypeProblem(type, driveEntries.length, hintNames);
  if (!problem) return;
  const field = problem.path.join('.');
  throw inputError(OPTION_FOR_FIELD[field] ?? field, problem.rule);
}
