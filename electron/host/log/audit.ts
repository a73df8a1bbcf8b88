// The audit line of one change to an array: who (OS user, shell), where (provider, subsystem), what
// (object, request) and how it ended (outcome, HRESULT). Built here from an operation (of any kind) or a
// refused request; written by host-log.ts into audit.log.
import type {
  ApiErrorShape,
  Operation,
  OperationRequest,
  OperationTarget,
  ProviderName,
} from '../../contract/model';
import type { Caller } from '../caller';
import { KIND_ACTION } from '../operation-words';
import type { AuditEntry } from './host-log';

/** What was asked for, without the subsystem (a field of its own) and the resolved LUN id (in `object`). */
function requestSummary(asked: OperationRequest): Record<string, unknown> {
  const { subsystemId: _subsystem, ...rest }: Record<string, unknown> = { ...asked.request };
  if (asked.kind !== 'createLun') delete rest.lunId;
  return rest;
}

/** The object changed: the LUN an operation works on, the LUN a creation made, or the one it would make. */
function objectOf(
  asked: OperationRequest,
  target: OperationTarget | undefined,
  result?: Operation['result'],
) {
  if (target) return `LUN ${target.lunId} (${target.name})`;
  if (result) return `LUN ${result.id} (${result.name})`;
  if (asked.kind === 'createLun') return `new ${asked.request.type} LUN`;
  return `LUN ${asked.request.lunId}`;
}

export function auditEntryFor(provider: ProviderName, caller: Caller, operation: Operation): AuditEntry {
  const entry: AuditEntry = {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: operation.subsystemId,
    object: objectOf(operation, operation.target, operation.result),
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
): AuditEntry {
  return {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: asked.request.subsystemId,
    object: objectOf(asked, target),
    request: requestSummary(asked),
    outcome: 'refused',
    hresult: error.hresult,
    action: KIND_ACTION[asked.kind],
    code: error.code,
    message: error.message,
  };
}
