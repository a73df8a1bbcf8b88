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
import type { EventHandler } from '../progress-fanout';
import { chooseProvider, describeChoice, type LiveService } from './provider-switch';
import { HRESULT, LunStudioError } from '../../contract/errors';

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
  /** Which providers can load (tests); default process.platform. */
  platform?: NodeJS.Platform;
}

/** How long a provider switch waits for the calls in flight (inventory reads, lookups) before it gives up. */
const SWITCH_WAIT_MS = 30_000;

/** The live owner of this user's state, if any. */
export function findOwner(paths: UserPaths = userPaths()): OwnerRecord | undefined {
  return liveHolder(paths.ownerLock) as OwnerRecord | undefined;
}

export class Owner {
  readonly dispatch: ApiDispatch;
  private closing: Promise<void> | undefined;
  /** On a fatal error the process closes this owner before it exits (crash/crash-handler.ts). */
  private readonly unregisterFatal = onFatalClose(() => this.close(500));
  /** Every shell's event handlers; relayed from the service in use, so they outlive a provider switch. */
  private readonly handlers = new Set<EventHandler>();
  private unrelay: () => void;
  /** Set while a provider switch runs: new calls wait for it. */
  private held: Promise<void> | undefined;
  private inFlight = 0;

  private constructor(
    private live: LiveService,
    readonly record: OwnerRecord,
    readonly paths: UserPaths,
    private control: ControlServer | undefined,
    private readonly releases: (() => void)[],
    dispatch: ApiDispatch,
  ) {
    this.unrelay = this.relay(live.service);
    this.dispatch = async (method, payload, caller) => {
      while (this.held) await this.held;
      this.inFlight += 1;
      try {
        return await dispatch(method, payload, caller);
      } finally {
        this.inFlight -= 1;
      }
    };
  }

  /** The StorageService in use (a provider switch replaces it). */
  get service(): StorageService {
    return this.live.service;
  }

  /** Events of the service in use, now and after a provider switch. */
  subscribe(handler: EventHandler): () => void {
    // Wrapped: the same function subscribed twice gets two deliveries and two independent unsubscribes.
    const entry: EventHandler = (event) => handler(event);
    this.handlers.add(entry);
    return () => this.handlers.delete(entry);
  }

  private relay(service: StorageService): () => void {
    return service.subscribe((event) => {
      // One failing shell must not keep the event from the others.
      for (const handler of [...this.handlers]) {
        try {
          handler(event);
        } catch (error) {
          process.emitWarning(`LUN Studio: an event subscriber threw: ${(error as Error)?.message ?? error}`);
        }
      }
    });
  }

  static async start(options: OwnerOptions): Promise<Owner> {
    const env = options.env ?? process.env;
    const platform = options.platform ?? process.platform;
    const paths = userPaths(env);
    // An explicit --provider, else the user's saved choice (settings/provider-choice.ts), else the default.
    const provider = options.provider ?? readProviderChoice(env, platform) ?? defaultProviderName(platform);
    const statePathOf = (name: ProviderName): string | undefined =>
      name === 'sim' ? resolveSimStatePath(options.simStatePath, env) : undefined;
    const statePath = statePathOf(provider);
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
    let live: LiveService | undefined;
    // The handlers reach the owner (and through it the service in use) once it exists.
    const ref: { owner?: Owner } = {};
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
      const log = options.log ?? openHostLog({ shell: options.shell, env });
      const serviceOptions: StorageServiceOptions = {
        ...options,
        journalPath,
        log,
        warn:
          options.warn ??
          ((message) => {
            log.warn(message);
            process.emitWarning(`LUN Studio: ${message}`);
          }),
      };
      /** The simulator state's own lock (two users or two LUN_STUDIO_HOMEs pointing at one state file), then
       * the StorageService (which takes the journal's lock). */
      const open = async (name: ProviderName): Promise<LiveService> => {
        const simStatePath = statePathOf(name);
        let release = (): void => undefined;
        if (simStatePath) {
          const state = tryLock(`${simStatePath}.lock`, record);
          if ('busy' in state) {
            throw ownerBusyError(
              `The simulator state ${simStatePath}`,
              state.busy,
              'Stop that process, or give this one its own state file (--sim-state).',
            );
          }
          release = state.release;
        }
        try {
          const service = await StorageService.open({ ...serviceOptions, provider: name, simStatePath });
          return { service, provider: name, release };
        } catch (error) {
          release();
          throw error;
        }
      };
      live = await open(provider);
      const switchHost = {
        env,
        platform,
        ...(options.provider ? { commandLine: options.provider } : {}),
        live: () => ref.owner!.live,
        open,
        adopt: (next: LiveService) => ref.owner!.adopt(next, log, statePathOf(next.provider)),
        hold: () => ref.owner!.hold(),
      };
      const handlers: Partial<ApiHandlers> = {
        getProviderChoice: async () => describeChoice(switchHost),
        chooseProvider: ({ provider: chosen }) => chooseProvider(switchHost, chosen),
        ...options.handlers,
      };
      const dispatch = createDispatcher(
        serviceHandlers(() => ref.owner!.service, handlers),
        callerOf(options.shell),
      );
      const self = new Owner(live, record, paths, undefined, releases, dispatch);
      ref.owner = self;
      const secret = randomBytes(32).toString('base64url');
      fs.writeFileSync(paths.controlSecret, secret, { mode: 0o600 });
      self.control = await startControlServer({
        endpoint: paths.controlEndpoint,
        secret,
        dispatch: self.dispatch,
        events: self,
      });
      log.info('owner started', {
        provider,
        statePath,
        journalPath,
        endpoint: paths.controlEndpoint,
        interrupted: live.service.journalReadBack.interrupted.map((op) => op.id),
      });
      return self;
    } catch (error) {
      ref.owner?.unregisterFatal();
      if (live) {
        await live.service.close();
        live.release();
      }
      undo();
      throw error;
    }
  }

  /** A provider switch puts the new service in use: events, the owner record, and every shell's inventory. */
  private async adopt(next: LiveService, log: HostLog, statePath: string | undefined): Promise<void> {
    this.unrelay();
    this.live = next;
    this.unrelay = this.relay(next.service);
    this.record.provider = next.provider;
    if (statePath) this.record.statePath = statePath;
    else delete this.record.statePath;
    fs.writeFileSync(this.paths.ownerLock, JSON.stringify(this.record), { mode: 0o600 });
    log.info('provider in use', { provider: next.provider, statePath });
    // inventoryChanged with the new ProviderInfo reaches every shell.
    await next.service.getInventory({ refresh: true }).catch(() => undefined);
  }

  /** New calls wait until the returned function is called; resolves once the other calls in flight ended
   * (the chooseProvider call that holds is itself in flight). */
  private async hold(): Promise<() => void> {
    if (this.held) throw switchUnderWayError();
    let resume!: () => void;
    this.held = new Promise((resolve) => (resume = resolve));
    const release = (): void => {
      this.held = undefined;
      resume();
    };
    const deadline = Date.now() + SWITCH_WAIT_MS;
    while (this.inFlight > 1) {
      if (Date.now() > deadline) {
        release();
        throw switchUnderWayError();
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return release;
  }

  /** This process's own way in: the same dispatcher and events the control endpoint serves. */
  channel(): ApiChannel {
    return {
      dispatch: (method, payload) => this.dispatch(method, payload),
      subscribe: (handler) => this.subscribe(handler),
      lost: new Promise(() => undefined),
      close: async () => undefined,
    };
  }

  /** Clients of the control endpoint connected now. */
  connections(): number {
    return this.control?.connections() ?? 0;
  }

  /** No other command is connected through the control endpoint (each waits for its own operations). */
  idle(): boolean {
    return this.connections() === 0;
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
        await this.control?.close();
        await this.live.service.close(graceMs);
      } finally {
        this.live.release();
        this.unregisterFatal();
        fs.rmSync(this.paths.controlSecret, { force: true });
        for (const release of this.releases.reverse()) release();
      }
    })();
    return this.closing;
  }
}

function switchUnderWayError(): LunStudioError {
  return new LunStudioError({
    code: 'E_OPERATIONS_RUNNING',
    hresult: HRESULT.ERROR_BUSY,
    message: 'Another provider change, or a call that does not end, is under way.',
    action: 'Wait a moment, then choose again.',
  });
}
