// Who gets in to `serve`: only a client holding the access token, and never by cookies (a browser sends
// those to every port of 127.0.0.1, so another local service could replay them). The token and the port
// are kept across restarts, so the printed URL and open tabs stay valid; --new-token rotates.
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHOD_NAMES } from '../../electron/contract/api';
import { makeCertificate, makeServeHome, startServe, type ServeProcess } from '../robustness/raw-client';
import { ApiClient, connect, cookiesFrom, request } from './shell-client';

const tokenOf = (serve: ServeProcess): string => serve.url.hash.slice('#token='.length);

describe('browser shell access', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function serveIn(home: ReturnType<typeof makeServeHome>, args: string[] = ['--port', '0']) {
    const serve = await startServe([...args, ...home.args], home.env);
    cleanups.push(() => serve.stop());
    return serve;
  }

  it('a plain HTTP client that opened the printed URL, with its cookies and a forged correct Origin and Host, is refused every API call', async () => {
    const home = makeServeHome();
    cleanups.push(home.cleanup);
    const serve = await serveIn(home);
    const { port } = serve;
    const origin = serve.url.origin;
    const token = tokenOf(serve);
    // It says where it listens: the one bound address, nothing wider.
    await expect
      .poll(() => serve.stderr())
      .toContain(`Listening on 127.0.0.1:${port} only; open the URL above.`);
    // "Log in" as a plain client would: fetch the printed URL (a client sends no fragment), the same with
    // the token pasted into the query, and the page's assets; keep every cookie any of them set.
    const page = await request(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>LUN Studio</title>');
    const pasted = await request(port, `/?token=${token}`);
    const asset = await request(port, '/assets/app.js');
    const jar = cookiesFrom(page, pasted, asset);
    // Even a cookie carrying the token itself (what another port could have captured) must not count.
    const cookies = [jar, `lun_studio_session_${port}=${token}`, `token=${token}`].filter(Boolean).join('; ');
    const forged = { Cookie: cookies, Origin: origin, Host: `127.0.0.1:${port}` };

    for (const method of API_METHOD_NAMES) {
      const attempt = connect(port, forged).then(async (socket) => {
        // Should the handshake ever pass, the call itself must still fail.
        const result = await new ApiClient(socket).call(method);
        socket.close();
        return result;
      });
      await expect(attempt, method).rejects.toMatchObject({ status: 401 });
    }
    // The same request with the token (as the page sends it) gets in: the refusal above is the token's.
    const client = new ApiClient(await connect(port, { Origin: origin, Host: `127.0.0.1:${port}` }, token));
    const inventory = await client.call('getInventory');
    expect(inventory.ok).toBe(true);
    client.close();
  });

  it('keeps its token across restarts in a file only the user can read; --new-token rotates it', async () => {
    const home = makeServeHome();
    cleanups.push(home.cleanup);
    const first = await serveIn(home);
    const token = tokenOf(first);
    expect(token).toMatch(/^[\w-]{43}$/);
    const file = path.join(home.env.LUN_STUDIO_HOME!, 'browser-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(token);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const port = first.port;
    await first.stop();

    const again = await serveIn(home, ['--port', String(port)]);
    expect(again.url.href).toBe(first.url.href);
    (await connect(port, { Origin: again.url.origin }, token)).close();
    await again.stop();

    const rotated = await serveIn(home, ['--port', String(port), '--new-token']);
    expect(tokenOf(rotated)).not.toBe(token);
    expect(rotated.stderr()).toMatch(/New access token \(--new-token/);
    await expect(connect(port, { Origin: rotated.url.origin }, token)).rejects.toMatchObject({ status: 401 });
    expect((await request(port, '/api/session', { 'X-LUN-Studio-Token': token })).status).toBe(401);
    expect((await request(port, '/api/session', { 'X-LUN-Studio-Token': tokenOf(rotated) })).status).toBe(
      204,
    );
  });

  // POSIX permissions only (on Windows the per-user config folder's ACL does this job).
  it.skipIf(process.platform === 'win32')('replaces a kept token that other users could read', async () => {
    const home = makeServeHome();
    cleanups.push(home.cleanup);
    const first = await serveIn(home);
    await first.stop();
    const file = path.join(home.env.LUN_STUDIO_HOME!, 'browser-token');
    fs.chmodSync(file, 0o644);
    const second = await serveIn(home);
    expect(tokenOf(second)).not.toBe(tokenOf(first));
    expect(second.stderr()).toMatch(/readable by other users/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each(['0', '::'])(
    '--host %s with TLS is the wildcard: refused with exit 2, nothing bound',
    async (host) => {
      const home = makeServeHome();
      cleanups.push(home.cleanup);
      const { cert, key } = makeCertificate(home.dir);
      await expect(
        startServe(
          ['--port', '0', '--host', host, '--tls-cert', cert, '--tls-key', key, ...home.args],
          home.env,
        ),
      ).rejects.toThrow(
        new RegExp(`serve exited 2 before printing its URL:[\\s\\S]*host: ${host} listens on every address`),
      );
    },
  );

  it('says clearly when its port is taken, and exits 1', async () => {
    const home = makeServeHome();
    cleanups.push(home.cleanup);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as net.AddressInfo).port;
    await expect(startServe(['--port', String(port), ...home.args], home.env)).rejects.toThrow(
      new RegExp(
        `serve exited 1 before printing its URL:[\\s\\S]*Port ${port} on 127\\.0\\.0\\.1 is already in use[\\s\\S]*--port N`,
      ),
    );
  });
});
