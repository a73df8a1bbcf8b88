// The browser-shell host process (serve.ts, the real StorageService over the real simulator) is SIGKILLed
// while LUN creations run and wait in its queue, three times over the same state and journal. After every
// kill a restarted host must show those operations as interrupted, an inventory equal to the simulator's
// state file with exact capacity accounting, and still work (a new creation succeeds).
import { drivesOf } from '../helpers/drives-of';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../electron/contract/api';
import type { Operation } from '../../electron/contract/model';
import { ApiClient, connect, makeStaticRoot } from '../host/shell-client';
import { GiB, makeSimFixture, type SimFixture } from '../host/sim-fixture';
import { accountingProblems, allocatedByDrive, settled } from './service-harness';
import { StorageService } from '../../electron/host/storage-service';
import { readState } from './service-state';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(ROOT, 'test', 'host', 'fixtures', 'ts-register.cjs');
const SERVE = path.join(ROOT, 'electron', 'host', 'web', 'serve.ts');
const ROUNDS = 3;
const BATCH = 6; // 4 run at once (the host's default concurrency), 2 wait in the queue

async function until<T>(probe: () => T | undefined, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

interface Host {
  child: ChildProcess;
  client: ApiClient;
  exit: Promise<NodeJS.Signals | null>;
}

async function startHost(fixture: SimFixture, rendererDir: string): Promise<Host> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      REGISTER,
      SERVE,
      '--port',
      '0',
      '--sim-state',
      fixture.statePath,
      '--sim-topology',
      fixture.topologyPath,
      '--journal',
      fixture.journalPath,
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LUN_STUDIO_RENDERER_DIR: rendererDir,
        LUN_STUDIO_HOME: path.join(fixture.dir, 'home'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exit = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = new URL((await until(() => (stdout.includes('\n') ? stdout : undefined))).trim());
  const port = Number(url.port);
  const token = url.hash.slice('#token='.length);
  const client = new ApiClient(await connect(port, { Origin: `http://127.0.0.1:${port}` }, token));
  return { child, client, exit };
}

function value<T>(result: unknown): T {
  const r = result as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(`API call failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe(`host process SIGKILLed while creations run (${ROUNDS} rounds)`, () => {
  let fixture: SimFixture;
  let renderer: { root: string; cleanup: () => void };
  const killed = new Set<string>();
  const succeeded = new Set<string>();

  beforeAll(() => {
    fixture = makeSimFixture(1 * GiB); // 8 GiB LUNs take 8 s: they run when the kill comes
    renderer = makeStaticRoot();
  });
  afterAll(() => {
    renderer?.cleanup();
    fixture?.cleanup();
  });

  for (let round = 1; round <= ROUNDS; round += 1) {
    it(`round ${round}: the restarted host shows them interrupted, the inventory equals the simulator's state`, async () => {
      const host = await startHost(fixture, renderer.root);
      let ids: string[];
      try {
        const inventory = value<InventorySnapshot>(await host.client.call('getInventory'));
        const subsystemId = inventory.subsystems[0]!.id;
        // one small LUN that finishes before the kill: its success must survive
        const small = value<{ operations: Operation[] }>(
          await host.client.call('createLuns', {
            request: { subsystemId, type: 'simple', sizeBytes: GiB / 4 },
            count: 1,
          }),
        ).operations[0]!.id;
        await until(() =>
          host.client.events.some((e) => e.type === 'operationFinished' && e.operation.id === small),
        );
        succeeded.add(small);
        const batch = value<{ operations: Operation[] }>(
          await host.client.call('createLuns', {
            request: { subsystemId, type: round % 2 ? 'mirror' : 'stripe', sizeBytes: 8 * GiB },
            count: BATCH,
          }),
        ).operations;
        ids = batch.map((op) => op.id);
        await until(() =>
          host.client.events.some(
            (e) =>
              e.type === 'operationsProgress' &&
              e.operations.some((op) => ids.includes(op.id) && (op.percent ?? 0) > 0),
          ),
        );
      } finally {
        host.child.kill('SIGKILL');
      }
      expect(await host.exit).toBe('SIGKILL');
      for (const id of ids) killed.add(id);

      const service = await StorageService.open({
        provider: 'sim',
        simStatePath: fixture.statePath,
        simTopologyPath: fixture.topologyPath,
        journalPath: fixture.journalPath,
        pollIntervalMs: 20,
        warn: () => undefined,
      });
      try {
        expect(service.journalReadBack.corruptLines).toBe(0);
        expect(service.journalReadBack.interrupted.map((op) => op.id).sort()).toEqual([...ids].sort());
        const history = new Map(service.listOperations().map((op) => [op.id, op]));
        for (const id of killed) expect(history.get(id)?.state, id).toBe('interrupted');
        for (const id of succeeded) expect(history.get(id)?.state, id).toBe('succeeded');

        const state = await readState(fixture.statePath);
        expect(accountingProblems(state)).toEqual([]);
        const inventory = await service.getInventory();
        const luns = Object.values(inventory.luns).flat();
        expect(luns.map((l) => l.id).sort()).toEqual(
          state.subsystems.flatMap((s) => s.luns.map((l) => l.id)).sort(),
        );
        const resultIds = [...succeeded].map((id) => history.get(id)!.result!.id).sort();
        expect(luns.map((l) => l.id).sort()).toEqual(resultIds);
        const used = allocatedByDrive(state);
        for (const d of Object.values(await drivesOf(service, inventory)).flat())
          expect(d.freeBytes, d.name).toBe(d.sizeBytes - (used.get(d.id) ?? 0));

        // still works: a new creation succeeds on the restarted host
        const { operations } = await service.createLuns({
          request: { subsystemId: inventory.subsystems[0]!.id, type: 'simple', sizeBytes: GiB / 4 },
          count: 1,
        });
        const [after] = await settled(service, [operations[0]!.id]);
        expect(after!.state).toBe('succeeded');
        succeeded.add(after!.id);
      } finally {
        await service.close();
      }
    });
  }
});
