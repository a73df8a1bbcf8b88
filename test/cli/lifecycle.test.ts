// End to end through the real `lun-studio` binary on the real simulator: a LUN's whole life (create, extend by
// 1 GiB with live progress, extend to the maximum, shrink, host access to an IQN and back, delete) gives every
// drive its free space back byte for byte; shrink and delete refuse without --yes and change nothing; a second
// command on a LUN another command is extending is refused naming that operation; Ctrl-C rolls an extend back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drive, Lun } from '../../electron/contract/model';
import {
  GiB,
  drives,
  ensureBuilt,
  jsonLines,
  removeTempDirs,
  runCli,
  simArgs,
  startCli,
  tempDir,
  waitForOutput,
  writeTopology,
} from './cli-harness';

const MiB = 2 ** 20;
const IQN = 'iqn.1991-05.com.microsoft:host1';
let sim: string[];
let statePath: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  await ensureBuilt();
  const dir = tempDir('lifecycle');
  const topology = writeTopology(dir, [
    // 1 GiB/s: adding 1 GiB takes about a second, long enough for several progress events.
    {
      name: 'Lifecycle Array',
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      initRateBytesPerSec: GiB,
      drives: drives(4, 4 * GiB),
    },
    // 64 MiB/s: an extend by 4 GiB takes a minute, so other commands meet it running.
    {
      name: 'Slow Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 64 * MiB,
      drives: drives(1, 16 * GiB),
    },
  ]);
  statePath = path.join(dir, 'state.json');
  sim = simArgs(statePath, topology);
  expect((await runCli([...sim, 'subsystems'])).code).toBe(0);
}, 240_000);

async function luns(subsystem: string): Promise<Lun[]> {
  const result = await runCli([...sim, '--json', 'luns', subsystem]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Lun[];
}

async function freeByDrive(subsystem: string): Promise<Record<string, number>> {
  const result = await runCli([...sim, '--json', 'drives', subsystem]);
  expect(result.code, result.stderr).toBe(0);
  return Object.fromEntries((JSON.parse(result.stdout) as Drive[]).map((d) => [d.id, d.freeBytes]));
}

async function maxExtend(subsystem: string, lun: string): Promise<number> {
  const result = await runCli([...sim, '--json', 'max-extend', subsystem, lun]);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { maxBytes: number }).maxBytes;
}

/** Runs a command with --json that ends with a done event; returns its events. */
async function ndjson(args: string[]): Promise<Record<string, unknown>[]> {
  const result = await runCli([...sim, '--json', ...args]);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return jsonLines(result.stdout);
}

describe('lun-studio: a LUN from creation to deletion on the simulator', () => {
  it('create → extend 1 GiB → extend to max → shrink 512 MiB → set-mask IQN, "" → delete: free space back byte for byte', async () => {
    const A = 'Lifecycle Array';
    const freeAtStart = await freeByDrive(A);

    const created = await ndjson([
      'create-lun',
      A,
      '--type',
      'mirror',
      '--size',
      '1GiB',
      '--drives',
      'Bay 00,Bay 01',
    ]);
    const lun = created.at(-1)!.lun as Lun;
    expect(lun.sizeBytes).toBeGreaterThanOrEqual(GiB);

    const extended = await ndjson(['extend-lun', A, lun.name, '--by', '1GiB']);
    expect(new Set(extended.map((e) => e.kind))).toEqual(new Set(['extendLun']));
    const percents = new Set(extended.filter((e) => e.event === 'progress').map((e) => e.percent));
    expect(percents.size, JSON.stringify([...percents])).toBeGreaterThanOrEqual(3);
    const afterExtend = extended.at(-1)!;
    expect(afterExtend.event).toBe('done');
    const grown = afterExtend.lun as Lun;
    expect(grown.sizeBytes).toBeGreaterThanOrEqual(lun.sizeBytes + GiB);
    expect((await luns(A)).find((l) => l.id === lun.id)!.sizeBytes).toBe(grown.sizeBytes);

    const room = await maxExtend(A, lun.id);
    expect(room).toBeGreaterThan(0);
    const toMax = await ndjson(['extend-lun', A, lun.id, '--to', 'max']);
    const largest = toMax.at(-1)!.lun as Lun;
    expect(largest.sizeBytes).toBeGreaterThanOrEqual(grown.sizeBytes + room);
    const left = await maxExtend(A, lun.id);
    expect(left).toBeLessThan(MiB); // 0, or what rounding to the allocation unit left over

    const shrunk = (await ndjson(['shrink-lun', A, lun.id, '--by', '512MiB', '--yes'])).at(-1)!;
    expect(shrunk).toMatchObject({ event: 'done', kind: 'shrinkLun' });
    expect((shrunk.lun as Lun).sizeBytes).toBe(largest.sizeBytes - 512 * MiB);

    const masked = (await ndjson(['set-mask', A, lun.id, '--unmask', IQN])).at(-1)!;
    expect(masked).toMatchObject({ event: 'done', kind: 'setLunMask', lun: { unmaskingList: IQN } });
    expect((await luns(A)).find((l) => l.id === lun.id)!.unmaskingList).toBe(IQN);
    const unmasked = (await ndjson(['set-mask', A, lun.id, '--unmask', ''])).at(-1)!;
    expect(unmasked).toMatchObject({ event: 'done', lun: { unmaskingList: '' } });

    const deleted = (await ndjson(['delete-lun', A, lun.id, '--yes'])).at(-1)!;
    expect(deleted).toMatchObject({ event: 'done', kind: 'deleteLun', lun: { id: lun.id } });
    expect((await luns(A)).map((l) => l.id)).not.toContain(lun.id);
    expect(await freeByDrive(A)).toEqual(freeAtStart);

    // The history has every step, newest first.
    const history = await runCli([...sim, '--json', 'operations']);
    const kinds = (JSON.parse(history.stdout) as { kind: string; state: string }[])
      .filter((op) => op.state === 'succeeded')
      .map((op) => op.kind);
    expect(kinds.slice(0, 7)).toEqual([
      'deleteLun',
      'setLunMask',
      'setLunMask',
      'shrinkLun',
      'extendLun',
      'extendLun',
      'createLun',
    ]);
  }, 120_000);

  it('shrink-lun and delete-lun without --yes exit 2, say what would be lost and change nothing', async () => {
    const A = 'Lifecycle Array';
    const lun = (await ndjson(['create-lun', A, '--type', 'simple', '--size', '1GiB', '--unmask', '*'])).at(
      -1,
    )!.lun as Lun;
    const stateBefore = fs.readFileSync(statePath, 'utf8');

    const shrink = await runCli([...sim, 'shrink-lun', A, lun.name, '--by', '512MiB']);
    expect(shrink.code).toBe(2);
    expect(shrink.stderr).toContain(
      `shrinking LUN ${lun.id} ("${lun.name}") from 1 GiB to 512 MiB discards its last 512 MiB: shrink the file system on it first; add --yes to go ahead`,
    );
    const remove = await runCli([...sim, 'delete-lun', A, lun.name]);
    expect(remove.code).toBe(2);
    expect(remove.stderr).toContain(
      `deleting LUN ${lun.id} ("${lun.name}") destroys all 1 GiB of data on it`,
    );
    expect(remove.stderr).toContain('add --yes to go ahead');
    // Unmasked to every host: --yes alone is not enough either.
    const unmasked = await runCli([...sim, 'delete-lun', A, lun.name, '--yes']);
    expect(unmasked.code).toBe(2);
    expect(unmasked.stderr).toMatch(/is unmasked to every host .*\(E_LUN_UNMASKED 0x80042413\)/);
    expect(unmasked.stderr).toContain('hint: Add --even-if-unmasked');

    expect(fs.readFileSync(statePath, 'utf8')).toBe(stateBefore);
    expect((await luns(A)).find((l) => l.id === lun.id)).toMatchObject({ sizeBytes: lun.sizeBytes });

    const gone = await runCli([...sim, 'delete-lun', A, lun.name, '--yes', '--even-if-unmasked']);
    expect(gone.code, gone.stderr).toBe(0);
    expect((await luns(A)).map((l) => l.id)).not.toContain(lun.id);
  }, 60_000);

  it('a delete of a LUN another command is extending is refused naming that extend; Ctrl-C rolls the extend back', async () => {
    const S = 'Slow Array';
    const lun = (await ndjson(['create-lun', S, '--type', 'simple', '--size', '16MiB'])).at(-1)!.lun as Lun;
    const freeBefore = await freeByDrive(S);
    const extending = startCli([...sim, '--json', 'extend-lun', S, lun.id, '--by', '4GiB']);
    await waitForOutput(extending, (out) => jsonLines(out).some((e) => e.event === 'progress'));
    const operationId = jsonLines(extending.stdout())[0]!.operationId as string;

    const refused = await runCli([...sim, 'delete-lun', S, lun.id, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `an extend (operation ${operationId}) is running on LUN "${lun.name}" (${lun.id})`,
    );
    expect(refused.stderr).toMatch(/\(E_LUN_BUSY 0x80042413\)$/m);
    const shrink = await runCli([...sim, 'shrink-lun', S, lun.id, '--by', '1MiB', '--yes']);
    expect(shrink.code).toBe(1);
    expect(shrink.stderr).toContain(`(operation ${operationId}) is running`);

    extending.child.kill('SIGINT');
    const result = await extending.result;
    expect(result.code).toBe(130);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({
      event: 'canceled',
      kind: 'extendLun',
      operationId,
    });
    expect((await luns(S)).find((l) => l.id === lun.id)!.sizeBytes).toBe(lun.sizeBytes);
    expect(await freeByDrive(S)).toEqual(freeBefore);
    const canceled = await runCli([
      ...sim,
      '--json',
      'operations',
      '--kind',
      'extendLun',
      '--state',
      'canceled',
    ]);
    expect((JSON.parse(canceled.stdout) as { id: string }[]).map((op) => op.id)).toContain(operationId);
  }, 120_000);
});
