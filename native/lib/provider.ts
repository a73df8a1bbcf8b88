// The StorageProvider facade over one RawProvider: validation and name resolution before the addon,
// LunStudioError on every rejection, sim state persistence after operations.
import { HRESULT, invalidInput } from '../../electron/contract/errors';
import type {
  CreateLunRequest,
  Drive,
  Lun,
  MaxLunSizeRequest,
  ProviderName,
  Subsystem,
} from '../../electron/contract/model';
import { runCreateLun } from './create-lun';
import { errorFromHresult, hresultDescriber, toLunStudioError, type HresultDescriber } from './hresults';
import type { RawAddon, RawProvider } from './raw-addon';
import { requireReference, resolveSubsystem } from './resolve';
import { loadOrCreateSimState, resolveSimStatePath, resolveTopologyPath } from './sim-state-file';
import { SimPersistence } from './sim-persistence';
import type { CreateLunOptions, OpenProviderOptions, StorageProvider } from './types';
import {
  checkCreateLunRequest,
  checkMaxSizeRequest,
  resolveAgainstSubsystem,
  resolveCreateAgainstSubsystem,
  type CheckedRequest,
} from './validate';

export const DEFAULT_POLL_INTERVAL_MS = 250;
const VDS_E_OBJECT_DELETED = HRESULT.VDS_E_OBJECT_DELETED;

function checkOptions(options: OpenProviderOptions): { name: ProviderName; pollIntervalMs: number } {
  if (typeof options !== 'object' || options === null) throw invalidInput('options', 'must be an object');
  if (options.provider !== 'sim' && options.provider !== 'vds')
    throw invalidInput('provider', 'must be "sim" or "vds"');
  const poll = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  if (!Number.isInteger(poll) || poll < 1 || poll > 60_000) {
    throw invalidInput('pollIntervalMs', 'must be a whole number of milliseconds from 1 to 60000');
  }
  return { name: options.provider, pollIntervalMs: poll };
}

class FacadeProvider implements StorageProvider {
  private closed = false;

  constructor(
    readonly name: ProviderName,
    private readonly raw: RawProvider,
    private readonly describe: HresultDescriber,
    private readonly persistence: SimPersistence | undefined,
  ) {
    if (persistence) this.createdLuns = (ids) => this.call(() => this.lunsCreatedBy(ids));
  }

  private async lunsCreatedBy(operationIds: readonly string[]): Promise<Map<string, Lun>> {
    const wanted = new Set(operationIds);
    const found = new Map<string, Lun>();
    for (const subsystem of this.raw.exportState().subsystems) {
      const tagged = subsystem.luns.filter((lun) => lun.operationId && wanted.has(lun.operationId));
      if (tagged.length === 0) continue;
      const luns = new Map((await this.raw.listLuns(subsystem.id)).map((lun) => [lun.id, lun]));
      for (const simLun of tagged) {
        const lun = luns.get(simLun.id);
        if (lun) found.set(simLun.operationId!, lun);
      }
    }
    return found;
  }

  get statePath(): string | undefined {
    return this.persistence?.file;
  }

  private async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) {
      throw errorFromHresult(
        this.describe,
        VDS_E_OBJECT_DELETED,
        'This storage provider was closed; open it again.',
      );
    }
    try {
      return await work();
    } catch (error) {
      throw toLunStudioError(error, this.describe);
    }
  }

  private async subsystem(ref: unknown, field = 'subsystemId'): Promise<Subsystem> {
    const checked = requireReference(field, ref, 'subsystem');
    return resolveSubsystem(await this.raw.listSubsystems(), checked, field);
  }

  /** Drives are read only when the request names some. */
  private async context(checked: CheckedRequest): Promise<{ subsystem: Subsystem; drives: Drive[] }> {
    const subsystem = await this.subsystem(checked.subsystemRef);
    const drives = checked.driveRefs.length > 0 ? await this.raw.listDrives(subsystem.id) : [];
    return { subsystem, drives };
  }

  listSubsystems(): Promise<Subsystem[]> {
    return this.call(() => this.raw.listSubsystems());
  }

  listDrives(subsystem: string): Promise<Drive[]> {
    return this.call(async () => this.raw.listDrives((await this.subsystem(subsystem, 'subsystem')).id));
  }

  listLuns(subsystem: string): Promise<Lun[]> {
    return this.call(async () => this.raw.listLuns((await this.subsystem(subsystem, 'subsystem')).id));
  }

  maxLunSize(request: MaxLunSizeRequest): Promise<number> {
    return this.call(async () => {
      const checked = checkMaxSizeRequest(request);
      const { subsystem, drives } = await this.context(checked);
      return this.raw.maxLunSize(resolveAgainstSubsystem(checked, subsystem, drives));
    });
  }

  createLun(request: CreateLunRequest, options: CreateLunOptions = {}): Promise<Lun> {
    return this.call(async () => {
      if (options.signal?.aborted) {
        throw errorFromHresult(
          this.describe,
          HRESULT.VDS_E_OPERATION_CANCELED,
          'Canceled before the LUN creation started.',
        );
      }
      const checked = checkCreateLunRequest(request);
      const { subsystem, drives } = await this.context(checked);
      const rawRequest = resolveCreateAgainstSubsystem(checked, subsystem, drives);
      if (options.operationId !== undefined) rawRequest.operationId = options.operationId;
      const persist = this.persistence
        ? (rollback?: () => void) => this.persistence!.persist(rollback)
        : () => Promise.resolve();
      return runCreateLun({ raw: this.raw, describe: this.describe, persist }, rawRequest, options);
    });
  }

  /** sim: the simulator keeps each LUN's creating operation id in its state (absent on VDS: see the class). */
  readonly createdLuns?: (operationIds: readonly string[]) => Promise<Map<string, Lun>>;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.persistence) await this.persistence.closeWith(() => this.raw.close());
    else this.raw.close();
  }
}

/** Opens a provider over a given addon (the real one from loadAddon(), or a test double). */
export async function openProviderWithAddon(
  addon: RawAddon,
  options: OpenProviderOptions,
): Promise<StorageProvider> {
  const { name, pollIntervalMs } = checkOptions(options);
  const describe = hresultDescriber(addon.hresultTable());
  if (name === 'vds') {
    try {
      const config =
        options.vdsReadyTimeoutMs === undefined ? {} : { readyTimeoutMs: options.vdsReadyTimeoutMs };
      const raw = await addon.openProvider('vds', config, pollIntervalMs);
      return new FacadeProvider('vds', raw, describe, undefined);
    } catch (error) {
      throw toLunStudioError(error, describe);
    }
  }
  const statePath = resolveSimStatePath(options.simStatePath);
  const { state } = await loadOrCreateSimState(statePath, resolveTopologyPath(options.simTopologyPath));
  let raw: RawProvider;
  try {
    raw = await addon.openProvider('sim', state, pollIntervalMs);
  } catch (error) {
    const cause = toLunStudioError(error, describe);
    throw errorFromHresult(
      describe,
      cause.hresult,
      `The simulator rejected the state file ${statePath}: ${cause.message}`,
    );
  }
  return new FacadeProvider('sim', raw, describe, new SimPersistence(raw, statePath));
}
