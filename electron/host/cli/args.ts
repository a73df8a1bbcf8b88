// Command-line syntax: which options exist, which take a value, which command they apply to.
// Values are returned as typed strings; their meaning is checked by inputs.ts.
import { inputError } from './cli-error';

export const COMMAND_NAMES = ['subsystems', 'drives', 'luns', 'max-size', 'create-lun', 'status'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export type CommandOption = 'type' | 'drives' | 'stripe-size' | 'size' | 'unmask' | 'count';

export interface OptionSpec {
  takesValue: boolean;
  /** Commands the option applies to; absent = every command (a global option). */
  commands?: readonly CommandName[];
}

const SIZING: readonly CommandName[] = ['max-size', 'create-lun'];
const CREATE: readonly CommandName[] = ['create-lun'];

/** Every option; also the source of the shell completions (completion.ts). */
export const OPTION_SPECS: Readonly<Record<string, OptionSpec>> = {
  provider: { takesValue: true },
  'sim-state': { takesValue: true },
  'sim-topology': { takesValue: true },
  json: { takesValue: false },
  help: { takesValue: false },
  version: { takesValue: false },
  type: { takesValue: true, commands: SIZING },
  drives: { takesValue: true, commands: SIZING },
  'stripe-size': { takesValue: true, commands: SIZING },
  size: { takesValue: true, commands: CREATE },
  unmask: { takesValue: true, commands: CREATE },
  count: { takesValue: true, commands: CREATE },
};

export const SHORT_ALIASES: Readonly<Record<string, string>> = { '-h': 'help', '-V': 'version' };

/** Commands that act on one subsystem and the options they require. */
export const COMMAND_REQUIREMENTS: Readonly<
  Record<CommandName, { subsystem: boolean; required: CommandOption[] }>
> = {
  subsystems: { subsystem: false, required: [] },
  drives: { subsystem: true, required: [] },
  luns: { subsystem: true, required: [] },
  'max-size': { subsystem: true, required: ['type'] },
  'create-lun': { subsystem: true, required: ['type', 'size'] },
  status: { subsystem: false, required: [] },
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
      options: Partial<Record<CommandOption, string>>;
    };

export function isCommandName(value: string): value is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(value);
}

/** Splits argv (without node and script) into command, subsystem and options. Throws a usage CliError. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  let onlyPositionals = false;

  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const { name, inlineValue } = splitOption(arg);
    const spec = OPTION_SPECS[name];
    if (!spec) throw inputError(optionLabel(arg), 'unknown option', { usage: true });
    if (values.has(name)) throw inputError(`--${name}`, 'is given more than once', { usage: true });
    if (!spec.takesValue) {
      if (inlineValue !== undefined) {
        throw inputError(`--${name}`, `takes no value (got "${inlineValue}")`, { usage: true });
      }
      values.set(name, true);
      continue;
    }
    if (inlineValue !== undefined) {
      values.set(name, inlineValue);
      continue;
    }
    const next = argv[i + 1];
    // A value may start with "-" (e.g. --count -1 is a bad count, not a missing one), but not with "--".
    if (next === undefined || (next.startsWith('--') && next !== '--')) {
      throw inputError(`--${name}`, 'needs a value', { usage: true });
    }
    values.set(name, next);
    i += 1;
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
    options[name as CommandOption] = value as string;
  }

  let subsystem: string | undefined;
  if (requirements.subsystem) {
    subsystem = rest.shift();
    if (subsystem === undefined) {
      throw inputError('SUBSYSTEM', `"${command}" needs a SUBSYSTEM (id or name)`, { usage: true });
    }
    if (subsystem.trim() === '') throw inputError('SUBSYSTEM', 'is empty; give a subsystem id or name');
  }
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
  return parsed;
}

function splitOption(arg: string): { name: string; inlineValue?: string } {
  const alias = SHORT_ALIASES[arg];
  if (alias) return { name: alias };
  if (!arg.startsWith('--')) return { name: `\0${arg}` }; // an unknown short option
  const body = arg.slice(2);
  const equals = body.indexOf('=');
  if (equals === -1) return { name: body };
  return { name: body.slice(0, equals), inlineValue: body.slice(equals + 1) };
}

function optionLabel(arg: string): string {
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
