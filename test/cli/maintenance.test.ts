// End to end through the real `lun-studio` binary on the real simulator: a mirror on D1+D2 loses D2 (sim
// fail-drive), is degraded naming D2, D2 is replaced by D5 and the mirror recovered with live progress until it
// is healthy on D1 and D5 only, every drive's space exact; replace-drive without --yes changes nothing; a hot
// spare on a drive in use is refused with the reason, on an unused one it shows in `drives --json`; identify
// on/off shows and clears the flag; sim is refused with exit 2 on vds.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drive, Lun, LunDetails, Operation } from '../../electron/contract/model';
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
const A = 'Repair Array';
const SLOW = 'Slow Repair Array';
let sim: string[];
let statePath: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  await ensureBuilt();
  const dir = tempDir('maintenance');
  const topology = writeTopology(dir, [
    {
      name: A,
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      // 512 MiB/s: rebuilding 1 GiB takes about two seconds, long enough for several progress events.
      initRateBytesPerSec: 512 * MiB,
      drives: drives(6, 4 * GiB).map((drive, index) => ({ ...drive, name: `D${index + 1}` })),
    },
    // 128 MiB/s: rebuilding 512 MiB takes about four seconds, time to interrupt it.
    {
      name: SLOW,
      supportedTypes: ['mirror'],
      initRateBytesPerSec: 128 * MiB,
      drives: drives(2, GiB).map((drive, index) => ({ ...drive, name: `S${index + 1}` })),
    },
  ]);
  statePath = path.join(dir, 'state.json');
  sim = simArgs(statePath, topology);
  expect((await runCli([...sim, 'subsystems'])).code).toBe(0);
}, 240_000);

async function json<T>(args: string[]): Promise<T> {
  const result = await runCli([...sim, '--json', ...args]);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout) as T;
}

async function drivesByName(): Promise<Record<string, Drive>> {
  return Object.fromEntries((await json<Drive[]>(['drives', A])).map((d) => [d.name, d]));
}

/** Runs a command with --json that ends with a done event; returns its events. */
async function ndjson(args: string[]): Promise<Record<string, unknown>[]> {
  const result = await runCli([...sim, '--json', ...args]);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  const events = jsonLines(result.stdout);
  expect(events.at(-1)!.event, result.stdout).toBe('done');
  return events;
}

describe('lun-studio: a failed drive replaced and its mirror recovered on the simulator', () => {
  it('fail D2 → degraded naming D2; replace D2 by D5; recover (≥ 3 percents) → healthy on D1 + D5; space exact', async () => {
    const created = await ndjson([
      'create-lun',
      A,
      '--type',
      'mirror',
      '--size',
      '1GiB',
      '--drives',
      'D1,D2',
    ]);
    const lun = created.at(-1)!.lun as Lun;
    const before = await drivesByName();
    const [d1, d2, d5] = [before.D1!, before.D2!, before.D5!];
    const usedOnD2 = d2.sizeBytes - d2.freeBytes;
    expect(usedOnD2).toBeGreaterThanOrEqual(GiB);

    const failed = await runCli([...sim, 'sim', 'fail-drive', A, 'D2']);
    expect(failed.code, failed.stderr).toBe(0);
    expect(failed.stdout).toContain(`Simulated failure of drive "D2" (${d2.id}): it is failed`);
    expect((await json<Lun[]>(['luns', A])).find((l) => l.id === lun.id)).toMatchObject({
      status: 'online',
      health: 'degraded',
    });
    const hurt = await json<LunDetails>(['lun', A, lun.name]);
    expect(hurt.failedDriveIds).toEqual([d2.id]);
    expect((await drivesByName()).D2).toMatchObject({ status: 'failed', health: 'failed' });

    // Without --yes: says what would move, exit 2, the state file is untouched.
    const state = fs.readFileSync(statePath, 'utf8');
    const unconfirmed = await runCli([...sim, 'replace-drive', A, 'D2', 'D5']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toContain(
      `replacing drive "D2" (${d2.id}) with drive "D5" (${d5.id}) moves the extents of LUN "${lun.name}" (${lun.id}) to it`,
    );
    expect(unconfirmed.stderr).toContain('add --yes to go ahead');
    expect(fs.readFileSync(statePath, 'utf8')).toBe(state);

    const replaced = (await ndjson(['replace-drive', A, 'D2', 'D5', '--yes'])).at(-1)!;
    expect(replaced).toMatchObject({ kind: 'replaceDrive', drive: { id: d5.id } });
    expect((replaced.lunsToRecover as Lun[]).map((l) => [l.id, l.health])).toEqual([[lun.id, 'degraded']]);

    const recovered = await ndjson(['recover-lun', A, lun.name]);
    expect(new Set(recovered.map((e) => e.kind))).toEqual(new Set(['recoverLun']));
    const percents = new Set(recovered.filter((e) => e.event === 'progress').map((e) => e.percent));
    expect(percents.size, JSON.stringify([...percents])).toBeGreaterThanOrEqual(3);
    expect(recovered.at(-1)!.lun).toMatchObject({ id: lun.id, status: 'online', health: 'healthy' });

    const details = await json<LunDetails>(['lun', A, lun.id]);
    expect(details).toMatchObject({ health: 'healthy', failedDriveIds: [], driveIds: [d1.id, d5.id] });
    expect([...new Set(details.extents.map((e) => e.driveId))]).toEqual([d1.id, d5.id]);
    const onDrive = (id: string): number =>
      details.extents.filter((e) => e.driveId === id).reduce((sum, e) => sum + e.sizeBytes, 0);
    expect(onDrive(d5.id)).toBe(usedOnD2);
    expect(onDrive(d1.id)).toBe(d1.sizeBytes - d1.freeBytes);

    const after = await drivesByName();
    expect(after.D1!.freeBytes).toBe(d1.freeBytes);
    expect(after.D5!.freeBytes).toBe(d5.freeBytes - usedOnD2);
    expect(after.D2!.freeBytes).toBe(d2.sizeBytes); // still failed, but holds nothing now
    expect(after.D2!.status).toBe('failed');
    for (const name of ['D3', 'D4', 'D6']) expect(after[name]!.freeBytes).toBe(before[name]!.freeBytes);

    // Recovering a healthy LUN is refused by the provider, saying so.
    const again = await runCli([...sim, 'recover-lun', A, lun.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('VDS_E_OPERATION_DENIED');
  }, 120_000);

  it('hot-spare on a drive in use is refused with the reason; on an unused one drives --json shows the flag', async () => {
    const before = await drivesByName();
    const used = Object.values(before).find((d) => d.freeBytes < d.sizeBytes && d.status !== 'failed')!;
    const refused = await runCli([...sim, 'hot-spare', A, used.name, 'on']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Drive "${used.name}" (${used.id}) is in use: it holds LUN "`);
    expect(refused.stderr).toContain('VDS_E_DEVICE_IN_USE');
    expect((await drivesByName())[used.name]!.flags).toEqual(before[used.name]!.flags);

    const spare = await ndjson(['hot-spare', A, 'D6', 'on']);
    expect(spare.at(-1)).toMatchObject({ kind: 'setHotSpare' });
    const flags = (await drivesByName()).D6!.flags;
    expect(flags).toEqual(expect.arrayContaining(['hotSpare', 'hotSpareStandby']));
    expect(flags).not.toContain('unassigned');
    await ndjson(['hot-spare', A, 'D6', 'off']);
    expect((await drivesByName()).D6!.flags).not.toContain('hotSpare');
  }, 60_000);

  it('identify on/off shows and clears the flag', async () => {
    const on = await ndjson(['identify', A, 'D3', 'on']);
    expect(on.at(-1)).toMatchObject({ kind: 'identifyDrive', drive: { name: 'D3', identifying: true } });
    expect((await drivesByName()).D3!.identifying).toBe(true);
    const table = await runCli([...sim, 'drives', A]);
    expect(table.stdout).toMatch(/D3 .*Identifying/);
    await ndjson(['identify', A, 'D3', 'off']);
    expect((await drivesByName()).D3!.identifying ?? false).toBe(false);
  }, 60_000);

  it('a recovery canceled with Ctrl-C leaves the LUN degraded; one killed is interrupted with a note; then it recovers', async () => {
    const lun = (
      await ndjson(['create-lun', SLOW, '--type', 'mirror', '--size', '512MiB', '--drives', 'S1,S2'])
    ).at(-1)!.lun as Lun;
    expect((await runCli([...sim, 'sim', 'fail-drive', SLOW, 'S2'])).code).toBe(0);
    const restored = await runCli([...sim, '--json', 'sim', 'restore-drive', SLOW, 'S2']);
    expect(JSON.parse(restored.stdout)).toMatchObject({ name: 'S2', status: 'online' });
    // A restored drive's LUN stays degraded until it is recovered.
    const health = async (): Promise<string> =>
      (await json<Lun[]>(['luns', SLOW])).find((l) => l.id === lun.id)!.health;
    expect(await health()).toBe('degraded');

    const progressed = (out: string): boolean =>
      jsonLines(out).some((e) => e.event === 'progress' && typeof e.percent === 'number' && e.percent > 0);
    const canceled = startCli([...sim, '--json', 'recover-lun', SLOW, lun.id]);
    await waitForOutput(canceled, progressed);
    canceled.child.kill('SIGINT');
    const answer = await canceled.result;
    expect(answer.code).toBe(130);
    expect(jsonLines(answer.stdout).at(-1)).toMatchObject({ event: 'canceled', kind: 'recoverLun' });
    expect(await health()).toBe('degraded');

    const killed = startCli([...sim, '--json', 'recover-lun', SLOW, lun.id]);
    await waitForOutput(killed, progressed);
    const operationId = jsonLines(killed.stdout())[0]!.operationId as string;
    killed.child.kill('SIGKILL');
    await killed.result;
    const history = await json<Operation[]>(['operations', '--kind', 'recoverLun']);
    const interrupted = history.find((op) => op.id === operationId)!;
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.note).toContain(
      `LUN Studio stopped while a recovery of LUN "${lun.name}" (${lun.id}) ran`,
    );
    expect(interrupted.note).toContain('its rebuild did not finish. Recover it again');

    const recovered = await ndjson(['recover-lun', SLOW, lun.id]);
    expect(recovered.at(-1)!.lun).toMatchObject({ health: 'healthy' });
  }, 120_000);

  it('sim fail-drive on the vds provider exits 2 and names the simulator', async () => {
    const result = await runCli(['--provider', 'vds', 'sim', 'fail-drive', A, 'D1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('works only on the simulated array (--provider sim)');
  });
});
