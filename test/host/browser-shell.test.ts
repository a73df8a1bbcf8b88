import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
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
import { FakeProvider } from '../unit/host/fake-provider';
import { ApiClient, connect, cookieFrom, makeStaticRoot, request } from './shell-client';

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

  async function login(): Promise<string> {
    const response = await request(shell.port, `/?token=${shell.token}`);
    expect(response.status).toBe(302);
    return cookieFrom(response);
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

  it('binds 127.0.0.1 on a free port and prints a URL holding the token', () => {
    expect(shell.host).toBe('127.0.0.1');
    expect(shell.port).toBeGreaterThan(0);
    expect(shell.url).toBe(`http://127.0.0.1:${shell.port}/?token=${shell.token}`);
    expect(shell.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 401 without token or cookie, on HTTP and on the WebSocket upgrade', async () => {
    expect((await request(shell.port, '/')).status).toBe(401);
    expect((await request(shell.port, '/assets/app.js')).status).toBe(401);
    expect((await request(shell.port, '/?token=wrong')).status).toBe(401);
    await expect(connect(shell.port, { Origin: shell.origin })).rejects.toMatchObject({ status: 401 });
    await expect(
      connect(shell.port, { Origin: shell.origin, Cookie: `lun_studio_session_${shell.port}=forged` }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('exchanges the token once for an HttpOnly SameSite=Strict cookie and a redirect to /', async () => {
    const response = await request(shell.port, `/?token=${shell.token}`);
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/');
    const setCookie = response.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    // one-time: the same token does not work again without the cookie
    expect((await request(shell.port, `/?token=${shell.token}`)).status).toBe(401);

    const page = await request(shell.port, '/', { Cookie: cookieFrom(response) });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<title>LUN Studio</title>');
    expect(page.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; connect-src 'self' ws://127.0.0.1:${shell.port}; ` +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const script = await request(shell.port, '/assets/app.js', { Cookie: cookieFrom(response) });
    expect([script.status, script.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('answers 403 to a wrong Host or Origin, with or without the cookie (HTTP and WebSocket)', async () => {
    const cookie = await login();
    const port = shell.port;
    expect((await request(port, '/', { Cookie: cookie, Host: `localhost:${port}` })).status).toBe(403);
    expect((await request(port, '/', { Cookie: cookie, Host: 'evil.example' })).status).toBe(403);
    expect((await request(port, '/', { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await request(port, '/', { Cookie: cookie, Origin: `http://127.0.0.1:${port + 1}` })).status,
    ).toBe(403);
    // a rebinding page cannot even redeem a token
    expect((await request(port, `/?token=${shell.token}`, { Host: `attacker.test:${port}` })).status).toBe(
      403,
    );
    await expect(connect(port, { Cookie: cookie, Origin: 'http://evil.example' })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      connect(port, { Cookie: cookie, Origin: shell.origin, Host: `localhost:${port}` }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it('serves nothing outside the renderer build: no traversal, no dotfiles, no other methods', async () => {
    const cookie = await login();
    const get = (p: string): Promise<number> =>
      request(shell.port, p, { Cookie: cookie }).then((r) => r.status);
    expect(await get('/../secret.txt')).toBe(404);
    expect(await get('/%2e%2e/secret.txt')).toBe(404);
    expect(await get('/assets/%2e%2e/%2e%2e/secret.txt')).toBe(404);
    expect(await get('/..%5csecret.txt')).toBe(400);
    expect(await get('/%E0%A4%A')).toBe(400);
    expect(await get('/.env')).toBe(404);
    expect(await get('/assets')).toBe(404);
    expect(await get('/missing.js')).toBe(404);
    expect((await request(shell.port, '/', { Cookie: cookie }, 'POST')).status).toBe(405);
  });

  it('lets a WebSocket with the cookie call getInventory and receive events', async () => {
    const cookie = await login();
    const client = new ApiClient(await connect(shell.port, { Cookie: cookie, Origin: shell.origin }));
    const result = await client.call('getInventory', { refresh: true });
    expect(result.ok).toBe(true);
    const inventory = (result as { ok: true; value: InventorySnapshot }).value;
    expect(inventory.provider).toMatchObject({ name: 'sim', label: 'Simulated array' });
    expect(inventory.subsystems.map((s) => s.name)).toEqual(['Fake Array']);
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
      const cookieForQuick = cookieFrom(await request(quick.port, `/?token=${quick.token}`));
      const healthy = await connect(quick.port, { Cookie: cookieForQuick, Origin: quick.origin });
      const silent = new WebSocket(`ws://127.0.0.1:${quick.port}/api`, {
        headers: { Cookie: cookieForQuick, Origin: quick.origin },
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

  it('serves HTTPS with a Secure cookie and a wss: CSP when given a certificate', async () => {
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
      const response = await new Promise<{ status: number; cookie: string }>((resolve, reject) => {
        https
          .get(
            {
              host: '127.0.0.1',
              port: secure.port,
              path: `/?token=${secure.token}`,
              rejectUnauthorized: false,
            },
            (res) => {
              res.resume();
              resolve({ status: res.statusCode ?? 0, cookie: res.headers['set-cookie']?.[0] ?? '' });
            },
          )
          .on('error', reject);
      });
      expect(secure.url.startsWith('https://127.0.0.1:')).toBe(true);
      expect(response.status).toBe(302);
      expect(response.cookie).toMatch(/; Secure/);
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
