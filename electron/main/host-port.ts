// What main needs from the host (electron/host): one request dispatcher that validates every payload
// with the contract's zod schemas, an event subscription, and a clean shutdown.
import type { ApiMethodName, ApiResult, LunStudioEvent } from '../contract/api';

export interface HostPort {
  dispatch(method: ApiMethodName, payload: unknown): Promise<ApiResult<unknown>>;
  subscribe(handler: (event: LunStudioEvent) => void): () => void;
  /** Stops the provider; operations still running are marked interrupted in the journal. */
  shutdown(): Promise<void>;
}
