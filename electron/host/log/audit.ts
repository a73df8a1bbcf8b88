// The audit line of one change to an array: who (OS user, shell), where (provider, subsystem), what
// (object, request) and how it ended (outcome, HRESULT). Built here from an operation (of any kind) or a
// refused request; written by host-log.ts into audit.log.
import type {
  ApiErrorShape,
  Drive,
  DriveRef,
  OperationDriveTarget,
  Operation,
  OperationRequest,
  OperationTarget,
  ProviderName,
} from '../../contract/model';
import type { Caller } from '../caller';
import { KIND_ACTION } from '../operation-words';
import type { AuditEntry } from './host-log';

/** What was asked for, without the subsystem (a field of its own) and the resolved LUN or drive id (in
 * `object`). */
function requestSummary(asked: OperationRequest): Record<string, unknown> {
  const { subsystemId: _subsystem, ...rest }: Record<string, unknown> = { ...asked.request };
  if (asked.kind !== 'createLun') {
    delete rest.lunId;
    delete rest.driveId;
  }
  return rest;
}

/** "drive drive-2 (Bay 02)". */
function driveObject(drive: OperationDriveTarget): string {
  return `drive ${drive.driveId} (${drive.name})`;
}

/** The object changed: the LUN or drive an operation works on, the LUN a creation made, or the one it would
 * make. */
function objectOf(
  asked: OperationRequest,
  target: OperationTarget | undefined,
  result?: Operation['result'],
  driveTarget?: OperationDriveTarget,
) {
  if (target) return `LUN ${target.lunId} (${target.name})`;
  if (driveTarget) return driveObject(driveTarget);
  if (result) return `LUN ${result.id} (${result.name})`;
  if (asked.kind === 'createLun') return `new ${asked.request.type} LUN`;
  if ('lunId' in asked.request) return `LUN ${asked.request.lunId}`;
  return `drive ${asked.request.driveId}`;
}

export function auditEntryFor(provider: ProviderName, caller: Caller, operation: Operation): AuditEntry {
  const entry: AuditEntry = {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: operation.subsystemId,
    object: objectOf(operation, operation.target, operation.result, operation.driveTarget),
    request: requestSummary(operation),
    outcome: operation.state,
    hresult: operation.error ? operation.error.hresult : 0,
    action: KIND_ACTION[operation.kind],
    operationId: operation.id,
  };
  if (operation.error) {
    entry.code = operation.error.code;
    entry.message = operation.error.message;
  }
  return entry;
}

/** A request refused before it was queued (bad reference, busy LUN, journal unwritable, …). */
export function refusedEntry(
  provider: ProviderName,
  caller: Caller,
  asked: OperationRequest,
  error: ApiErrorShape,
  target?: OperationTarget,
  driveTarget?: OperationDriveTarget,
): AuditEntry {
  return {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: asked.request.subsystemId,
    object: objectOf(asked, target, undefined, driveTarget),
    request: requestSummary(asked),
    outcome: 'refused',
    hresult: error.hresult,
    action: KIND_ACTION[asked.kind],
    code: error.code,
    message: error.message,
  };
}

/** A simulated drive failure or its end (simFailDrive / simRestoreDrive): not an operation, but a change to
 * the array like any other. `drive` is the drive after it; `error` when it was refused or failed. */
export function simDriveEntry(
  provider: ProviderName,
  caller: Caller,
  failed: boolean,
  ref: DriveRef,
  outcome: { drive: Drive } | { error: ApiErrorShape },
): AuditEntry {
  const entry: AuditEntry = {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: 'drive' in outcome ? outcome.drive.subsystemId : ref.subsystemId,
    object: 'drive' in outcome ? `drive ${outcome.drive.id} (${outcome.drive.name})` : `drive ${ref.driveId}`,
    request: { failed },
    outcome: 'drive' in outcome ? 'succeeded' : 'refused',
    hresult: 'drive' in outcome ? 0 : outcome.error.hresult,
    action: failed ? 'simulate drive failure' : 'restore simulated drive',
  };
  if ('error' in outcome) {
    entry.code = outcome.error.code;
    entry.message = outcome.error.message;
  }
  return entry;
}
