// One WebSocket connection of the browser shell: requests go through the shared dispatcher; every
// LunStudioEvent is pushed to the client while it is connected. Wire format: see server.ts.
import type { WebSocket } from 'ws';
import type { ApiResult, LunStudioEvent } from '../../contract/api';
import { invalidInput } from '../../contract/errors';
import type { ApiDispatch } from '../api-dispatcher';
import type { Caller } from '../caller';
import { toErrorShape } from '../error-shape';

export interface EventSource {
  subscribe(handler: (event: LunStudioEvent) => void): () => void;
}

type RequestId = string | number | null;

const MAX_ID_LENGTH = 128;
/** A client that stops reading is dropped (terminated: a close frame could not reach it either) once this
 * much waits unsent for it — or twice its largest message, when that is larger (one whole inventory of a big
 * array must fit while it drains). With MAX_WEB_SOCKETS connections the host's send buffers stay under
 * MAX_WEB_SOCKETS × (4 MiB + 2 largest messages); docs/RELIABILITY.md has the measured figure. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface ConnectionOptions {
  /** Default MAX_BUFFERED_BYTES. */
  maxBufferedBytes?: number;
  /** Called when a slow reader is dropped. */
  onSlowReader?: (bufferedBytes: number) => void;
  /** Who is on the other end (default: the dispatcher's own caller). */
  caller?: Caller;
}

interface Sender {
  socket: WebSocket;
  limit: number;
  largest: number;
  onSlowReader?: (bufferedBytes: number) => void;
}

function send(sender: Sender, message: unknown): void {
  const { socket } = sender;
  if (socket.readyState !== socket.OPEN) return;
  const waiting = socket.bufferedAmount;
  if (waiting > Math.max(sender.limit, 2 * sender.largest)) {
    socket.terminate();
    sender.onSlowReader?.(waiting);
    return;
  }
  const text = JSON.stringify(message);
  if (text.length > sender.largest) sender.largest = text.length;
  socket.send(text);
}

function reply(sender: Sender, id: RequestId, result: ApiResult<unknown>): void {
  send(sender, { id, result });
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

export function attachApiConnection(
  socket: WebSocket,
  dispatch: ApiDispatch,
  events: EventSource,
  options: ConnectionOptions = {},
): void {
  const sender: Sender = {
    socket,
    limit: options.maxBufferedBytes ?? MAX_BUFFERED_BYTES,
    largest: 0,
    onSlowReader: options.onSlowReader,
  };
  const unsubscribe = events.subscribe((event) => send(sender, { event }));
  socket.on('close', unsubscribe);
  socket.on('error', unsubscribe);
  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      reply(sender, null, invalid('message', 'must be a JSON text frame'));
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      reply(sender, null, invalid('message', 'is not valid JSON'));
      return;
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      reply(sender, null, invalid('message', 'must be an object {id, method, params}'));
      return;
    }
    const { id, method, params, ...rest } = message as Record<string, unknown>;
    if (!isRequestId(id)) {
      reply(
        sender,
        null,
        invalid('id', `must be a non-empty string (≤ ${MAX_ID_LENGTH} characters) or a number`),
      );
      return;
    }
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) {
      reply(sender, id, invalid(extra, 'unknown field (a message has only id, method and params)'));
      return;
    }
    // The dispatcher answers every call with an ApiResult; should it ever reject, the client still gets an
    // answer and the process does not meet an unhandled rejection.
    void dispatch(method, params, options.caller).then(
      (result) => reply(sender, id, result),
      (error: unknown) => reply(sender, id, { ok: false, error: toErrorShape(error) }),
    );
  });
}
