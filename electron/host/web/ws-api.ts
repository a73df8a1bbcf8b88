// One WebSocket connection of the browser shell: requests go through the shared dispatcher; every
// LunStudioEvent is pushed to the client while it is connected. Wire format: see server.ts.
import type { WebSocket } from 'ws';
import type { ApiResult, LunStudioEvent } from '../../contract/api';
import { invalidInput } from '../../contract/errors';
import type { ApiDispatch } from '../api-dispatcher';

export interface EventSource {
  subscribe(handler: (event: LunStudioEvent) => void): () => void;
}

type RequestId = string | number | null;

const MAX_ID_LENGTH = 128;
/** A client that stops reading: drop it rather than buffer without bound. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

function send(socket: WebSocket, message: unknown): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.close(1013, 'client too slow');
    return;
  }
  socket.send(JSON.stringify(message));
}

function reply(socket: WebSocket, id: RequestId, result: ApiResult<unknown>): void {
  send(socket, { id, result });
}

function invalid(field: string, rule: string): ApiResult<never> {
  return { ok: false, error: invalidInput(field, rule).toJSON() };
}

function isRequestId(value: unknown): value is string | number {
  return (
    (typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH) ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

export function attachApiConnection(socket: WebSocket, dispatch: ApiDispatch, events: EventSource): void {
  const unsubscribe = events.subscribe((event) => send(socket, { event }));
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      reply(socket, null, invalid('message', 'must be a JSON text frame'));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      reply(socket, null, invalid('message', 'is not valid JSON'));
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      reply(socket, null, invalid('message', 'must be an object {id, method, params}'));
      return;
    }
    const { id, method, params, ...rest } = message as Record<string, unknown>;
    if (!isRequestId(id)) {
      reply(
        socket,
        null,
        invalid('id', `must be a non-empty string (≤ ${MAX_ID_LENGTH} characters) or a number`),
      );
      return;
    }
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) {
      reply(socket, id, invalid(extra, 'unknown field (a message has only id, method and params)'));
      return;
    }
    void dispatch(method, params).then((result) => reply(socket, id, result));
  });
}
