import type {
  ApiMethodName,
  ApiMethods,
  ApiResult,
  LunStudioApi,
  LunStudioEvent,
} from '../../electron/contract/api';
import { LunStudioError } from '../../electron/contract/errors';
import { disconnectedError, toLunStudioError } from './api-error';

/** Wire protocol of the browser shell (electron/host/web): client → {id, method, params};
 * server → {id, result: ApiResult} for a call, {event: LunStudioEvent} pushed. */
interface CallMessage {
  id: number;
  method: ApiMethodName;
  params?: unknown;
}
type ServerMessage = { id: number; result: ApiResult<unknown> } | { event: LunStudioEvent };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: LunStudioError) => void;
}

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface WebSocketClientOptions {
  url: string;
  /** For tests: the WebSocket constructor. */
  WebSocketImpl?: typeof WebSocket;
  /** First reconnect delay; doubles up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export interface WebSocketApi extends LunStudioApi {
  onConnectionChange(handler: (state: ConnectionState) => void): () => void;
  close(): void;
}

export function defaultWebSocketUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/api`;
}

/** A LunStudioApi over one WebSocket that reconnects with backoff. Calls made while connecting wait for
 * the socket; every call still waiting when the socket drops is rejected with LUN_STUDIO_E_DISCONNECTED. */
export function createWebSocketApi(options: WebSocketClientOptions): WebSocketApi {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 5000;
  const pending = new Map<number, Pending>();
  const outbox: CallMessage[] = [];
  const eventHandlers = new Set<(event: LunStudioEvent) => void>();
  const stateHandlers = new Set<(state: ConnectionState) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let backoff = initialBackoff;
  let closedByUser = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;

  const setState = (state: ConnectionState) => stateHandlers.forEach((h) => h(state));

  const rejectAll = () => {
    const error = disconnectedError();
    outbox.length = 0;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const onMessage = (data: unknown) => {
    let message: ServerMessage;
    try {
      message = JSON.parse(String(data)) as ServerMessage;
    } catch {
      return;
    }
    if ('event' in message) {
      eventHandlers.forEach((h) => h(message.event));
      return;
    }
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.result.ok) call.resolve(message.result.value);
    else call.reject(toLunStudioError(message.result.error));
  };

  const connect = () => {
    setState('connecting');
    const ws = new Impl(options.url);
    socket = ws;
    ws.onopen = () => {
      backoff = initialBackoff;
      setState('open');
      for (const m of outbox.splice(0)) ws.send(JSON.stringify(m));
    };
    ws.onmessage = (e) => onMessage(e.data);
    ws.onclose = () => {
      if (socket === ws) socket = null;
      rejectAll();
      setState('closed');
      if (closedByUser) return;
      reconnectTimer = setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, maxBackoff);
    };
  };

  const call = (method: ApiMethodName, params?: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const message: CallMessage = params === undefined ? { id, method } : { id, method, params };
      pending.set(id, { resolve, reject });
      if (socket && socket.readyState === Impl.OPEN) socket.send(JSON.stringify(message));
      else outbox.push(message);
    });

  connect();

  const typed =
    <K extends ApiMethodName>(method: K) =>
    (request?: ApiMethods[K]['request']) =>
      call(method, request) as Promise<ApiMethods[K]['response']>;

  return {
    getInventory: typed('getInventory'),
    maxLunSize: typed('maxLunSize'),
    createLuns: typed('createLuns'),
    cancelOperation: typed('cancelOperation'),
    listOperations: () => typed('listOperations')(),
    openMonitor: () => typed('openMonitor')(),
    subscribe(handler) {
      eventHandlers.add(handler);
      return () => eventHandlers.delete(handler);
    },
    onConnectionChange(handler) {
      stateHandlers.add(handler);
      return () => stateHandlers.delete(handler);
    },
    close() {
      closedByUser = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      socket?.close();
    },
  };
}
