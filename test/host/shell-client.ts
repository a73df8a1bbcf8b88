// Test helpers: raw HTTP requests with chosen Host / Origin / Cookie headers, and a WebSocket API client.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import WebSocket from 'ws';
import type { ApiResult, LunStudioEvent } from '../../electron/contract/api';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  port: number,
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathname, method, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The subprotocols the page offers: the API protocol and the access token. */
export function tokenProtocols(token: string): string[] {
  return ['lun-studio.v1', `lun-studio.token.${token}`];
}

/** Opens a WebSocket; resolves with the socket, or rejects with the HTTP status of a refused upgrade.
 * `token`: offered as the page does (subprotocol); undefined offers none. */
export function connect(
  port: number,
  headers: Record<string, string>,
  token?: string,
  pathname = '/api',
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(
      `ws://127.0.0.1:${port}${pathname}`,
      token === undefined ? [] : tokenProtocols(token),
      { headers },
    );
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      socket.terminate();
    });
    socket.once('error', reject);
  });
}

export class ApiClient {
  private next = 1;
  private readonly waiting = new Map<string | number | null, (result: ApiResult<unknown>) => void>();
  readonly events: LunStudioEvent[] = [];
  readonly orphans: ApiResult<unknown>[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as {
        id?: string | number | null;
        result?: ApiResult<unknown>;
        event?: LunStudioEvent;
      };
      if (message.event) {
        this.events.push(message.event);
        return;
      }
      const resolve = this.waiting.get(message.id ?? null);
      if (resolve && message.result) {
        this.waiting.delete(message.id ?? null);
        resolve(message.result);
      } else if (message.result) {
        this.orphans.push(message.result);
      }
    });
  }

  call(method: string, params?: unknown): Promise<ApiResult<unknown>> {
    const id = `r${this.next++}`;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }));
    });
  }

  /** Sends a raw frame and waits for the reply with `id` (null: an envelope the server could not read). */
  raw(frame: string, id: string | null = null): Promise<ApiResult<unknown>> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.socket.send(frame);
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** A stand-in renderer build: index.html + one asset, and a secret next to (outside) the root. */
export function makeStaticRoot(): { root: string; cleanup: () => void } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-shell-'));
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(root, 'index.html'),
    '<!doctype html><title>LUN Studio</title><script src="/assets/app.js"></script>',
  );
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app");');
  fs.writeFileSync(path.join(root, '.env'), 'SECRET=1');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'top secret');
  return { root, cleanup: () => fs.rmSync(base, { recursive: true, force: true }) };
}

/** Every cookie the responses set, as a Cookie header value ('' when none). */
export function cookiesFrom(...responses: RawResponse[]): string {
  return responses
    .flatMap((r) => r.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
