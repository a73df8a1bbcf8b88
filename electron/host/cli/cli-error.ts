// Errors the command line reports, and the exit code each one means.
import { HRESULT, LunStudioError } from '../../contract/errors';
import { formatHresult, type ApiErrorShape } from '../../contract/model';

export const EXIT = { ok: 0, failed: 1, usage: 2, canceled: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Bad input caught by the command line itself: always exit 2, naming the option or argument. */
export class CliInputError extends LunStudioError {
  /** A syntax problem: the message is followed by a pointer to `lun-studio --help`. */
  readonly usage: boolean;

  constructor(shape: ApiErrorShape, usage: boolean) {
    super(shape);
    this.name = 'CliInputError';
    this.usage = usage;
  }
}

export interface InputErrorOptions {
  usage?: boolean;
  /** Defaults to E_INVALIDARG. */
  code?: keyof typeof HRESULT;
}

/** `field: rule` as an E_INVALIDARG (or the given code) that exits 2. */
export function inputError(field: string, rule: string, options: InputErrorOptions = {}): CliInputError {
  const code = options.code ?? 'E_INVALIDARG';
  return new CliInputError(
    { code, hresult: HRESULT[code], message: `${field}: ${rule}`, field },
    options.usage ?? false,
  );
}

/** Any thrown value as the error shape the CLI prints. */
export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof LunStudioError) return error.toJSON();
  if (typeof error === 'object' && error !== null) {
    const fields = error as Partial<ApiErrorShape>;
    if (
      typeof fields.code === 'string' &&
      typeof fields.hresult === 'number' &&
      typeof fields.message === 'string'
    ) {
      const shape: ApiErrorShape = {
        code: fields.code,
        hresult: fields.hresult >>> 0,
        message: fields.message,
      };
      if (typeof fields.action === 'string' && fields.action) shape.action = fields.action;
      if (typeof fields.field === 'string' && fields.field) shape.field = fields.field;
      return shape;
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'E_UNEXPECTED', hresult: HRESULT.E_UNEXPECTED, message: `Unexpected failure: ${detail}` };
}

/** Refusals that a flag the user left out would have avoided (like a destructive command without --yes). */
const USAGE_CODES: readonly string[] = ['E_INVALIDARG', 'E_LUN_UNMASKED'];

/** 2 for invalid input (ours or the facade's E_INVALIDARG) and a missing confirmation, 1 for everything the
 * provider refused or failed. */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliInputError) return EXIT.usage;
  return USAGE_CODES.includes(toErrorShape(error).code) ? EXIT.usage : EXIT.failed;
}

/** The command-line option behind a facade request field ("driveIds[2]" → "--drives"). */
const OPTION_FOR_FIELD: ReadonlyArray<[RegExp, string]> = [
  [/^(subsystemId|subsystem)$/, 'SUBSYSTEM'],
  [/^type$/, '--type'],
  [/^sizeBytes$/, '--size'],
  [/^driveIds(\[\d+\])?$/, '--drives'],
  [/^hints\.stripeSizeBytes$/, '--stripe-size'],
  [/^unmaskingList$/, '--unmask'],
  [/^lunId$/, 'LUN'],
  [/^(bytesToAdd|bytesToRemove)$/, '--by'],
  [/^(newSizeBytes|useMaximum)$/, '--to'],
  [/^confirmUnmasked$/, '--even-if-unmasked'],
  [/^simStatePath$/, '--sim-state'],
  [/^simTopologyPath$/, '--sim-topology'],
];

export function optionForField(field: string): string | undefined {
  return OPTION_FOR_FIELD.find(([pattern]) => pattern.test(field))?.[1];
}

/** The message, led by the option at fault when the facade named a request field the user knows as an option. */
function messageNamingOption(shape: ApiErrorShape): string {
  const option = shape.field === undefined ? undefined : optionForField(shape.field);
  if (option === undefined || shape.message.startsWith(option)) return shape.message;
  return `${option}: ${shape.message}`;
}

/** `error: MESSAGE (CODE 0xHRESULT)`, then the action and the help pointer when there are any. */
export function formatErrorLines(error: unknown): string[] {
  const shape = toErrorShape(error);
  const lines = [`error: ${messageNamingOption(shape)} (${shape.code} ${formatHresult(shape.hresult)})`];
  if (shape.action) lines.push(`hint: ${shape.action}`);
  if (error instanceof CliInputError && error.usage) lines.push('Run `lun-studio --help` for usage.');
  return lines;
}
