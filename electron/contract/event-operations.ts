import type { LunStudioEvent } from './api';
import type { Operation } from './model';

/** The operations an event carries (one for started/finished, any number for a progress batch). */
export function eventOperations(event: LunStudioEvent): readonly Operation[] {
  switch (event.type) {
    case 'operationStarted':
    case 'operationFinished':
      return [event.operation];
    case 'operationsProgress':
      return event.operations;
    default:
      return [];
  }
}
