// Where a lun-studio command's requests go: to the running owner of this user's state over its control
// endpoint (the desktop app, `serve`, or another lun-studio command), or — when none runs — to an owner
// this command becomes for its duration (the same host code). Either way the command sees a StorageProvider (an OwnerProvider)
// (owner/api-provider.ts), and its creations go through the owner's queue and journal.
import * as fs from 'node:fs';
import type { OpenProviderOptions } from '../../../native/lib/types';
import { userPaths, type UserPaths } from '../../contract/user-paths';
import { ApiProvider, type OwnerProvider } from '../owner/api-provider';
import { connectControl } from '../owner/control-client';
import { describeHolder, ownerBusyError } from '../owner/owner-errors';
import { findOwner, Owner, type OwnerRecord } from '../owner/owner';
import type { CliIo } from './cli-io';

export interface CliSession {
  provider: OwnerProvider;
  /** Ends the command's use of the state; an owning command first waits for the commands it serves. */
  close(): Promise<void>;
}

/** What the user asked for explicitly (flags or LUN_STUDIO_* variables), to compare with a running owner. */
export interface RequestedProvider {
  options: OpenProviderOptions;
  explicitProvider: boolean;
}

/** How long to wait for an owner that is starting or stopping to answer (or to let go of the lock). */
const SETTLE_MS = 15_000;
const RETRY_MS = 100;

export async function openSession(requested: RequestedProvider, io: CliIo): Promise<CliSession> {
  const paths = userPaths(io.env);
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const running = findOwner(paths);
    if (running && running.pid !== process.pid) {
      checkCompatible(running, requested);
      const session = await tryConnect(running, paths);
      if (session) return session;
    } else {
      const owned = await tryToOwn(requested, io);
      if (owned) return owned;
    }
    if (Date.now() > deadline) {
      const holder = findOwner(paths);
      if (!holder) continue; // let go just now: own it on the next turn
      throw ownerBusyError(
        'The LUN Studio state of this user',
        holder,
        `It did not answer on ${holder.endpoint} within ${SETTLE_MS / 1000} s; wait for it or stop it (pid ${holder.pid}).`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

function checkCompatible(owner: OwnerRecord, requested: RequestedProvider): void {
  const { options } = requested;
  const wrongProvider = requested.explicitProvider && options.provider !== owner.provider;
  const wrongState =
    options.provider === 'sim' &&
    options.simStatePath !== undefined &&
    options.simStatePath !== owner.statePath;
  if (!wrongProvider && !wrongState) return;
  const theirs = owner.provider === 'sim' ? `the simulator state ${owner.statePath}` : 'the VDS provider';
  throw ownerBusyError(
    `This user's LUN Studio state (${theirs})`,
    owner,
    `This command asked for ${wrongState ? `the state ${options.simStatePath}` : `--provider ${options.provider}`}. ` +
      `Run it without ${wrongState ? '--sim-state / LUN_STUDIO_SIM_STATE' : '--provider'} to use ${describeHolder(owner)}, ` +
      'stop that process first, or run this command with its own LUN_STUDIO_HOME.',
  );
}

async function tryConnect(owner: OwnerRecord, paths: UserPaths): Promise<CliSession | undefined> {
  let secret: string;
  try {
    secret = fs.readFileSync(paths.controlSecret, 'utf8').trim();
  } catch {
    return undefined; // not written yet (starting) or removed (stopping)
  }
  try {
    const channel = await connectControl(owner.endpoint, secret);
    const provider = await ApiProvider.open(channel);
    return { provider, close: () => provider.close() };
  } catch {
    return undefined;
  }
}

async function tryToOwn(requested: RequestedProvider, io: CliIo): Promise<CliSession | undefined> {
  let owner: Owner;
  try {
    owner = await Owner.start({
      shell: 'cli',
      env: io.env,
      ...requested.options,
      ...(io.openProvider ? { openProvider: io.openProvider } : {}),
    });
  } catch (error) {
    // Another process became the owner between our look and our try: go through it instead.
    if ((error as { code?: string }).code === 'E_OWNER_BUSY' && findOwner(userPaths(io.env)))
      return undefined;
    throw error;
  }
  const provider = await ApiProvider.open(owner.channel()).catch(async (error: unknown) => {
    await owner.close();
    throw error;
  });
  return {
    provider,
    close: async () => {
      await provider.close();
      await serveUntilIdle(owner, io);
      await owner.close();
    },
  };
}

/** Commands that came in through this one's endpoint finish before it lets go of the state. */
async function serveUntilIdle(owner: Owner, io: CliIo): Promise<void> {
  if (owner.idle()) return;
  io.stderr.write(
    'Other lun-studio commands are running through this one: waiting for them to finish ' +
      '(Ctrl-C twice stops them).\n',
  );
  let presses = 0;
  const stopped = new Promise<void>((resolve) => {
    const unsubscribe = io.onInterrupt(() => {
      presses += 1;
      if (presses === 1) {
        io.stderr.write('Their operations would be canceled: press Ctrl-C again to stop anyway.\n');
      } else {
        unsubscribe();
        resolve();
      }
    });
    void owner.whenIdle().then(() => {
      unsubscribe();
      resolve();
    });
  });
  await stopped;
}
