// The audit line of one change to an array: who (OS user, shell), where (provider, subsystem), what
// (object, request) and how it ended (outcome, HRESULT). Built here from an operation or a refused request;
// written by host-log.ts into audit.log.
import type { ApiErrorShape, CreateLunRequest, Operation, ProviderName } from '../../contract/model';
import type { Caller } from '../caller';
import type { AuditEntry } from './host-log';

const ACTION: Record<Operation['kind'], string> = { createLun: 'create LUN' };

/** What was asked for, without the hints' noise when there are none. */
function requestSummary(request: CreateLunRequest): Record<string, unknown> {
  const { subsystemId: _subsystem, ...rest } = request;
  return rest;
}

export function auditEntryFor(provider: ProviderName, caller: Caller, operation: Operation): AuditEntry {
  const lun = operation.result;
  const entry: AuditEntry = {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: operation.subsystemId,
    object: lun ? `LUN ${lun.id} (${lun.name})` : `new ${operation.request.type} LUN`,
    request: requestSummary(operation.request),
    outcome: operation.state,
    hresult: operation.error ? operation.error.hresult : 0,
    action: ACTION[operation.kind],
    operationId: operation.id,
  };
  if (operation.error) {
    entry.code = operation.error.code;
    entry.message = operation.error.message;
  }
  return entry;
}

export function refusedEntry(
  provider: ProviderName,
  caller: Caller,
  request: CreateLunRequest,
  error: ApiErrorShape,
): AuditEntry {
  return {
    user: caller.user,
    shell: caller.shell,
    provider,
    subsystem: request.subsystemId,
    object: `new ${request.type} LUN`,
    request: requestSummary(request),
    outcome: 'refused',
    hresult: error.hresult,
    action: ACTION.createLun,
    code: error.code,
    message: error.message,
  };
}
