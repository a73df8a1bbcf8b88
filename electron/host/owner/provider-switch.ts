// Choosing the provider (simulator or VDS) while the owner runs. Refused while any operation is queued or
// running, and for a provider that cannot load here. The choice is saved per user (settings/provider-choice.ts);
// when it differs from the one in use, the StorageService is closed and one on the new provider opened under the
// same owner. If that fails, the old one is opened again (its operations come back from the journal: nothing
// lost) and the error is reported. An owner started with an explicit --provider keeps it until it is restarted:
// the command line is what the admin asked for this process (a script or a shortcut); the choice is saved
// for the next start without --provider, and the answer says so.
import type { ProviderChoice } from '../../contract/api';
import { HRESULT, LunStudioError } from '../../contract/errors';
import type { ApiErrorShape, Operation, ProviderName } from '../../contract/model';
import type { Env } from '../../contract/user-paths';
import { toErrorShape } from '../error-shape';
import {
  providerOptions,
  readProviderChoice,
  saveProviderChoice,
  unavailableReason,
} from '../settings/provider-choice';
import { providerLabel, type StorageService } from '../storage-service';

/** A StorageService in use and what was taken for it. */
export interface LiveService {
  service: StorageService;
  provider: ProviderName;
  /** Releases what opening it took (the simulator state's lock); called after the service is closed. */
  release(): void;
}

/** What the owner lends the switch. */
export interface ProviderSwitchHost {
  env: Env;
  platform: NodeJS.Platform;
  /** The provider an explicit --provider gave this owner. */
  commandLine?: ProviderName;
  live(): LiveService;
  /** Opens a service on `provider`; when it throws, nothing it took is still held. */
  open(provider: ProviderName): Promise<LiveService>;
  /** Puts `next` in use: the dispatcher and every shell's events go to it from now on. */
  adopt(next: LiveService): Promise<void>;
  /** Holds new calls; resolves once the calls already in flight have ended, to the function that lets them go. */
  hold(): Promise<() => void>;
}

export function describeChoice(host: ProviderSwitchHost): ProviderChoice {
  const choice: ProviderChoice = {
    current: { ...host.live().service.info },
    options: providerOptions(host.platform),
  };
  const saved = readProviderChoice(host.env, host.platform);
  if (saved) choice.saved = saved;
  if (host.commandLine) choice.commandLine = host.commandLine;
  return choice;
}

function activeOperations(service: StorageService): Operation[] {
  return service.listOperations().filter((op) => op.state === 'queued' || op.state === 'running');
}

export function operationsRunningError(active: readonly Operation[]): LunStudioError {
  const byKind = new Map<string, number>();
  for (const op of active) byKind.set(op.kind, (byKind.get(op.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ');
  const count = active.length === 1 ? '1 operation is' : `${active.length} operations are`;
  return new LunStudioError({
    code: 'E_OPERATIONS_RUNNING',
    hresult: HRESULT.ERROR_BUSY,
    message: `${count} queued or running (${kinds}): the provider cannot be changed while they run.`,
    action:
      'Wait for them to finish or cancel them (progress monitor, or lun-studio cancel), then choose again.',
  });
}

function unavailableError(provider: ProviderName, reason: string): LunStudioError {
  return new LunStudioError({
    code: 'E_PROVIDER_UNAVAILABLE',
    hresult: HRESULT.E_INVALIDARG,
    message: reason,
    action: `Choose a provider that can load here; ${providerLabel(provider)} is available on Windows only.`,
    field: 'provider',
  });
}

/** The new provider failed to open; the old one is in use again. */
function switchFailedError(to: ProviderName, back: ProviderName, cause: ApiErrorShape): LunStudioError {
  return new LunStudioError({
    code: cause.code,
    hresult: cause.hresult,
    message: `Could not switch to the ${providerLabel(to)}: ${cause.message} The ${providerLabel(back)} is in use again; nothing was changed.`,
    action: cause.action ?? 'Check that the provider can start here, then choose it again.',
  });
}

/** Neither the new provider nor the old one would open: nothing is in use until a restart. */
function switchLostError(to: ApiErrorShape, back: ApiErrorShape): LunStudioError {
  return new LunStudioError({
    code: back.code,
    hresult: back.hresult,
    message: `Could not switch provider (${to.message}), and the previous one would not open again (${back.message}).`,
    action: 'Restart LUN Studio; the operation journal keeps every operation.',
  });
}

async function switchTo(host: ProviderSwitchHost, provider: ProviderName): Promise<void> {
  const old = host.live();
  await old.service.close();
  old.release();
  let next: LiveService;
  try {
    next = await host.open(provider);
  } catch (error) {
    const cause = toErrorShape(error);
    let back: LiveService;
    try {
      back = await host.open(old.provider);
    } catch (reopenError) {
      throw switchLostError(cause, toErrorShape(reopenError));
    }
    await host.adopt(back);
    throw switchFailedError(provider, old.provider, cause);
  }
  await host.adopt(next);
}

/** The chooseProvider method of the owner's dispatcher. */
export async function chooseProvider(
  host: ProviderSwitchHost,
  provider: ProviderName,
): Promise<ProviderChoice> {
  const reason = unavailableReason(provider, host.platform);
  if (reason) throw unavailableError(provider, reason);
  const refuseWhileBusy = (): void => {
    const active = activeOperations(host.live().service);
    if (active.length > 0) throw operationsRunningError(active);
  };
  refuseWhileBusy();
  if (host.commandLine || provider === host.live().provider) {
    saveProviderChoice(provider, host.env, host.platform);
    return describeChoice(host);
  }
  const resume = await host.hold();
  try {
    refuseWhileBusy(); // a call in flight may have queued one
    await switchTo(host, provider);
    saveProviderChoice(provider, host.env, host.platform);
  } finally {
    resume();
  }
  return describeChoice(host);
}
