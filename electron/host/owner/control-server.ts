// The owner's control endpoint: a Unix domain socket (a named pipe on Windows) in the user's runtime folder.
// Only a client that presents the secret from the user's control.secret file (mode 0600, in a 0700 folder)
// is let in; it then speaks the browser shell's WebSocket protocol (web/ws-api.ts): the same dispatcher,
// the same events. A browser cannot reach a socket file, and any request that carries an Origin is refused
// all the same. Every handler catches: no byte sequence ends the owner.
import { timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { ApiDispatch } from '../api-dispatcher';
import { isShellName, osUser, SHELL_HEADER } from '../caller';
import { attachApiConnection, type EventSource } from '../web/ws-api';

export const CONTROL_PATH = '/control';
export const SECRET_HEADER = 'x-lun-studio-secret';

export interface ControlServer {
  /** Clients connected right now. */
  connections(): number;
  /** Stops listening and drops every client. */
  close(): Promise<void>;
}

function sameSecret(presented: string | string[] | undefined, secret: Buffer): boolean {
  if (typeof presented !== 'string') return false;
  const given = Buffer.from(presented, 'utf8');
  return given.length === secret.length && timingSafeEqual(given, secret);
}

function refuse(socket: Duplex, status: number, reason: string): void {
  try {
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  } catch {
    socket.destroy();
  }
}

export async function startControlServer(options: {
  endpoint: string;
  secret: string;
  dispatch: ApiDispatch;
  events: EventSource;
}): Promise<ControlServer> {
  const secret = Buffer.from(options.secret, 'utf8');
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const server = http.createServer((_request, response) => {
    response.writeHead(426, { Connection: 'close' }).end();
  });
  server.on('clientError', (_error, socket) => refuse(socket, 400, 'Bad Request'));
  server.on('upgrade', (request, socket, head) => {
    try {
      socket.on('error', () => socket.destroy());
      if (request.url !== CONTROL_PATH || request.headers.origin !== undefined) {
        refuse(socket, 403, 'Forbidden');
        return;
      }
      if (!sameSecret(request.headers[SECRET_HEADER], secret)) {
        refuse(socket, 401, 'Unauthorized');
        return;
      }
      // Only this user can reach the endpoint; the client says which shell it is (lun-studio: cli).
      const shell = request.headers[SHELL_HEADER];
      const caller = { shell: isShellName(shell) ? shell : 'cli', user: osUser() } as const;
      wss.handleUpgrade(request, socket, head, (ws) => {
        ws.on('error', () => ws.terminate());
        attachApiConnection(ws, options.dispatch, options.events, { caller });
      });
    } catch {
      socket.destroy();
    }
  });

  // Only the lock holder gets here, so a socket file left by a crashed owner is ours to remove.
  if (process.platform !== 'win32') fs.rmSync(options.endpoint, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.endpoint, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (process.platform !== 'win32') fs.chmodSync(options.endpoint, 0o600);

  return {
    connections: () => wss.clients.size,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      wss.close();
      if (process.platform !== 'win32') fs.rmSync(options.endpoint, { force: true });
    },
  };
}
