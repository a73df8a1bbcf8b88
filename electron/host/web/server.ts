// The browser shell: the renderer (out/renderer) over HTTP(S) and the LunStudioApi over a WebSocket.
//
// ── Access ──────────────────────────────────────────────────────────────────────────────────────
// At start the shell prints one URL: http://127.0.0.1:PORT/#token=T. The token is in the fragment, so
// no request ever carries it in its target; the page keeps it (per origin) and offers it when it opens
// the WebSocket. The renderer's files are served to anyone who names the right Host; every API call
// needs the token (see access.ts). No cookie is set or read. The Host header must be exactly the bound
// host:port and the Origin (when sent) exactly the shell's origin, else 403. Non-loopback hosts are only
// served over TLS. `GET /api/session` with `X-LUN-Studio-Token: T` answers 204 (token good) or 401: how
// a page tells "server down" from "token no longer valid".
//
// ── WebSocket protocol (for renderer/api's browser client) ──────────────────────────────────────
// Endpoint: ws://HOST:PORT/api (wss:// with TLS), same origin as the page, subprotocols
// ["lun-studio.v1", "lun-studio.token.T"]; the server selects lun-studio.v1. Without the token: 401.
// Every frame is one JSON text message.
//   client → server  {"id": "1", "method": "getInventory", "params": {"refresh": true}}
//                    id: non-empty string (≤ 128 chars) or number, echoed back. method: a LunStudioApi
//                    method name (electron/contract/api.ts). params: the method's request; omit it (or
//                    send null / {}) for methods without one (listOperations, openMonitor).
//                    No other keys.
//   server → client  {"id": "1", "result": {"ok": true, "value": …}}
//                    {"id": "1", "result": {"ok": false, "error": {code, hresult, message, action?, field?}}}
//                    An ApiResult exactly as over desktop IPC. `value` is absent for void responses
//                    (openMonitor). Invalid params → code "E_INVALIDARG", field names the bad
//                    field (e.g. "request.sizeBytes"). Unparseable frames or a missing/bad id → the
//                    same error shape with "id": null.
//   server → client  {"event": LunStudioEvent}  pushed to every connection, no subscription needed:
//                    operationStarted (the operation entered the queue: state queued, or running),
//                    operationsProgress (`operations`: every operation whose state or percent/rate/ETA
//                    changed since the last one, each once with its latest value; ≤ 10 per second),
//                    operationFinished (final state; always the last event of an operation),
//                    inventoryChanged (after every inventory refresh, including the one after each
//                    finished operation), operationsCleared. Each operation event carries the whole
//                    operation: upsert by operation.id.
// Reconnect: on close, reconnect and call listOperations + getInventory to resync (events are not
// replayed). Close code 1001 = the shell is shutting down.
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, type AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { HRESULT, LunStudioError } from '../../contract/errors';
import type { ApiDispatch } from '../api-dispatcher';
import { AccessControl, API_PROTOCOL, hostPort, isLoopbackHost, newToken } from './access';
import { resolveStaticFile, sendFile } from './static-files';
import { callerOf } from '../caller';
import { attachApiConnection, type EventSource } from './ws-api';

export const API_PATH = '/api';
export const SESSION_PATH = '/api/session';
const MAX_FRAME_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 30_000;
/** API connections at once (each browser tab is one); more are answered 503. */
export const MAX_WEB_SOCKETS = 32;
/** TCP connections at once (pages, assets, handshakes, WebSockets); more are closed at accept. */
export const MAX_CONNECTIONS = 256;
/** Whoever passed the token check is this OS user in a browser tab (the server listens for this user). */
const BROWSER_CALLER = callerOf('browser');

export interface BrowserShellOptions {
  dispatch: ApiDispatch;
  events: EventSource;
  /** The built renderer (index.html + assets). */
  staticRoot: string;
  /** Default 127.0.0.1. Anything but loopback requires tls. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** The access token (TOKEN_PATTERN); default a fresh random one. serve keeps it in a per-user file. */
  token?: string;
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Ping interval; a connection that missed a whole interval's pong is dropped. Default 30 s. */
  heartbeatMs?: number;
  /** Default MAX_WEB_SOCKETS. */
  maxWebSockets?: number;
  /** Default MAX_CONNECTIONS. */
  maxConnections?: number;
  /** Unsent bytes a connection may hold before it is dropped as a slow reader (ws-api.ts). */
  maxBufferedBytes?: number;
}

export interface BrowserShellStats {
  /** Open API connections. */
  webSockets: number;
  /** API connections refused because MAX_WEB_SOCKETS were open. */
  refusedWebSockets: number;
  /** Connections dropped because they stopped reading. */
  slowReadersDropped: number;
}

export interface BrowserShell {
  /** The URL to open: the origin with the token in the fragment. */
  readonly url: string;
  readonly origin: string;
  readonly host: string;
  /** The address the socket is bound to (what `host` resolved to), e.g. 127.0.0.1 or 192.0.2.10. */
  readonly address: string;
  readonly port: number;
  readonly token: string;
  stats(): BrowserShellStats;
  /** Stops accepting, closes every WebSocket (1001) and connection. */
  close(): Promise<void>;
}

export function insecureBindError(host: string): LunStudioError {
  return new LunStudioError({
    code: 'E_INSECURE_BIND',
    hresult: HRESULT.E_ACCESSDENIED,
    message: `Refusing to serve on non-loopback host ${host} without TLS: the token and cookie would cross the network in clear text.`,
    action: 'Use --host 127.0.0.1 (the default), or pass --tls-cert FILE and --tls-key FILE.',
  });
}

export function contentSecurityPolicy(origin: string): string {
  const socketOrigin = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${socketOrigin}`,
    // Fluent UI (griffel) injects style elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function securityHeaders(response: http.ServerResponse, csp: string): void {
  response.setHeader('Content-Security-Policy', csp);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function plain(response: http.ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(`${text}\n`);
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Bytes the HTTP parser could not read (bad request line, header overflow, torn request): answer and close. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  rejectUpgrade(socket, status, STATUS_TEXT[status]!);
}

export function portInUseError(host: string, port: number): LunStudioError {
  return new LunStudioError({
    code: 'E_PORT_IN_USE',
    hresult: 0x80072740, // HRESULT_FROM_WIN32(WSAEADDRINUSE)
    field: 'port',
    message: `Port ${port} on ${host} is already in use (another LUN Studio serve, or another program).`,
    action: 'Stop the other program, or pass --port N to use another port (--port 0: any free port).',
  });
}

/** 0.0.0.0 / :: have no name a browser could send as Host, so every request would be refused. */
export function wildcardBindError(host: string): LunStudioError {
  return new LunStudioError({
    code: 'E_INVALIDARG',
    hresult: HRESULT.E_INVALIDARG,
    field: 'host',
    message: `host: ${host} listens on every address, but requests must name the bound address in their Host header.`,
    action:
      'Pass the one address or host name clients will use, e.g. --host 192.0.2.10 or --host server.example.com.',
  });
}

/** Every spelling of "all addresses": 0.0.0.0, ::, [::], 0:0::0, and the short IPv4 forms the resolver
 * accepts (0, 0.0, 0x0, 000…) — they all bind every interface, so they are all the same wildcard. */
export function isWildcardHost(host: string): boolean {
  const bare = host
    .trim()
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  if (isIP(bare) === 6) return isUnspecified(bare);
  // inet_aton forms: up to four dot-separated parts, decimal / octal / hex, all zero.
  const parts = bare.split('.');
  return parts.length <= 4 && parts.every((part) => /^(0x0*|0+)$/.test(part));
}

function isUnspecified(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return bare === '0.0.0.0';
  if (isIP(bare) !== 6) return false;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  if (v4) return v4[1] === '0.0.0.0';
  return bare.split(':').every((group) => group === '' || /^0+$/.test(group));
}

function isLoopbackAddress(address: string): boolean {
  const bare = address.toLowerCase();
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || /^::ffff:127\./.test(bare) || /^(0+:){7}0*1$/.test(bare);
}

/** What the host name resolves to decides: any unspecified address is the wildcard (refused); anything but
 * loopback needs TLS. */
async function checkBindHost(host: string, tls: boolean): Promise<void> {
  if (!isLoopbackHost(host) && !tls) throw insecureBindError(host);
  if (isWildcardHost(host)) throw wildcardBindError(host);
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(bare, { all: true, verbatim: true });
  } catch (error) {
    throw new LunStudioError({
      code: 'E_INVALIDARG',
      hresult: HRESULT.E_INVALIDARG,
      field: 'host',
      message: `host: ${host} does not resolve to an address of this machine (${(error as Error).message}).`,
      action: 'Pass an address of this machine, e.g. --host 127.0.0.1 (the default).',
    });
  }
  if (addresses.some((a) => isUnspecified(a.address))) throw wildcardBindError(host);
  if (!tls && !addresses.every((a) => isLoopbackAddress(a.address))) throw insecureBindError(host);
}

/** RFC 9112 origin-form: "/" path segments of pchar, an optional "?" query; ASCII only, escapes well formed.
 * ("[" and "]" are delimiters, never path characters: //[ is malformed.) */
const ORIGIN_FORM =
  /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*(?:\?(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*)?$/;

/** The request target as the server reads it: origin-form only ("/path?query"), never parsed as a URL
 * (a target like //[ is not a URL at all). */
export function parseTarget(raw: string | undefined): { pathname: string; query: URLSearchParams } | null {
  if (raw === undefined || !ORIGIN_FORM.test(raw)) return null;
  const hash = raw.indexOf('#');
  const target = hash >= 0 ? raw.slice(0, hash) : raw;
  const q = target.indexOf('?');
  return {
    pathname: q >= 0 ? target.slice(0, q) : target,
    query: new URLSearchParams(q >= 0 ? target.slice(q + 1) : ''),
  };
}

/** Two Host headers (or none) are not a request for this shell. */
function hasOneHost(request: http.IncomingMessage): boolean {
  return (request.headersDistinct.host?.length ?? 0) === 1;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const host = options.host ?? '127.0.0.1';
  await checkBindHost(host, Boolean(options.tls));

  // Nothing a client sends may end the process: every handler catches.
  const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    try {
      handleHttp(request, response);
    } catch {
      if (response.headersSent) response.destroy();
      else plain(response, 500, 'Internal error.');
    }
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : http.createServer(handler);
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  server.on('clientError', answerClientError);
  server.on('tlsClientError', (_error: Error, socket: Duplex) => socket.destroy());
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    // Answer with the API protocol only: the token the client offered is never echoed.
    handleProtocols: (protocols) => (protocols.has(API_PROTOCOL) ? API_PROTOCOL : false),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUseError(host, options.port ?? 0) : error),
    );
    server.listen(options.port ?? 0, host, () => {
      server.removeAllListeners('error');
      // After the bind, a server error (e.g. EMFILE when accepting) must not end the process.
      server.on('error', (error) => process.stderr.write(`web server: ${error.message}\n`));
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const token = options.token ?? newToken();
  const access = new AccessControl(host, port, Boolean(options.tls), token);
  const csp = contentSecurityPolicy(access.origin);
  const maxWebSockets = options.maxWebSockets ?? MAX_WEB_SOCKETS;
  const stats = { refusedWebSockets: 0, slowReadersDropped: 0 };

  function handleHttp(request: http.IncomingMessage, response: http.ServerResponse): void {
    securityHeaders(response, csp);
    response.on('error', () => response.destroy());
    if (!hasOneHost(request)) return plain(response, 400, 'Bad request: exactly one Host header.');
    if (!access.checkHostAndOrigin(request)) return plain(response, 403, 'Forbidden: wrong Host or Origin.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return plain(response, 405, 'Method not allowed.');
    }
    const url = parseTarget(request.url);
    if (!url) return plain(response, 400, 'Bad request: the target must be a path.');
    if (url.pathname === SESSION_PATH) {
      response.setHeader('Cache-Control', 'no-store');
      if (!access.hasTokenHeader(request))
        return plain(response, 401, 'Unauthorized: the token is not valid.');
      response.statusCode = 204;
      return void response.end();
    }
    if (url.pathname === API_PATH) return plain(response, 426, 'Upgrade to WebSocket required.');
    const found = resolveStaticFile(options.staticRoot, url.pathname);
    if ('status' in found)
      return plain(response, found.status, found.status === 400 ? 'Bad request.' : 'Not found.');
    sendFile(response, found.file, found.contentType, request.method === 'HEAD');
  }

  function handleUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!hasOneHost(request)) return rejectUpgrade(socket, 400, 'Bad Request');
    if (!access.checkHostAndOrigin(request)) return rejectUpgrade(socket, 403, 'Forbidden');
    const url = parseTarget(request.url);
    if (!url) return rejectUpgrade(socket, 400, 'Bad Request');
    if (!access.hasToken(request)) return rejectUpgrade(socket, 401, 'Unauthorized');
    if (url.pathname !== API_PATH) return rejectUpgrade(socket, 404, 'Not Found');
    if (sockets.clients.size >= maxWebSockets) {
      stats.refusedWebSockets += 1;
      return rejectUpgrade(socket, 503, STATUS_TEXT[503]!);
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      sockets.emit('connection', ws, request);
      attachApiConnection(ws, options.dispatch, options.events, {
        caller: BROWSER_CALLER,
        maxBufferedBytes: options.maxBufferedBytes,
        onSlowReader: () => (stats.slowReadersDropped += 1),
      });
    });
  }

  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      handleUpgrade(request, socket, head);
    } catch {
      rejectUpgrade(socket, 500, STATUS_TEXT[500]!);
    }
  });

  // Drop connections that stopped answering pings (their event subscription would leak otherwise).
  const alive = new WeakSet<object>();
  sockets.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
  });
  const heartbeat = setInterval(() => {
    for (const ws of sockets.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();

  const origin = access.origin;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    host,
    address,
    port,
    token,
    stats: () => ({ webSockets: sockets.clients.size, ...stats }),
    close: async () => {
      clearInterval(heartbeat);
      for (const client of sockets.clients) client.close(1001, 'LUN Studio is shutting down');
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => {
          for (const client of sockets.clients) client.terminate();
          server.closeAllConnections();
        }, 500).unref();
      });
      sockets.close();
    },
  };
}

/** Reads the TLS pair given on the command line. */
export function readTlsFiles(certFile: string, keyFile: string): { cert: Buffer; key: Buffer } {
  return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
}

export { hostPort };
