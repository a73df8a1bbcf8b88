// lun-studio: the command line over the storage provider facade. `run` is the whole program, minus the process.
import * as path from 'node:path';
import type { OpenProviderOptions } from '../../../native/lib/types';
import { parseArgs, type ParsedArgs } from './args';
import { EXIT, exitCodeFor, formatErrorLines, inputError, type ExitCode } from './cli-error';
import type { CliIo } from './cli-io';
import type { CommandContext } from './command-context';
import { checkCreateLunOptions, createLunCommand } from './commands/create-lun';
import { listDrivesCommand } from './commands/drives';
import { listLunsCommand } from './commands/luns';
import { maxSizeCommand } from './commands/max-size';
import { checkSizingOptions } from './commands/sizing-request';
import { listSubsystemsCommand } from './commands/subsystems';
import { completionScript } from './completion';
import { usageText } from './help';
import { parseProviderName } from './inputs';
import { openSession } from './session';
import { statusCommand } from './commands/status';
import { logsCommand } from './commands/logs';
import { deleteLunCommand } from './commands/delete-lun';
import { extendLunCommand } from './commands/extend-lun';
import {
  deleteRequestFrom,
  extendRequestFrom,
  maxExtendRequestFrom,
  setMaskRequestFrom,
  shrinkRequestFrom,
} from './commands/lun-request';
import { maxExtendCommand } from './commands/max-extend';
import { clearFinishedCommand, operationsCommand } from './commands/operations';
import { setMaskCommand } from './commands/set-mask';
import { shrinkLunCommand } from './commands/shrink-lun';
import { lunDetailsCommand } from './commands/lun-details';
import { recoverLunCommand } from './commands/recover-lun';
import { identifyCommand } from './commands/identify';
import { hotSpareCommand } from './commands/hot-spare';
import { replaceDriveCommand } from './commands/replace-drive';
import { notOnVds, simCommand, type SimAction } from './commands/sim';
import type { ListOperationsFilter } from '../../contract/api';
import { parseOperationKind, parseOperationState } from './inputs';
import { packageVersion } from './version';
import { openHostLog } from '../log/host-log';

export type { CliIo } from './cli-io';

type CommandArgs = Extract<ParsedArgs, { kind: 'command' }>;

export async function run(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    const parsed = parseArgs(argv);
    if (parsed.kind === 'help') {
      io.stdout.write(`${usageText(parsed.topic)}\n`);
      return EXIT.ok;
    }
    if (parsed.kind === 'completion') {
      io.stdout.write(completionScript(parsed.shell));
      return EXIT.ok;
    }
    if (parsed.kind === 'version') {
      io.stdout.write(`lun-studio ${packageVersion()}\n`);
      return EXIT.ok;
    }
    const log = openHostLog({ shell: 'cli', env: io.env });
    log.info('command', { command: parsed.command });
    const code = await runCommand(parsed, io).catch((error: unknown) => {
      log.error(`command ${parsed.command} failed`, error);
      throw error;
    });
    if (code !== EXIT.ok) log.warn(`command ${parsed.command} exited ${code}`);
    return code;
  } catch (error) {
    for (const line of formatErrorLines(error)) io.stderr.write(`${line}\n`);
    return exitCodeFor(error);
  }
}

async function runCommand(args: CommandArgs, io: CliIo): Promise<ExitCode> {
  const now = io.now ?? Date.now;
  if (args.command === 'status') return statusCommand({ io, json: args.global.json, now });
  if (args.command === 'logs') {
    const { audit, follow } = args.options;
    return logsCommand(io, { audit: audit !== undefined, follow: follow !== undefined });
  }
  const options = providerOptions(args, io);
  // Bad values fail before the provider is opened: nothing is read, nothing changes.
  if (args.command === 'max-size') checkSizingOptions(args.options);
  if (args.command === 'create-lun') checkCreateLunOptions(args.options);
  if (args.command === 'sim' && options.provider === 'vds') throw notOnVds(args.action as SimAction);
  const prepared = prepare(args);

  const session = await openSession({ options, explicitProvider: args.global.provider !== undefined }, io);
  const ctx: CommandContext = { io, provider: session.provider, json: args.global.json, now };
  try {
    return await (prepared ? prepared(ctx) : dispatch(ctx, args));
  } finally {
    await session.close().catch(() => undefined);
  }
}

function dispatch(ctx: CommandContext, args: CommandArgs): Promise<ExitCode> {
  const subsystem = args.subsystem ?? '';
  switch (args.command) {
    case 'subsystems':
      return listSubsystemsCommand(ctx);
    case 'drives':
      return listDrivesCommand(ctx, subsystem);
    case 'luns':
      return listLunsCommand(ctx, subsystem);
    case 'max-size':
      return maxSizeCommand(ctx, subsystem, args.options);
    case 'create-lun':
      return createLunCommand(ctx, subsystem, args.options);
    case 'status':
      return Promise.resolve(statusCommand(ctx));
    case 'logs':
      return logsCommand(ctx.io, { audit: false, follow: false });
    default:
      throw new Error(`${args.command} runs through prepare()`);
  }
}

/** The commands on one LUN or drive, `sim` and `operations`: their request, checked with the contract's schemas before the
 * provider is opened, and the run that takes it. */
function prepare(args: CommandArgs): ((ctx: CommandContext) => Promise<ExitCode>) | undefined {
  const subsystem = args.subsystem ?? '';
  const lun = args.lun ?? '';
  const operands = args.operands ?? [];
  const { options } = args;
  const yes = options.yes !== undefined;
  switch (args.command) {
    case 'extend-lun': {
      const request = extendRequestFrom(subsystem, lun, options);
      return (ctx) => extendLunCommand(ctx, subsystem, lun, request);
    }
    case 'shrink-lun': {
      const request = shrinkRequestFrom(subsystem, lun, options);
      return (ctx) => shrinkLunCommand(ctx, subsystem, lun, request, yes);
    }
    case 'delete-lun': {
      const request = deleteRequestFrom(subsystem, lun, options);
      return (ctx) => deleteLunCommand(ctx, subsystem, lun, request, yes);
    }
    case 'set-mask': {
      const request = setMaskRequestFrom(subsystem, lun, options);
      return (ctx) => setMaskCommand(ctx, subsystem, lun, request);
    }
    case 'max-extend': {
      const request = maxExtendRequestFrom(subsystem, lun, options);
      return (ctx) => maxExtendCommand(ctx, subsystem, lun, request);
    }
    case 'lun':
      return (ctx) => lunDetailsCommand(ctx, subsystem, lun);
    case 'recover-lun':
      return (ctx) => recoverLunCommand(ctx, subsystem, lun);
    case 'identify':
      return (ctx) => identifyCommand(ctx, subsystem, operands[0]!, operands[1] === 'on');
    case 'hot-spare':
      return (ctx) => hotSpareCommand(ctx, subsystem, operands[0]!, operands[1] === 'on');
    case 'replace-drive':
      return (ctx) => replaceDriveCommand(ctx, subsystem, operands[0]!, operands[1]!, yes);
    case 'sim':
      return (ctx) => simCommand(ctx, args.action as SimAction, subsystem, operands[0]!);
    case 'operations': {
      if (options['clear-finished'] !== undefined) {
        for (const option of ['kind', 'state'] as const) {
          if (options[option] !== undefined)
            throw inputError(`--${option}`, 'cannot be combined with --clear-finished', { usage: true });
        }
        return (ctx) => clearFinishedCommand(ctx);
      }
      const filter: ListOperationsFilter = {};
      if (options.kind !== undefined) filter.kind = parseOperationKind(options.kind);
      if (options.state !== undefined) filter.state = parseOperationState(options.state);
      return (ctx) => operationsCommand(ctx, filter);
    }
    default:
      return undefined;
  }
}

function providerOptions(args: CommandArgs, io: CliIo): OpenProviderOptions {
  const provider = parseProviderName(args.global.provider, io.platform);
  const { simState, simTopology } = args.global;
  if (provider === 'vds') {
    if (simState !== undefined)
      throw inputError('--sim-state', 'applies only to --provider sim', { usage: true });
    if (simTopology !== undefined) {
      throw inputError('--sim-topology', 'applies only to --provider sim', { usage: true });
    }
    return { provider };
  }
  const options: OpenProviderOptions = { provider };
  const statePath = nonEmpty(simState, '--sim-state') ?? io.env.LUN_STUDIO_SIM_STATE;
  const topologyPath = nonEmpty(simTopology, '--sim-topology') ?? io.env.LUN_STUDIO_SIM_TOPOLOGY;
  if (statePath) options.simStatePath = path.resolve(io.cwd, statePath);
  if (topologyPath) options.simTopologyPath = path.resolve(io.cwd, topologyPath);
  return options;
}

function nonEmpty(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && value.trim() === '')
    throw inputError(option, 'needs a file path', { usage: true });
  return value;
}
