// A lun-studio command's connection to the running owner's control endpoint (control-server.ts).
import * as net from 'node:net';
import WebSocket from 'ws';
import type { ApiResult, LunStudioEvent } from '../../contract/api';
import { HRESULT } from '../../contract/errors';
import type { ApiErrorShape } from '../../contract/model';
import { SHELL_HEADER } from '../caller';
import { CONTROL_PATH, SECRET_HEADER } from './control-server';

export interface ApiChannel {
  dispatch(method: string, payload: unknown): Promise<ApiResult<unknown>>;
  subscribe(handler: (event: LunStudioEvent) => void): () => void;
  /** Settles when the other side went away (remote) — never for an in-process channel. */
  readonly lost: Promise<ApiErrorShape>;
  close(): Promise<void>;
}

const LOST: ApiErrorShape = {
  code: 'E_OWNER_LOST',
  hresult: HRESULT.RPC_S_SERVER_UNAVAILABLE, // the process that answered is gone
  message: 'The connection to the LUN Studio process that owns the state was lost.',
  action:
    'An operation it was running may still finish there, or be marked interrupted when it restarts: check `lun-studio luns` before retrying.',
};

/** Connects and authenticates; rejects (ECONNREFUSED, ENOENT, 401) when no owner listens there. */
export function connectControl(endpoint: string, secret: string, timeoutMs = 5000): Promise<ApiChannel> {
  const socket = new WebSocket(`ws://lun-studio${CONTROL_PATH}`, {
    headers: { [SECRET_HEADER]: secret, [SHELL_HEADER]: 'cli' },
    handshakeTimeout: timeoutMs,
    perMessageDeflate: false,
    createConnection: () => net.connect(endpoint),
  });
  let nextId = 1;
  const pending = new Map<number, (result: ApiResult<unknown>) => void>();
  const handlers = new Set<(event: LunStudioEvent) => void>();
  let markLost: (error: ApiErrorShape) => void = () => undefined;
  const lost = new Promise<ApiErrorShape>((resolve) => (markLost = resolve));

  socket.on('message', (data) => {
    let message: { id?: unknown; result?: ApiResult<unknown>; event?: LunStudioEvent };
    try {
      message = JSON.parse(data.toString()) as typeof message;
    } catch {
      return;
    }
    if (message.event) for (const handler of [...handlers]) handler(message.event);
    else if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    }
  });
  socket.on('close', () => {
    for (const settle of pending.values()) settle({ ok: false, error: LOST });
    pending.clear();
    markLost(LOST);
  });

  const channel: ApiChannel = {
    lost,
    dispatch(method, payload) {
      if (socket.readyState !== WebSocket.OPEN) return Promise.resolve({ ok: false, error: LOST });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params: payload }));
      });
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    close() {
      if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(channel));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      reject(new Error(`the control endpoint answered ${response.statusCode}`));
      socket.terminate();
    });
  });
}
