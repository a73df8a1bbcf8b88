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

/** unauthorized: the server is up but refuses this page's token (rotated with --new-token, or none). */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

export interface WebSocketClientOptions {
  url: string;
  /** The access token, offered in the handshake (subprotocol lun-studio.token.T). */
  token?: string;
  /** For tests: asks the server whether the token is still good (true/false; throws when unreachable).
   * Default: GET /api/session on the page's origin. */
  checkToken?: (token: string) => Promise<boolean>;
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

export const API_PROTOCOL = 'lun-studio.v1';
export const TOKEN_PROTOCOL_PREFIX = 'lun-studio.token.';
const TOKEN_KEY = 'lun-studio.token';
const TOKEN_IN_FRAGMENT = /^#token=([A-Za-z0-9_-]{43})(?:&|(?=#)|$)(.*)$/;

/** The browser shell's access token: taken from the printed URL's fragment (#token=T, optionally
 * followed by a route, #token=T#/create), kept in this origin's localStorage (another port is another
 * origin and cannot read it) and removed from the address bar; else the one kept earlier. */
export function takeAccessToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  replaceUrl: (url: string) => void,
): string | undefined {
  const match = TOKEN_IN_FRAGMENT.exec(location.hash);
  if (match) {
    const token = match[1]!;
    try {
      storage?.setItem(TOKEN_KEY, token);
    } catch {
      // storage disabled: the token lives in memory for this page's life
    }
    const rest = match[2] ?? '';
    replaceUrl(
      `${location.pathname}${location.search}${rest.startsWith('#') ? rest : rest ? `#${rest}` : ''}`,
    );
    return token;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

async function defaultCheckToken(token: string): Promise<boolean> {
  const response = await fetch('/api/session', {
    headers: { 'X-LUN-Studio-Token': token },
    cache: 'no-store',
  });
  if (response.status === 204) return true;
  if (response.status === 401) return false;
  throw new Error(`unexpected status ${response.status}`);
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

  const protocols = options.token
    ? [API_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${options.token}`]
    : [API_PROTOCOL];
  const checkToken = options.checkToken ?? defaultCheckToken;

  const scheduleReconnect = () => {
    reconnectTimer = setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, maxBackoff);
  };

  const connect = () => {
    setState('connecting');
    const ws = new Impl(options.url, protocols);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      backoff = initialBackoff;
      setState('open');
      for (const m of outbox.splice(0)) ws.send(JSON.stringify(m));
    };
    ws.onmessage = (e) => onMessage(e.data);
    ws.onclose = () => {
      if (socket === ws) socket = null;
      rejectAll();
      if (closedByUser) return setState('closed');
      if (opened) {
        setState('closed');
        return scheduleReconnect();
      }
      // Refused before it opened: is the server down (keep trying) or is the token refused (stop)?
      void (options.token ? checkToken(options.token) : Promise.resolve(false)).then(
        (good) => {
          if (closedByUser) return;
          if (good) {
            setState('closed');
            scheduleReconnect();
          } else setState('unauthorized');
        },
        () => {
          if (closedByUser) return;
          setState('closed');
          scheduleReconnect();
        },
      );
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
    listDrives: typed('listDrives'),
    maxLunSize: typed('maxLunSize'),
    createLuns: typed('createLuns'),
    cancelOperation: typed('cancelOperation'),
    listOperations: typed('listOperations'),
    maxLunExtendSize: typed('maxLunExtendSize'),
    extendLun: typed('extendLun'),
    shrinkLun: typed('shrinkLun'),
    setLunMask: typed('setLunMask'),
    deleteLun: typed('deleteLun'),
    recoverLun: typed('recoverLun'),
    lunDetails: typed('lunDetails'),
    listExtents: typed('listExtents'),
    identifyDrive: typed('identifyDrive'),
    setHotSpare: typed('setHotSpare'),
    replaceDrive: typed('replaceDrive'),
    simFailDrive: typed('simFailDrive'),
    simRestoreDrive: typed('simRestoreDrive'),
    openMonitor: () => typed('openMonitor')(),
    getProviderChoice: () => typed('getProviderChoice')(),
    chooseProvider: typed('chooseProvider'),
    clearFinishedOperations: () => typed('clearFinishedOperations')(),
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
