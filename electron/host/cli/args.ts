// Command-line syntax: which options exist, which take a value, which command they apply to.
// Values are returned as typed strings; their meaning is checked by inputs.ts.
import { parseArgs as nodeParseArgs } from 'node:util';
import { inputError } from './cli-error';

export const COMMAND_NAMES = [
  'subsystems',
  'drives',
  'luns',
  'max-size',
  'create-lun',
  'extend-lun',
  'shrink-lun',
  'delete-lun',
  'set-mask',
  'max-extend',
  'lun',
  'recover-lun',
  'identify',
  'hot-spare',
  'replace-drive',
  'sim',
  'operations',
  'status',
  'logs',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type CommandOption =
  | 'type'
  | 'drives'
  | 'stripe-size'
  | 'size'
  | 'unmask'
  | 'count'
  | 'by'
  | 'to'
  | 'yes'
  | 'even-if-unmasked'
  | 'kind'
  | 'state'
  | 'audit'
  | 'follow'
  | 'clear-finished';

export interface OptionSpec {
  takesValue: boolean;
  /** Commands the option applies to; absent = every command (a global option). */
  commands?: readonly CommandName[];
}

const SIZING: readonly CommandName[] = ['max-size', 'create-lun'];
const CREATE: readonly CommandName[] = ['create-lun'];
const RESIZE: readonly CommandName[] = ['extend-lun', 'shrink-lun'];

/** Every option; also the source of the shell completions (completion.ts). */
export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  provider: { takesValue: true },
  'sim-state': { takesValue: true },
  'sim-topology': { takesValue: true },
  json: { takesValue: false },
  help: { takesValue: false },
  version: { takesValue: false },
  type: { takesValue: true, commands: SIZING },
  drives: { takesValue: true, commands: [...SIZING, 'extend-lun', 'max-extend'] },
  'stripe-size': { takesValue: true, commands: SIZING },
  size: { takesValue: true, commands: CREATE },
  unmask: { takesValue: true, commands: [...CREATE, 'set-mask'] },
  count: { takesValue: true, commands: CREATE },
  by: { takesValue: true, commands: RESIZE },
  to: { takesValue: true, commands: RESIZE },
  yes: { takesValue: false, commands: ['shrink-lun', 'delete-lun', 'replace-drive'] },
  'even-if-unmasked': { takesValue: false, commands: ['delete-lun'] },
  kind: { takesValue: true, commands: ['operations'] },
  state: { takesValue: true, commands: ['operations'] },
  audit: { takesValue: false, commands: ['logs'] },
  follow: { takesValue: false, commands: ['logs'] },
  'clear-finished': { takesValue: false, commands: ['operations'] },
};

export const SHORT_ALIASES: Readonly<Record<string, string>> = { '-h': 'help', '-V': 'version' };

/** A positional argument after SUBSYSTEM (and LUN): a drive (id or unique name) or one of a few words. */
export interface OperandSpec {
  /** As the usage and the errors name it: DRIVE, OLD, NEW, on|off. */
  name: string;
  drive?: boolean;
  choices?: readonly string[];
}

export interface CommandRequirements {
  subsystem: boolean;
  lun?: boolean;
  /** A word before SUBSYSTEM that picks what the command does (`sim fail-drive …`). */
  actions?: readonly string[];
  operands?: readonly OperandSpec[];
  required: CommandOption[];
}

const ON_OFF: OperandSpec = { name: 'on|off', choices: ['on', 'off'] };
const DRIVE: OperandSpec = { name: 'DRIVE', drive: true };

/** Commands that act on one subsystem (and on one of its LUNs or drives) and the options they require. */
export const COMMAND_REQUIREMENTS: Readonly<Record<CommandName, CommandRequirements>> = {
  subsystems: { subsystem: false, required: [] },
  drives: { subsystem: true, required: [] },
  luns: { subsystem: true, required: [] },
  'max-size': { subsystem: true, required: ['type'] },
  'create-lun': { subsystem: true, required: ['type', 'size'] },
  'extend-lun': { subsystem: true, lun: true, required: [] },
  'shrink-lun': { subsystem: true, lun: true, required: [] },
  'delete-lun': { subsystem: true, lun: true, required: [] },
  'set-mask': { subsystem: true, lun: true, required: ['unmask'] },
  'max-extend': { subsystem: true, lun: true, required: [] },
  lun: { subsystem: true, lun: true, required: [] },
  'recover-lun': { subsystem: true, lun: true, required: [] },
  identify: { subsystem: true, operands: [DRIVE, ON_OFF], required: [] },
  'hot-spare': { subsystem: true, operands: [DRIVE, ON_OFF], required: [] },
  'replace-drive': {
    subsystem: true,
    operands: [
      { name: 'OLD', drive: true },
      { name: 'NEW', drive: true },
    ],
    required: [],
  },
  sim: { subsystem: true, actions: ['fail-drive', 'restore-drive'], operands: [DRIVE], required: [] },
  operations: { subsystem: false, required: [] },
  status: { subsystem: false, required: [] },
  logs: { subsystem: false, required: [] },
};

export interface GlobalArgs {
  provider?: string;
  simState?: string;
  simTopology?: string;
  json: boolean;
}

/** `lun-studio completion SHELL`: prints a completion script (not a storage command: no provider is opened). */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'powershell'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

export type ParsedArgs =
  | { kind: 'help'; topic?: CommandName }
  | { kind: 'completion'; shell: CompletionShell }
  | { kind: 'version' }
  | {
      kind: 'command';
      command: CommandName;
      global: GlobalArgs;
      subsystem?: string;
      /** The LUN (id or a name unique in the subsystem) of the commands on one LUN. */
      lun?: string;
      /** The word before SUBSYSTEM of a command with actions (`sim fail-drive`). */
      action?: string;
      /** The positionals after SUBSYSTEM (and LUN), in the order of the command's operands. */
      operands?: string[];
      options: Partial<Record<CommandOption, string>>;
    };

export function isCommandName(value: string): value is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(value);
}

/** util.parseArgs's option table, from OPTION_SPECS. Every option is a string to Node (strict: false): the
 * flags' "takes no value" and the "needs a value" rules, and their messages, are ours, read from the tokens. */
const NODE_OPTIONS = Object.fromEntries(
  Object.entries(OPTION_SPECS).map(([name, spec]) => {
    const short = Object.entries(SHORT_ALIASES).find(([, long]) => long === name)?.[0];
    const option: { type: 'string' | 'boolean'; short?: string } = {
      type: spec.takesValue ? 'string' : 'boolean',
    };
    if (short) option.short = short.slice(1);
    return [name, option];
  }),
);

/** Splits argv (without node and script) into command, subsystem and options. Throws a usage CliError. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  // strict: false so an unknown option or a missing value is a token we word ourselves (Node's own messages
  // name neither our field nor our usage); allowNegative: false keeps --no-json an unknown option.
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: NODE_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const spec = OPTION_SPECS[token.name];
    // An unknown option, or a known one written as a short option (-json) or in a group (-hV).
    const isLong = token.rawName.startsWith('--');
    const aliasOk = SHORT_ALIASES[token.rawName] === token.name && argv[token.index] === token.rawName;
    if (!spec || (!isLong && !aliasOk)) {
      throw inputError(unknownLabel(argv, token.index), 'unknown option', { usage: true });
    }
    const name = token.name;
    if (values.has(name)) throw inputError(`--${name}`, 'is given more than once', { usage: true });
    if (!spec.takesValue) {
      if (token.inlineValue) {
        throw inputError(`--${name}`, `takes no value (got "${token.value ?? ''}")`, { usage: true });
      }
      values.set(name, true);
      continue;
    }
    // A value may start with "-" (e.g. --count -1 is a bad count, not a missing one), but not with "--".
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--') && value !== '--')) {
      throw inputError(`--${name}`, 'needs a value', { usage: true });
    }
    values.set(name, value);
  }

  if (values.has('help')) {
    const topic = positionals[0] === 'help' ? positionals[1] : positionals[0];
    return helpFor(topic);
  }
  if (values.has('version')) return { kind: 'version' };

  const [commandText, ...rest] = positionals;
  if (commandText === undefined) throw inputError('COMMAND', 'no command given', { usage: true });
  if (commandText === 'help') {
    if (rest.length > 1) throw inputError('help', `unexpected argument "${rest[1]}"`, { usage: true });
    return helpFor(rest[0]);
  }
  if (commandText === 'completion') return completionFor(rest, values);
  if (!isCommandName(commandText)) {
    throw inputError('COMMAND', `unknown command "${commandText}" (one of: ${COMMAND_NAMES.join(', ')})`, {
      usage: true,
    });
  }
  const command = commandText;
  const requirements = COMMAND_REQUIREMENTS[command];

  const options: Partial<Record<CommandOption, string>> = {};
  for (const [name, value] of values) {
    const spec = OPTION_SPECS[name] as OptionSpec;
    if (!spec.commands) continue;
    if (!spec.commands.includes(command)) {
      throw inputError(`--${name}`, `does not apply to "${command}"`, { usage: true });
    }
    options[name as CommandOption] = value === true ? '' : value; // a flag: present
  }

  let action: string | undefined;
  if (requirements.actions) {
    action = rest.shift();
    const choices = requirements.actions.join(' or ');
    if (action === undefined) {
      throw inputError('ACTION', `"${command}" needs what to do: ${choices}`, { usage: true });
    }
    if (!requirements.actions.includes(action)) {
      throw inputError('ACTION', `"${command} ${action}" is not known (one of: ${choices})`, { usage: true });
    }
  }
  let subsystem: string | undefined;
  if (requirements.subsystem) {
    subsystem = rest.shift();
    if (subsystem === undefined) {
      throw inputError('SUBSYSTEM', `"${command}" needs a SUBSYSTEM (id or name)`, { usage: true });
    }
    if (subsystem.trim() === '') throw inputError('SUBSYSTEM', 'is empty; give a subsystem id or name');
  }
  let lun: string | undefined;
  if (requirements.lun) {
    lun = rest.shift();
    if (lun === undefined) {
      throw inputError('LUN', `"${command}" needs a LUN (id, or a name unique in the subsystem)`, {
        usage: true,
      });
    }
  }
  const operands = (requirements.operands ?? []).map((operand) =>
    operandFrom(rest.shift(), operand, command),
  );
  if (rest.length > 0) {
    throw inputError(rest[0] as string, `is an unexpected argument after "${command}"`, { usage: true });
  }
  for (const required of requirements.required) {
    if (options[required] === undefined) {
      throw inputError(`--${required}`, `is required by "${command}"`, { usage: true });
    }
  }

  const global: GlobalArgs = { json: values.has('json') };
  const provider = values.get('provider');
  if (typeof provider === 'string') global.provider = provider;
  const simState = values.get('sim-state');
  if (typeof simState === 'string') global.simState = simState;
  const simTopology = values.get('sim-topology');
  if (typeof simTopology === 'string') global.simTopology = simTopology;

  const parsed: ParsedArgs = { kind: 'command', command, global, options };
  if (subsystem !== undefined) parsed.subsystem = subsystem;
  if (lun !== undefined) parsed.lun = lun;
  if (action !== undefined) parsed.action = action;
  if (operands.length > 0) parsed.operands = operands;
  return parsed;
}

function operandFrom(value: string | undefined, operand: OperandSpec, command: string): string {
  const what = operand.drive ? 'a drive (id or name)' : operand.choices!.join(' or ');
  if (value === undefined) {
    throw inputError(operand.name, `"${command}" needs ${operand.name}: ${what}`, { usage: true });
  }
  if (operand.drive && value.trim() === '')
    throw inputError(operand.name, 'is empty; give a drive id or name');
  if (operand.choices && !operand.choices.includes(value.trim().toLowerCase())) {
    throw inputError(operand.name, `must be ${what} (got "${value}")`, { usage: true });
  }
  return operand.choices ? value.trim().toLowerCase() : value;
}

/** The option as the user wrote it, without an =value (argv[index] is the token's own argument). */
function unknownLabel(argv: readonly string[], index: number): string {
  const arg = argv[index] as string;
  const equals = arg.indexOf('=');
  return equals === -1 ? arg : arg.slice(0, equals);
}

function helpFor(topic: string | undefined): ParsedArgs {
  if (topic === undefined) return { kind: 'help' };
  if (!isCommandName(topic)) {
    throw inputError(
      'COMMAND',
      `no help for unknown command "${topic}" (one of: ${COMMAND_NAMES.join(', ')})`,
      {
        usage: true,
      },
    );
  }
  return { kind: 'help', topic };
}

function completionFor(rest: readonly string[], values: ReadonlyMap<string, string | true>): ParsedArgs {
  const [shell, extra] = rest;
  const shells = COMPLETION_SHELLS.join(', ');
  if (shell === undefined)
    throw inputError('SHELL', `"completion" needs a shell (one of: ${shells})`, { usage: true });
  if (!(COMPLETION_SHELLS as readonly string[]).includes(shell)) {
    throw inputError('SHELL', `unknown shell "${shell}" (one of: ${shells})`, { usage: true });
  }
  if (extra !== undefined)
    throw inputError(extra, 'is an unexpected argument after "completion"', { usage: true });
  for (const name of values.keys()) {
    throw inputError(`--${name}`, 'does not apply to "completion"', { usage: true });
  }
  return { kind: 'completion', shell: shell as CompletionShell };
}
