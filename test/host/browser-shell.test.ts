import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { InventorySnapshot } from '../../electron/contract/api';
import { createDispatcher, serviceHandlers } from '../../electron/host/api-dispatcher';
import { StorageService } from '../../electron/host/storage-service';
import { isWildcardHost, startBrowserShell, type BrowserShell } from '../../electron/host/web/server';
import { parseServeArgs } from '../../electron/host/web/serve-args';
import { FakeProvider } from '../unit/fake-provider';
import { ApiClient, connect, makeStaticRoot, request, tokenProtocols } from './shell-client';

describe('browser shell', () => {
  let service: StorageService;
  let shell: BrowserShell;
  let staticRoot: ReturnType<typeof makeStaticRoot>;

  async function start(): Promise<void> {
    shell = await startBrowserShell({
      dispatch: createDispatcher(serviceHandlers(service)),
      events: service,
      staticRoot: staticRoot.root,
    });
  }

  beforeEach(async () => {
    staticRoot = makeStaticRoot();
    service = await StorageService.open({ openProvider: async () => new FakeProvider(), journalPath: false });
    await start();
  });
  afterEach(async () => {
    await shell.close();
    await service.close();
    staticRoot.cleanup();
  });

  it('binds 127.0.0.1 on a free port and prints a URL with the token in the fragment', () => {
    expect(shell.host).toBe('127.0.0.1');
    expect(shell.port).toBeGreaterThan(0);
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/#token=${shell.token}`);
    expect(shell.token).toMatch(/^[\w-]{43}$/);
  });

  it('serves the app without a credential and sets no cookie; the API needs the token', async () => {
    const page = await request(shell.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>LUN Studio</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:${shell.port}; ` +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    // the token in a query string is nothing special: no cookie, no redirect
    const withQuery = await request(shell.port, `/?token=${shell.token}`);
    expect([withQuery.status, withQuery.headers['set-cookie']]).toEqual([200, undefined]);
    const script = await request(shell.port, '/assets/app.js');
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);

    await expect(connect(shell.port, { Origin: shell.origin })).rejects.toMatchObject({ status: 401 });
    await expect(connect(shell.port, { Origin: shell.origin }, 'x'.repeat(43))).rejects.toMatchObject({
      status: 401,
    });
    // the token without the API protocol is not the handshake the page makes
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api`, [`lun-studio.token.${shell.token}`], {
          headers: { Origin: shell.origin },
        });
        ws.once('open', () => resolve(ws.close()));
        ws.once('unexpected-response', (_req, res) => reject({ status: res.statusCode }));
      }),
    ).rejects.toMatchObject({ status: 401 });
    const ws = await connect(shell.port, { Origin: shell.origin }, shell.token);
    expect(ws.protocol).toBe('lun-studio.v1');
    ws.close();
  });

  it('answers GET /api/session with 204 for the token, 401 otherwise (how a page tells a rotated token)', async () => {
    expect((await request(shell.port, '/api/session', { 'X-LUN-Studio-Token': shell.token })).status).toBe(
      204,
    );
    expect((await request(shell.port, '/api/session', { 'X-LUN-Studio-Token': 'nope' })).status).toBe(401);
    expect((await request(shell.port, '/api/session')).status).toBe(401);
  });

  it('answers 403 to a wrong Host or Origin, with or without the token (HTTP and WebSocket)', async () => {
    const port = shell.port;
    expect((await request(port, '/', { Host: `localhost:${port}` })).status).toBe(403);
    expect((await request(port, '/', { Host: 'evil.example' })).status).toBe(403);
    expect((await request(port, '/', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await request(port, '/', { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    await expect(connect(port, { Origin: 'http://evil.example' }, shell.token)).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      connect(port, { Origin: `http://127.0.0.1:${port + 1}` }, shell.token),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      connect(port, { Origin: shell.origin, Host: `localhost:${port}` }, shell.token),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('serves nothing outside the renderer build: no traversal, no dotfiles, no symlinks out, no other methods', async () => {
    fs.symlinkSync(
      path.join(staticRoot.root, '..', 'secret.txt'),
      path.join(staticRoot.root, 'assets', 'out.txt'),
    );
    const get = (p: string): Promise<number> => request(shell.port, p).then((r) => r.status);
    expect(await get('/assets/out.txt')).toBe(404);
    expect(await get('/../secret.txt')).toBe(404);
    expect(await get('/%2e%2e/secret.txt')).toBe(404);
    expect(await get('/assets/%2e%2e/%2e%2e/secret.txt')).toBe(404);
    expect(await get('/..%5csecret.txt')).toBe(400);
    expect(await get('/%E0%A4%A')).toBe(400);
    expect(await get('/.env')).toBe(404);
    expect(await get('/assets')).toBe(404);
    expect(await get('/missing.js')).toBe(404);
    expect((await request(shell.port, '/', {}, 'POST')).status).toBe(405);
  });

  it('lets a WebSocket with the token call getInventory and receive events', async () => {
    const client = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
    const result = await client.call('getInventory', { refresh: true });
    expect(result.ok).toBe(true);
    const inventory = (result as { ok: true; value: InventorySnapshot }).value;
    expect(inventory.provider).toMatchObject({ name: 'sim', label: 'Simulated array' });
    expect(inventory.subsystems.map((s) => s.name)).toEqual(['Contoso Array A']);
    // the refresh is also pushed as an event to every connection
    expect(client.events.some((e) => e.type === 'inventoryChanged')).toBe(true);
    expect(await client.call('openMonitor')).toEqual({ ok: true });
    client.close();
  });

  it('drops a connection that stops answering pings (its event subscription ends with it)', async () => {
    const quick = await startBrowserShell({
      dispatch: createDispatcher(serviceHandlers(service)),
      events: service,
      staticRoot: staticRoot.root,
      heartbeatMs: 100,
    });
    try {
      const healthy = await connect(quick.port, { Origin: quick.origin }, quick.token);
      const silent = new WebSocket(`ws://127.0.0.1:${quick.port}/api`, tokenProtocols(quick.token), {
        headers: { Origin: quick.origin },
        autoPong: false,
      });
      const closed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));
      await closed;
      expect(healthy.readyState).toBe(WebSocket.OPEN);
      healthy.close();
    } finally {
      await quick.close();
    }
  });

  it('answers a call whose handler rejects with a typed error, and keeps serving', async () => {
    const failing = await startBrowserShell({
      dispatch: async () => {
        throw new Error('the handler blew up');
      },
      events: service,
      staticRoot: staticRoot.root,
    });
    try {
      const client = new ApiClient(await connect(failing.port, { Origin: failing.origin }, failing.token));
      const result = await client.call('listOperations');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.message).toContain('the handler blew up');
        expect(typeof result.error.code).toBe('string');
        expect(typeof result.error.hresult).toBe('number');
      }
      expect((await request(failing.port, '/')).status).toBe(200);
      client.close();
    } finally {
      await failing.close();
    }
  });

  it('serves on ::1 with a bracketed Host and origin', async () => {
    const v6 = await startBrowserShell({
      dispatch: createDispatcher(serviceHandlers(service)),
      events: service,
      staticRoot: staticRoot.root,
      host: '::1',
    });
    try {
      expect(v6.url).toBe(`http://[::1]:${v6.port}/#token=${v6.token}`);
      expect(v6.address).toBe('::1');
      const status = await new Promise<number>((resolve, reject) => {
        http
          .get({ host: '::1', port: v6.port, path: '/', headers: { Host: `[::1]:${v6.port}` } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject);
      });
      expect(status).toBe(200);
      const ws = new WebSocket(`ws://[::1]:${v6.port}/api`, tokenProtocols(v6.token), {
        headers: { Origin: v6.origin },
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.close();
    } finally {
      await v6.close();
    }
  });

  it('refuses a non-loopback host without TLS', async () => {
    await expect(
      startBrowserShell({
        dispatch: createDispatcher(serviceHandlers(service)),
        events: service,
        staticRoot: staticRoot.root,
        host: '0.0.0.0',
      }),
    ).rejects.toMatchObject({ code: 'E_INSECURE_BIND' });
  });

  it.each(['0.0.0.0', '0', '::', '[::]', '0:0:0:0:0:0:0:0', '::0', '0.0', '0x0'])(
    'refuses the wildcard %s even with TLS (no Host header could match it)',
    async (host) => {
      expect(isWildcardHost(host)).toBe(true);
      await expect(
        startBrowserShell({
          dispatch: createDispatcher(serviceHandlers(service)),
          events: service,
          staticRoot: staticRoot.root,
          host,
          tls: { cert: 'unused', key: 'unused' },
        }),
      ).rejects.toMatchObject({ code: 'E_INVALIDARG', field: 'host' });
    },
  );

  it('does not take an ordinary address for the wildcard', () => {
    for (const host of ['127.0.0.1', '::1', '10.0.0.1', '0.0.0.1', 'server.example.com', '::ffff:127.0.0.1'])
      expect(isWildcardHost(host), host).toBe(false);
  });

  it('serves HTTPS and the API over wss: when given a certificate', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-tls-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    const secure = await startBrowserShell({
      dispatch: createDispatcher(serviceHandlers(service)),
      events: service,
      staticRoot: staticRoot.root,
      tls: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) },
    });
    try {
      const response = await new Promise<{ status: number; csp: string }>((resolve, reject) => {
        https
          .get({ host: '127.0.0.1', port: secure.port, path: '/', rejectUnauthorized: false }, (res) => {
            res.resume();
            resolve({
              status: res.statusCode ?? 0,
              csp: String(res.headers['content-security-policy'] ?? ''),
            });
          })
          .on('error', reject);
      });
      expect(secure.url).toBe(`https://127.0.0.1:${secure.port}/#token=${secure.token}`);
      expect(response.status).toBe(200);
      expect(response.csp).toContain(`connect-src 'self' wss://127.0.0.1:${secure.port}`);
      const ws = new WebSocket(`wss://127.0.0.1:${secure.port}/api`, tokenProtocols(secure.token), {
        headers: { Origin: secure.origin },
        rejectUnauthorized: false,
      });
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const client = new ApiClient(ws);
      expect(await client.call('openMonitor')).toEqual({ ok: true });
      client.close();
    } finally {
      await secure.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('serve arguments', () => {
  it('parses every option and refuses bad ones', () => {
    expect(
      parseServeArgs([
        '--port',
        '8080',
        '--host=::1',
        '--open',
        '--provider',
        'sim',
        '--sim-state',
        's.json',
      ]),
    ).toMatchObject({ port: 8080, host: '::1', open: true, provider: 'sim', simState: 's.json' });
    expect(() => parseServeArgs(['--port', '70000'])).toThrow(/--port must be a whole number 0–65535/);
    expect(() => parseServeArgs(['--provider', 'nfs'])).toThrow(/--provider must be sim or vds/);
    expect(() => parseServeArgs(['--tls-cert', 'c.pem'])).toThrow(/--tls-cert and --tls-key go together/);
    expect(() => parseServeArgs(['--verbose'])).toThrow(/unknown option --verbose/);
    expect(() => parseServeArgs(['--host'])).toThrow(/--host needs a value/);
  });
});
