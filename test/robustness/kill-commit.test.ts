// The journal and the array agree after a SIGKILL at any moment. A host (fixtures/kill-child.ts: the real
// StorageService over the real simulator) creates LUN batches and is killed
//  - at the commit point: the moment the simulator's state file gains a LUN (the test watches the file; the
//    host has not yet recorded the creation as succeeded), 10 rounds;
//  - at a random moment during a batch, 24 rounds.
// After each kill a restarted service must account for every LUN in the array: each belongs to an operation
// shown succeeded with that LUN's id (found in the array at start when the kill came first), none to an
// operation shown anything else; per drive used + free = size; nothing shown succeeded before the kill is lost.
import { drivesOf } from '../helpers/drives-of';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageService } from '../../electron/host/storage-service';
import type { SimState } from '../../native/lib/raw-addon';
import { GiB, makeSimFixture, type SimFixture } from '../host/sim-fixture';
import { accountingProblems, allocatedByDrive } from './service-harness';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(ROOT, 'test', 'host', 'fixtures', 'ts-register.cjs');
const CHILD = path.join(__dirname, 'fixtures', 'kill-child.ts');
const COMMIT_ROUNDS = 10;
const RANDOM_ROUNDS = 20;

function lunCount(file: string): number {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as SimState;
    return state.subsystems.reduce((n, s) => n + s.luns.length, 0);
  } catch {
    return -1; // not there yet
  }
}

interface Killed {
  /** Operations the host had shown finished (state) before the kill. */
  shown: Map<string, string>;
}

/** Starts a host; kills it (SIGKILL) when `when` resolves. */
async function runAndKill(
  fixture: SimFixture,
  when: (ready: Promise<void>) => Promise<void>,
): Promise<Killed> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      REGISTER,
      CHILD,
      fixture.statePath,
      fixture.topologyPath,
      fixture.journalPath,
      '4',
      String(GiB / 2),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  const shown = new Map<string, string>();
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_c, signal) => resolve(signal)),
  );
  const ready = new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === 'ready') resolve();
        else {
          const event = JSON.parse(line) as { id: string; state: string };
          shown.set(event.id, event.state);
        }
      }
    });
    void exit.then(() => reject(new Error(`host exited before it was ready: ${stderr}`)));
  });
  try {
    await when(ready);
  } finally {
    child.kill('SIGKILL');
  }
  expect(await exit).toBe('SIGKILL');
  expect(stderr).toBe('');
  return { shown: new Map(shown) };
}

/** Restarts on the same files and checks that the array and the history agree. Returns the orphan count. */
async function expectAgreement(
  fixture: SimFixture,
  killed: Killed,
  allShown: Map<string, string>,
  found: Set<string> = new Set(),
) {
  const service = await StorageService.open({
    provider: 'sim',
    simStatePath: fixture.statePath,
    simTopologyPath: fixture.topologyPath,
    journalPath: fixture.journalPath,
    pollIntervalMs: 20,
    warn: () => undefined,
  });
  try {
    for (const [id, state] of killed.shown) allShown.set(id, state);
    const history = new Map(service.listOperations().map((op) => [op.id, op]));
    const state = JSON.parse(fs.readFileSync(fixture.statePath, 'utf8')) as SimState;
    expect(accountingProblems(state)).toEqual([]);
    const owners = new Map(
      [...history.values()].filter((op) => op.state === 'succeeded').map((op) => [op.result!.id, op]),
    );
    const orphans = state.subsystems
      .flatMap((s) => s.luns)
      .filter((lun) => owners.get(lun.id)?.id !== lun.operationId);
    expect(orphans.map((l) => l.name)).toEqual([]);
    // every operation shown succeeded owns a LUN in the array; none shown otherwise does
    const inArray = new Set(state.subsystems.flatMap((s) => s.luns.map((l) => l.id)));
    for (const [id, shownState] of allShown) {
      const op = history.get(id);
      if (!op) continue; // beyond the kept history
      if (shownState === 'succeeded') {
        expect(op.state, id).toBe('succeeded');
        expect(inArray.has(op.result!.id), id).toBe(true);
      }
    }
    for (const op of history.values())
      if (op.state !== 'succeeded') expect(op.result, `${op.id} ${op.state}`).toBeUndefined();
    expect(owners.size).toBe(inArray.size);
    const inventory = await service.getInventory();
    const used = allocatedByDrive(state);
    for (const d of Object.values(await drivesOf(service, inventory)).flat())
      expect(d.sizeBytes - d.freeBytes, d.name).toBe(used.get(d.id) ?? 0);
    return {
      luns: inArray.size,
      reconciled: service.journalReadBack.interrupted.filter(
        (op) => op.state === 'succeeded' && !found.has(op.id) && found.add(op.id),
      ).length,
    };
  } finally {
    await service.close();
  }
}

describe('SIGKILL and the array agree', () => {
  let fixture: SimFixture;
  const allShown = new Map<string, string>();
  beforeAll(() => {
    fixture = makeSimFixture(8 * GiB); // 0.5 GiB mirrors take ~60 ms: commits come often
  });
  afterAll(() => fixture?.cleanup());

  it(`killed at the commit point (the state file just gained a LUN), ${COMMIT_ROUNDS} rounds: 0 orphan LUNs`, async () => {
    let reconciled = 0;
    for (let round = 0; round < COMMIT_ROUNDS; round += 1) {
      const before = lunCount(fixture.statePath);
      const killed = await runAndKill(fixture, async (ready) => {
        await ready;
        const start = Math.max(lunCount(fixture.statePath), before);
        // watch the state file: kill the moment it holds one more LUN than at start
        for (;;) {
          if (lunCount(fixture.statePath) > start) return;
          await new Promise((resolve) => setImmediate(resolve));
        }
      });
      const result = await expectAgreement(fixture, killed, allShown);
      reconciled += result.reconciled;
    }
    console.log(
      `commit-point kills: ${COMMIT_ROUNDS} rounds, 0 orphan LUNs, ${reconciled} creations found in the array at start`,
    );
    // the kill came before the host could record at least some of those creations
    expect(reconciled).toBeGreaterThan(0);
  }, 120_000);

  it(`killed at a random moment during batches, ${RANDOM_ROUNDS} rounds: 0 orphan LUNs`, async () => {
    let luns = 0;
    for (let round = 0; round < RANDOM_ROUNDS; round += 1) {
      const killed = await runAndKill(fixture, async (ready) => {
        await ready;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 400)));
      });
      luns = (await expectAgreement(fixture, killed, allShown)).luns;
    }
    console.log(
      `random kills: ${RANDOM_ROUNDS} rounds, 0 orphan LUNs, ${luns} LUNs in the array, each owned by an operation shown succeeded`,
    );
  }, 180_000);
});
