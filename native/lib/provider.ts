// The StorageProvider facade over one RawProvider: validation and name resolution before the addon,
// LunStudioError on every rejection, sim state persistence after operations.
import { HRESULT, invalidInput } from '../../electron/contract/errors';
import type {
  CreateLunRequest,
  DeleteLunRequest,
  Drive,
  DriveExtent,
  DriveRef,
  ExtendLunRequest,
  IdentifyDriveRequest,
  Lun,
  LunDetails,
  LunIdentificationData,
  LunRef,
  MaxLunExtendRequest,
  MaxLunSizeRequest,
  ProviderName,
  RecoverLunRequest,
  ReplaceDriveRequest,
  SetHotSpareRequest,
  SetLunMaskRequest,
  ShrinkLunRequest,
  Subsystem,
} from '../../electron/contract/model';
import {
  deleteLunRequestSchema,
  driveRefSchema,
  extendLunRequestSchema,
  identifyDriveRequestSchema,
  lunDetailsRequestSchema,
  maxLunExtendRequestSchema,
  recoverLunRequestSchema,
  replaceDriveRequestSchema,
  setHotSpareRequestSchema,
  setLunMaskRequestSchema,
  shrinkLunRequestSchema,
} from '../../electron/contract/schemas';
import {
  canceledError,
  persistOrUndo,
  rereadLun,
  runAsyncOperation,
  type AsyncOperationSpec,
  type OperationContext,
} from './async-operation';
import { errorFromHresult, hresultDescriber, toLunStudioError, type HresultDescriber } from './hresults';
import { bytesToAdd, bytesToRemove, checkLunRequest, restateAmountError } from './lun-requests';
import { buildLunDetails } from './lun-details';
import { progressRoutes, type ProgressRoutes } from './progress-routes';
import type { RawAddon, RawProvider, SimDrive, SimLun } from './raw-addon';
import { readById, requireReference, resolveDrive, resolveLun, resolveSubsystem } from './resolve';
import { loadOrCreateSimState, resolveSimStatePath, resolveTopologyPath } from './sim-state-file';
import { SimPersistence } from './sim-persistence';
import type { OperationOptions, OpenProviderOptions, StorageProvider } from './types';
import {
  checkCreateLunRequest,
  checkMaxSizeRequest,
  resolveAgainstSubsystem,
  resolveCreateAgainstSubsystem,
  resolveDriveRefs,
  type CheckedRequest,
} from './validate';

/** The poll interval while few operations run (the floor of the addon's adaptive rounds). */
export const DEFAULT_POLL_INTERVAL_MS = 100;
/** The most QueryStatus calls per second the poller's rounds make (native/src/poller.h kQueryBudgetPerSecond). */
export const QUERY_BUDGET_PER_SECOND = 1000;

/** The round interval the addon uses with `running` operations watched: the floor while the budget allows,
 * else running / budget (256 running → 256 ms). The same rule as RoundIntervalMs in native/src/poller.cc. */
export function pollIntervalInUseMs(floorMs: number, running: number): number {
  return Math.max(floorMs, 1, Math.ceil((running * 1000) / QUERY_BUDGET_PER_SECOND));
}
const VDS_E_OBJECT_DELETED = HRESULT.VDS_E_OBJECT_DELETED;

type Undo = () => { rollback: () => void; said: string };

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
    private readonly routes: ProgressRoutes | undefined,
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
    return this.call(() => this.readSubsystem(subsystem, (id) => this.raw.listDrives(id)));
  }

  listAllDrives(): Promise<Record<string, Drive[]>> {
    return this.call(() => this.raw.listAllDrives());
  }

  listLuns(subsystem: string): Promise<Lun[]> {
    return this.call(() => this.readSubsystem(subsystem, (id) => this.raw.listLuns(id)));
  }

  /** A read of one subsystem named by `ref` (field "subsystem"): see readById. */
  private async readSubsystem<T>(ref: unknown, read: (id: string) => Promise<T>): Promise<T> {
    const checked = requireReference('subsystem', ref, 'subsystem');
    return readById(checked, read, async () => (await this.subsystem(checked, 'subsystem')).id);
  }

  maxLunSize(request: MaxLunSizeRequest): Promise<number> {
    return this.call(async () => {
      const checked = checkMaxSizeRequest(request);
      const { subsystem, drives } = await this.context(checked);
      return this.raw.maxLunSize(resolveAgainstSubsystem(checked, subsystem, drives));
    });
  }

  private get operationContext(): OperationContext {
    const persistence = this.persistence;
    return {
      raw: this.raw,
      describe: this.describe,
      persist: persistence ? (rollback) => persistence.persist(rollback) : () => Promise.resolve(),
      routes: this.routes,
    };
  }

  private refuseIfAborted(options: OperationOptions, noun: string): void {
    if (options.signal?.aborted) throw canceledError(this.describe, `Canceled before the ${noun} started.`);
  }

  createLun(request: CreateLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.call(async () => {
      this.refuseIfAborted(options, 'LUN creation');
      const checked = checkCreateLunRequest(request);
      const { subsystem, drives } = await this.context(checked);
      const rawRequest = resolveCreateAgainstSubsystem(checked, subsystem, drives);
      if (options.operationId !== undefined) rawRequest.operationId = options.operationId;
      const spec: AsyncOperationSpec = {
        noun: 'LUN creation',
        reported: 'created',
        subsystemId: subsystem.id,
        start: (onProgress) => this.raw.createLun(rawRequest, onProgress),
        undo: (lun) => ({
          rollback: () => this.raw.removeLun(lun.id),
          said: 'The new LUN was taken out again: nothing was created.',
        }),
      };
      return runAsyncOperation(this.operationContext, spec, options);
    });
  }

  /** The subsystem and the LUN a lifecycle request names. */
  private async target(ref: LunRef): Promise<{ subsystem: Subsystem; lun: Lun }> {
    const subsystem = await this.subsystem(ref.subsystemId);
    const lun = resolveLun(await this.raw.listLuns(subsystem.id), ref.lunId, subsystem);
    return { subsystem, lun };
  }

  private async driveIds(refs: readonly string[] | undefined, subsystem: Subsystem): Promise<string[]> {
    if (!refs || refs.length === 0) return [];
    return resolveDriveRefs(refs, subsystem, await this.raw.listDrives(subsystem.id));
  }

  /** sim: puts the LUN back exactly as it is now, should the change about to be made fail to save. */
  private restorer(
    subsystemId: string,
    lunId: string,
    said: string,
  ): () => { rollback: () => void; said: string } {
    const saved: SimLun | undefined = this.persistence
      ? this.raw
          .exportState()
          .subsystems.find((s) => s.id === subsystemId)
          ?.luns.find((l) => l.id === lunId)
      : undefined;
    const rollback = (): void => {
      if (saved) this.raw.restoreLun(subsystemId, saved);
    };
    return () => ({ rollback, said });
  }

  maxLunExtendSize(request: MaxLunExtendRequest): Promise<number> {
    return this.call(async () => {
      const checked = checkLunRequest(maxLunExtendRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      return this.raw.maxLunExtendSize(lun.id, await this.driveIds(checked.driveIds, subsystem));
    });
  }

  extendLun(request: ExtendLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.call(async () => {
      this.refuseIfAborted(options, 'extend');
      const checked = checkLunRequest(extendLunRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      const driveIds = await this.driveIds(checked.driveIds, subsystem);
      const bytes = await bytesToAdd(checked, lun, () => this.raw.maxLunExtendSize(lun.id, driveIds));
      const rawRequest = { lunId: lun.id, bytesToAdd: bytes, driveIds, ...this.tag(options) };
      const spec: AsyncOperationSpec = {
        noun: 'extend',
        reported: 'extended',
        subsystemId: subsystem.id,
        start: (onProgress) => this.raw.extendLun(rawRequest, onProgress),
        undo: this.restorer(subsystem.id, lun.id, 'The LUN was put back as it was: its size did not change.'),
        canceledMessage: 'The extend was canceled and rolled back: the LUN keeps its size.',
      };
      return runAsyncOperation(this.operationContext, spec, options).catch((error: unknown) => {
        throw restateAmountError(error, checked, lun);
      });
    });
  }

  shrinkLun(request: ShrinkLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.call(async () => {
      this.refuseIfAborted(options, 'shrink');
      const checked = checkLunRequest(shrinkLunRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      const rawRequest = { lunId: lun.id, bytesToRemove: bytesToRemove(checked, lun), ...this.tag(options) };
      const spec: AsyncOperationSpec = {
        noun: 'shrink',
        reported: 'shrunk',
        subsystemId: subsystem.id,
        start: (onProgress) => this.raw.shrinkLun(rawRequest, onProgress),
        undo: this.restorer(subsystem.id, lun.id, 'The LUN was put back as it was: its size did not change.'),
        canceledMessage: 'The shrink was canceled and rolled back: the LUN keeps its size.',
      };
      return runAsyncOperation(this.operationContext, spec, options).catch((error: unknown) => {
        throw restateAmountError(error, checked, lun);
      });
    });
  }

  setLunMask(request: SetLunMaskRequest): Promise<Lun> {
    return this.call(async () => {
      const checked = checkLunRequest(setLunMaskRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      const undo = this.restorer(subsystem.id, lun.id, 'The host access was put back as it was.');
      await this.raw.setLunMask(lun.id, checked.unmaskingList);
      await persistOrUndo(this.operationContext, undo());
      return rereadLun(this.operationContext, lun.id, subsystem.id, 'changed');
    });
  }

  deleteLun(request: DeleteLunRequest): Promise<Lun> {
    return this.call(async () => {
      const checked = checkLunRequest(deleteLunRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      const undo = this.restorer(subsystem.id, lun.id, 'The LUN was put back: nothing was deleted.');
      await this.raw.deleteLun(lun.id);
      await persistOrUndo(this.operationContext, undo());
      return lun;
    });
  }

  recoverLun(request: RecoverLunRequest, options: OperationOptions = {}): Promise<Lun> {
    return this.call(async () => {
      this.refuseIfAborted(options, 'recovery');
      const checked = checkLunRequest(recoverLunRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      const rawRequest = { lunId: lun.id, ...this.tag(options) };
      const spec: AsyncOperationSpec = {
        noun: 'recovery',
        reported: 'recovered',
        subsystemId: subsystem.id,
        start: (onProgress) => this.raw.recoverLun(rawRequest, onProgress),
        undo: this.restorer(
          subsystem.id,
          lun.id,
          'The LUN was put back as it was: it still needs a recovery.',
        ),
        canceledMessage: 'The recovery was canceled: the LUN stays degraded until it is recovered.',
      };
      return runAsyncOperation(this.operationContext, spec, options);
    });
  }

  lunDetails(request: LunRef): Promise<LunDetails> {
    return this.call(async () => {
      const checked = checkLunRequest(lunDetailsRequestSchema, request);
      const { subsystem, lun } = await this.target(checked);
      const [extents, drives, identification] = await Promise.all([
        this.raw.listExtents(subsystem.id),
        this.raw.listDrives(subsystem.id),
        this.identification(lun.id),
      ]);
      return buildLunDetails(lun, extents, drives, identification);
    });
  }

  /** IVdsLun::GetIdentificationData, or undefined where the provider gives none (VDS_E_NOT_SUPPORTED). */
  private async identification(lunId: string): Promise<LunIdentificationData | undefined> {
    try {
      return await this.raw.lunIdentification(lunId);
    } catch (error) {
      if (toLunStudioError(error, this.describe).hresult >>> 0 === HRESULT.VDS_E_NOT_SUPPORTED)
        return undefined;
      throw error;
    }
  }

  listExtents(subsystem: string): Promise<DriveExtent[]> {
    return this.call(() => this.readSubsystem(subsystem, (id) => this.raw.listExtents(id)));
  }

  /** The subsystem, its drives and the drive a drive request names (field driveId). */
  private async driveTarget(ref: DriveRef): Promise<{ subsystem: Subsystem; drives: Drive[]; drive: Drive }> {
    const subsystem = await this.subsystem(ref.subsystemId);
    const drives = await this.raw.listDrives(subsystem.id);
    return { subsystem, drives, drive: resolveDrive(drives, ref.driveId, 'driveId', subsystem) };
  }

  private async rereadDrive(subsystemId: string, driveId: string): Promise<Drive> {
    const drive = (await this.raw.listDrives(subsystemId)).find((candidate) => candidate.id === driveId);
    if (!drive) {
      throw errorFromHresult(
        this.describe,
        HRESULT.E_UNEXPECTED,
        `The provider changed drive ${driveId}, but it is not in the subsystem's drive list.`,
      );
    }
    return drive;
  }

  /** sim: puts these drives and the LUNs on them back as they are now, should the change fail to save. */
  private driveRestorer(subsystemId: string, driveIds: readonly string[], said: string): Undo {
    const subsystem = this.persistence
      ? this.raw.exportState().subsystems.find((s) => s.id === subsystemId)
      : undefined;
    const wanted = new Set(driveIds);
    const drives: SimDrive[] = subsystem?.drives.filter((d) => wanted.has(d.id)) ?? [];
    const luns: SimLun[] =
      subsystem?.luns.filter((l) => l.extents.some((extent) => wanted.has(extent.driveId))) ?? [];
    const rollback = (): void => {
      for (const lun of luns) this.raw.restoreLun(subsystemId, lun);
      for (const drive of drives) this.raw.restoreDrive(subsystemId, drive);
    };
    return () => ({ rollback, said });
  }

  /** One synchronous drive change: resolve, change, save (undone when the save fails), re-read the drive. */
  private async changeDrive(
    ref: DriveRef,
    said: string,
    change: (drive: Drive) => Promise<void>,
  ): Promise<Drive> {
    const { subsystem, drive } = await this.driveTarget(ref);
    const undo = this.driveRestorer(subsystem.id, [drive.id], said);
    await change(drive);
    await persistOrUndo(this.operationContext, undo());
    return this.rereadDrive(subsystem.id, drive.id);
  }

  identifyDrive(request: IdentifyDriveRequest): Promise<Drive> {
    return this.call(async () => {
      const checked = checkLunRequest(identifyDriveRequestSchema, request);
      return this.changeDrive(checked, 'The identify light was left as it was.', (drive) =>
        this.raw.setDriveIdentify(drive.id, checked.on),
      );
    });
  }

  setHotSpare(request: SetHotSpareRequest): Promise<Drive> {
    return this.call(async () => {
      const checked = checkLunRequest(setHotSpareRequestSchema, request);
      return this.changeDrive(checked, 'The drive was left as it was.', (drive) =>
        this.raw.setDriveHotSpare(drive.id, checked.hotSpare),
      );
    });
  }

  simSetDriveFailed(request: DriveRef, failed: boolean): Promise<Drive> {
    return this.call(async () => {
      const checked = checkLunRequest(driveRefSchema, request);
      if (typeof failed !== 'boolean') throw invalidInput('failed', 'must be true (fail) or false (restore)');
      return this.changeDrive(checked, 'The drive and its LUNs were put back as they were.', (drive) =>
        this.raw.setDriveFailed(drive.id, failed),
      );
    });
  }

  replaceDrive(request: ReplaceDriveRequest): Promise<{ drive: Drive; lunsToRecover: Lun[] }> {
    return this.call(async () => {
      const checked = checkLunRequest(replaceDriveRequestSchema, request);
      const { subsystem, drives, drive } = await this.driveTarget(checked);
      const replacement = resolveDrive(drives, checked.replacementDriveId, 'replacementDriveId', subsystem);
      if (replacement.id === drive.id) {
        throw invalidInput('replacementDriveId', 'must be a different drive than the one it replaces');
      }
      const undo = this.driveRestorer(
        subsystem.id,
        [drive.id, replacement.id],
        'The drives and their LUNs were put back as they were: nothing was replaced.',
      );
      const lunIds = await this.raw.replaceDrive(drive.id, replacement.id);
      await persistOrUndo(this.operationContext, undo());
      const luns = new Map((await this.raw.listLuns(subsystem.id)).map((lun) => [lun.id, lun]));
      return {
        drive: await this.rereadDrive(subsystem.id, replacement.id),
        lunsToRecover: lunIds.flatMap((id) => luns.get(id) ?? []),
      };
    });
  }

  private tag(options: OperationOptions): { operationId?: string } {
    return options.operationId === undefined ? {} : { operationId: options.operationId };
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
      return new FacadeProvider('vds', raw, describe, undefined, progressRoutes(addon));
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
  return new FacadeProvider('sim', raw, describe, new SimPersistence(raw, statePath), progressRoutes(addon));
}
