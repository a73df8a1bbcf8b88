// The browser shell stays bounded under load: a capped number of API connections and TCP connections,
// a client that stops reading is dropped (the others keep working), and the operation queue refuses
// work beyond its cap with E_QUEUE_FULL naming the limit.
import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LunStudioEvent } from '../../electron/contract/api';
import type { Operation } from '../../electron/contract/model';
import { createDispatcher, serviceHandlers } from '../../electron/host/api-dispatcher';
import { MAX_QUEUED } from '../../electron/host/operations';
import { StorageService } from '../../electron/host/storage-service';
import { startBrowserShell, type BrowserShell } from '../../electron/host/web/server';
import { FakeProvider, SUBSYSTEM_ID } from '../unit/fake-provider';
import { ApiClient, connect, makeStaticRoot, request } from './shell-client';

/** An event source the test drives directly (any payload size, any rate). */
class Events {
  private readonly handlers = new Set<(event: LunStudioEvent) => void>();
  subscribe(handler: (event: LunStudioEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
  emit(event: LunStudioEvent): void {
    for (const handler of this.handlers) handler(event);
  }
  get subscribers(): number {
    return this.handlers.size;
  }
}

/** A WebSocket client that completes the handshake and then never reads another byte. */
async function neverReading(port: number, token: string): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    `GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: http://127.0.0.1:${port}\r\n` +
      'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n' +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: lun-studio.v1, lun-studio.token.${token}\r\n\r\n`,
  );
  await new Promise<void>((resolve, reject) => {
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve();
      else reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
  });
  socket.pause();
  return socket;
}

const staticRoot = makeStaticRoot();

describe('browser shell limits', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function shellWith(
    options: Partial<Parameters<typeof startBrowserShell>[0]> & { events?: Events } = {},
  ): Promise<{ shell: BrowserShell; service: StorageService; provider: FakeProvider }> {
    const provider = new FakeProvider();
    const service = await StorageService.open({ openProvider: async () => provider, journalPath: false });
    const shell = await startBrowserShell({
      dispatch: createDispatcher(serviceHandlers(service)),
      events: service,
      staticRoot: staticRoot.root,
      ...options,
    });
    cleanups.push(async () => {
      await shell.close();
      await service.close();
    });
    return { shell, service, provider };
  }

  it('caps API connections: the one past the cap gets 503, a freed slot is usable again', async () => {
    const { shell } = await shellWith({ maxWebSockets: 3 });
    const open = await Promise.all(
      [1, 2, 3].map(() => connect(shell.port, { Origin: shell.origin }, shell.token)),
    );
    await expect(connect(shell.port, { Origin: shell.origin }, shell.token)).rejects.toMatchObject({
      status: 503,
    });
    expect(shell.stats()).toMatchObject({ webSockets: 3, refusedWebSockets: 1 });
    open[0]!.close();
    await new Promise<void>((resolve) => open[0]!.once('close', () => resolve()));
    await expect.poll(() => shell.stats().webSockets).toBe(2);
    const again = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
    expect(await again.call('openMonitor')).toEqual({ ok: true });
    for (const ws of [again.socket, open[1]!, open[2]!]) ws.close();
  });

  it('caps TCP connections: past the cap a connection is closed unanswered; the host serves once they go', async () => {
    const { shell } = await shellWith({ maxConnections: 5 });
    const idle: net.Socket[] = [];
    for (let i = 0; i < 5; i += 1) {
      const socket = net.connect({ host: '127.0.0.1', port: shell.port });
      await new Promise<void>((resolve) => socket.once('connect', resolve));
      idle.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const extra = net.connect({ host: '127.0.0.1', port: shell.port });
    let answered = '';
    extra.on('data', (chunk: Buffer) => (answered += chunk.toString()));
    extra.on('connect', () => extra.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${shell.port}\r\n\r\n`));
    await new Promise<void>((resolve) => extra.once('close', () => resolve()));
    expect(answered).toBe('');
    for (const socket of idle) socket.destroy();
    await expect
      .poll(async () => (await request(shell.port, '/').catch(() => ({ status: 0 }))).status)
      .toBe(200);
  });

  it('drops a client that stops reading once its send buffer passes the limit; the others keep working', async () => {
    const events = new Events();
    const { shell } = await shellWith({ events, maxBufferedBytes: 256 * 1024 });
    const slow = await neverReading(shell.port, shell.token);
    const healthy = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
    await expect.poll(() => events.subscribers).toBe(2);
    // 64 KiB events until the slow client is dropped (bounded: 2,000 events = 128 MiB at most).
    const big = 'x'.repeat(64 * 1024);
    const event = { type: 'inventoryChanged', inventory: { filler: big } } as unknown as LunStudioEvent;
    let sent = 0;
    while (shell.stats().slowReadersDropped === 0 && sent < 2000) {
      events.emit(event);
      sent += 1;
      // a reading client gets the time to read each one (as a browser does between events)
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(shell.stats().slowReadersDropped).toBe(1);
    expect(events.subscribers).toBe(1); // the dropped one's subscription ended with it
    // Its socket was closed by the host: reading now runs into the end.
    slow.resume();
    await new Promise<void>((resolve) => slow.once('close', () => resolve()));
    // The healthy client got every event and still answers.
    await expect.poll(() => healthy.events.length, { timeout: 10_000 }).toBe(sent);
    expect(await healthy.call('openMonitor')).toEqual({ ok: true });
    healthy.close();
  });

  it(`refuses operations past ${MAX_QUEUED} queued with E_QUEUE_FULL naming the limit; none of that batch is queued`, async () => {
    const { shell } = await shellWith();
    const client = new ApiClient(await connect(shell.port, { Origin: shell.origin }, shell.token));
    const request = { subsystemId: SUBSYSTEM_ID, type: 'simple', sizeBytes: 1024 ** 2 };
    let refused: { ok: false; error: { code: string; hresult: number; message: string } } | undefined;
    let accepted = 0;
    for (let i = 0; i < 40 && !refused; i += 1) {
      const result = await client.call('createLuns', { request, count: 64 });
      if (result.ok) accepted += (result.value as { operations: Operation[] }).operations.length;
      else refused = result as unknown as typeof refused;
    }
    expect(refused?.error).toMatchObject({ code: 'E_QUEUE_FULL', hresult: 0x800700aa });
    expect(refused?.error.message).toContain(`at most ${MAX_QUEUED} operations can wait`);
    const listed = (await client.call('listOperations')) as { ok: true; value: Operation[] };
    const queued = listed.value.filter((op) => op.state === 'queued').length;
    expect(listed.value).toHaveLength(accepted);
    expect(queued).toBeLessThanOrEqual(MAX_QUEUED);
    expect(queued + 64).toBeGreaterThan(MAX_QUEUED); // refused because this batch would not fit
    // A batch that fits still goes in.
    const fits = MAX_QUEUED - queued;
    if (fits > 0)
      expect((await client.call('createLuns', { request, count: Math.min(fits, 64) })).ok).toBe(true);
    client.close();
  });
});
