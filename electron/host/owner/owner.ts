// The one process per user that owns the provider's state (the desktop app, `serve`, or a lun-studio
// command while no other owner runs). Start order: the per-user owner lock, the simulator state's own lock
// (two users or two LUN_STUDIO_HOMEs pointing at one state file), then the StorageService (which takes the
// journal's lock), then the control endpoint's secret and socket. Any step that fails undoes the ones before.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type { ProviderName } from '../../contract/model';
import { userPaths, type Env, type UserPaths } from '../../contract/user-paths';
import { resolveSimStatePath } from '../../../native/lib/sim-state-file';
import { createDispatcher, serviceHandlers, type ApiDispatch, type ApiHandlers } from '../api-dispatcher';
import { defaultProviderName, StorageService, type StorageServiceOptions } from '../storage-service';
import { startControlServer, type ControlServer } from './control-server';
import type { ApiChannel } from './control-client';
import { liveHolder, tryLock, type LockHolder } from './lock-file';
import { ownerBusyError } from './owner-errors';
import { callerOf, type ShellName } from '../caller';
import { openHostLog, type HostLog } from '../log/host-log';
import { onFatalClose } from '../crash/closers';
import { readProviderChoice } from '../settings/provider-choice';

export type { ShellName } from '../caller';

/** What the owner lock says about its holder: read by `lun-studio status` and by would-be owners. */
export interface OwnerRecord extends LockHolder {
  shell: ShellName;
  endpoint: string;
  provider: ProviderName;
  statePath?: string;
  journalPath: string | false;
}

export interface OwnerOptions extends StorageServiceOptions {
  shell: ShellName;
  env?: Env;
  /** Handlers the shell adds (desktop: openMonitor). */
  handlers?: Partial<ApiHandlers>;
  /** Default: this process's host log (opened here when the shell has not yet). */
  log?: HostLog;
}

/** The live owner of this user's state, if any. */
export function findOwner(paths: UserPaths = userPaths()): OwnerRecord | undefined {
  return liveHolder(paths.ownerLock) as OwnerRecord | undefined;
}

export class Owner {
  readonly dispatch: ApiDispatch;
  private closing: Promise<void> | undefined;
  /** On a fatal error the process closes this owner before it exits (crash/crash-handler.ts). */
  private readonly unregisterFatal = onFatalClose(() => this.close(500));

  private constructor(
    readonly service: StorageService,
    readonly record: OwnerRecord,
    readonly paths: UserPaths,
    private readonly control: ControlServer,
    private readonly releases: (() => void)[],
    dispatch: ApiDispatch,
  ) {
    this.dispatch = dispatch;
  }

  static async start(options: OwnerOptions): Promise<Owner> {
    const env = options.env ?? process.env;
    const paths = userPaths(env);
    // An explicit --provider, else the user's saved choice (settings/provider-choice.ts), else the default.
    const provider = options.provider ?? readProviderChoice(env) ?? defaultProviderName();
    const statePath = provider === 'sim' ? resolveSimStatePath(options.simStatePath, env) : undefined;
    const journalPath = options.journalPath === undefined ? paths.journal : options.journalPath;
    const record: OwnerRecord = {
      pid: process.pid,
      shell: options.shell,
      startedAt: new Date().toISOString(),
      endpoint: paths.controlEndpoint,
      provider,
      journalPath,
      ...(statePath ? { statePath } : {}),
    };
    const releases: (() => void)[] = [];
    const undo = (): void => {
      for (const release of releases.reverse()) release();
    };
    try {
      fs.mkdirSync(paths.runtimeDir, { recursive: true, mode: 0o700 });
      if (process.platform !== 'win32') fs.chmodSync(paths.runtimeDir, 0o700);
      const owner = tryLock(paths.ownerLock, record);
      if ('busy' in owner) {
        throw ownerBusyError(
          'The LUN Studio state of this user',
          owner.busy,
          'Use that one (lun-studio commands go through it by themselves), or stop it first; `lun-studio status` shows it.',
        );
      }
      releases.push(owner.release);
      if (statePath) {
        const state = tryLock(`${statePath}.lock`, record);
        if ('busy' in state) {
          throw ownerBusyError(
            `The simulator state ${statePath}`,
            state.busy,
            'Stop that process, or give this one its own state file (--sim-state).',
          );
        }
        releases.push(state.release);
      }
      const log = options.log ?? openHostLog({ shell: options.shell, env });
      const service = await StorageService.open({
        ...options,
        provider,
        simStatePath: statePath,
        journalPath,
        log,
        warn:
          options.warn ??
          ((message) => {
            log.warn(message);
            process.emitWarning(`LUN Studio: ${message}`);
          }),
      });
      const dispatch = createDispatcher(serviceHandlers(service, options.handlers), callerOf(options.shell));
      const secret = randomBytes(32).toString('base64url');
      fs.writeFileSync(paths.controlSecret, secret, { mode: 0o600 });
      let control: ControlServer;
      try {
        control = await startControlServer({
          endpoint: paths.controlEndpoint,
          secret,
          dispatch,
          events: service,
        });
      } catch (error) {
        await service.close();
        throw error;
      }
      log.info('owner started', {
        provider,
        statePath,
        journalPath,
        endpoint: paths.controlEndpoint,
        interrupted: service.journalReadBack.interrupted.map((op) => op.id),
      });
      return new Owner(service, record, paths, control, releases, dispatch);
    } catch (error) {
      undo();
      throw error;
    }
  }

  /** This process's own way in: the same dispatcher and events the control endpoint serves. */
  channel(): ApiChannel {
    return {
      dispatch: (method, payload) => this.dispatch(method, payload),
      subscribe: (handler) => this.service.subscribe(handler),
      lost: new Promise(() => undefined),
      close: async () => undefined,
    };
  }

  /** Clients of the control endpoint connected now. */
  connections(): number {
    return this.control.connections();
  }

  /** No other command is connected through the control endpoint (each waits for its own operations). */
  idle(): boolean {
    return this.control.connections() === 0;
  }

  /** Resolves once idle() holds (checked every `pollMs`). */
  async whenIdle(pollMs = 100): Promise<void> {
    while (!this.idle()) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  /** Stops the endpoint, closes the service (running operations: canceled or recorded interrupted), then
   * releases the locks. Idempotent. */
  close(graceMs?: number): Promise<void> {
    this.closing ??= (async () => {
      try {
        await this.control.close();
        await this.service.close(graceMs);
      } finally {
        this.unregisterFatal();
        fs.rmSync(this.paths.controlSecret, { force: true });
        for (const release of this.releases.reverse()) release();
      }
    })();
    return this.closing;
  }
}
