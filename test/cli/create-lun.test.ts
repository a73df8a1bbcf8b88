// End to end through the real addon: create-lun progress, persistence, exact max size, provider refusals.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Drive, Lun, Subsystem } from '../../electron/contract/model';
import {
  GiB,
  drives,
  ensureBuilt,
  removeTempDirs,
  jsonLines,
  runCli,
  simArgs,
  tempDir,
  writeTopology,
} from './cli-harness';

let dir: string;
let topology: string;

afterAll(removeTempDirs);

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir('create');
  topology = writeTopology(dir, [
    {
      name: 'Fast Array',
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      initRateBytesPerSec: 4096 * GiB,
      drives: drives(4, 64 * GiB),
    },
    {
      name: 'Slow Array',
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      initRateBytesPerSec: 2 * GiB,
      drives: drives(4, 64 * GiB),
    },
    {
      name: 'Basic Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 4096 * GiB,
      drives: drives(2, 32 * GiB),
    },
    {
      name: 'Faulty Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 4 * GiB,
      drives: drives(2, 32 * GiB),
      faults: [{ kind: 'failAt', percent: 40, hresult: '0x80042442' }],
    },
    {
      name: 'Failing Bay Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 8 * GiB,
      drives: drives(4, 16 * GiB),
      faults: [{ kind: 'driveFailsAt', percent: 50, drive: 'Bay 02' }],
    },
    {
      name: 'Errant Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 4096 * GiB,
      drives: drives(1, 32 * GiB),
      faults: [{ kind: 'errantNullAsync' }],
    },
  ]);
});

/** A fresh state file (created by a first run, so concurrent runs share its ids). */
async function freshSim(name: string): Promise<{ sim: string[]; state: string }> {
  const state = path.join(dir, `${name}.json`);
  const sim = simArgs(state, topology);
  const first = await runCli([...sim, 'subsystems', '--json']);
  expect(first.code).toBe(0);
  return { sim, state };
}

async function subsystemNamed(sim: string[], name: string): Promise<Subsystem> {
  const { stdout } = await runCli([...sim, 'subsystems', '--json']);
  const found = (JSON.parse(stdout) as Subsystem[]).find((s) => s.name === name);
  if (!found) throw new Error(`no subsystem ${name}`);
  return found;
}

async function maxBytes(sim: string[], args: string[]): Promise<number> {
  const result = await runCli([...sim, 'max-size', ...args, '--json']);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { maxBytes: number }).maxBytes;
}

describe('create-lun (real addon, simulated array)', () => {
  it('prints started, rising progress and done, and the LUN survives into a new process', async () => {
    const { sim, state } = await freshSim('progress');
    const before = await subsystemNamed(sim, 'Slow Array');
    const run = await runCli([
      ...sim,
      'create-lun',
      'Slow Array',
      '--type',
      'stripe',
      '--size',
      '3GiB',
      '--drives',
      'Bay 00,Bay 01',
      '--unmask',
      'iqn.1991-05.com.microsoft:host1;0123456789ABCDEF',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    expect(events[0]).toMatchObject({ event: 'started', index: 0 });
    const operationId = events[0]!.operationId;
    expect(typeof operationId).toBe('string');
    expect(events.every((event) => event.operationId === operationId && event.index === 0)).toBe(true);

    const percents = events.filter((e) => e.event === 'progress').map((e) => e.percent as number);
    for (const percent of percents) expect(percent).toBeGreaterThanOrEqual(0);
    for (const percent of percents) expect(percent).toBeLessThanOrEqual(100);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBeGreaterThanOrEqual(3);

    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const lun = done.lun as Lun;
    expect(lun).toMatchObject({
      type: 'stripe',
      subsystemId: before.id,
      unmaskingList: 'iqn.1991-05.com.microsoft:host1;0123456789ABCDEF',
    });
    expect(lun.sizeBytes).toBeGreaterThanOrEqual(3 * GiB);
    expect(lun.driveIds).toHaveLength(2);

    const [luns, after, driveList] = await Promise.all([
      runCli([...sim, 'luns', 'Slow Array', '--json']),
      subsystemNamed(sim, 'Slow Array'),
      runCli([...sim, 'drives', 'Slow Array', '--json']),
    ]);
    expect(JSON.parse(luns.stdout)).toEqual([lun]);
    expect(after.lunCount).toBe(1);
    expect(after.freeBytes).toBe(before.freeBytes - lun.sizeBytes);
    const used = (JSON.parse(driveList.stdout) as Drive[]).filter((d) => lun.driveIds.includes(d.id));
    expect(used.map((d) => d.name)).toEqual(['Bay 00', 'Bay 01']);
    expect(fs.readFileSync(state, 'utf8')).toContain(lun.id);
  });

  it('without --json prints a progress line per step when piped, then the LUN', async () => {
    const { sim } = await freshSim('text');
    const run = await runCli([...sim, 'create-lun', 'slow array', '--type', 'simple', '--size', '2.5GiB']);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Provider: simulated array \(state: .*text\.json\)$/);
    expect(run.stdout).toContain('Creating a simple LUN of 2.5 GiB on Slow Array');
    const progress = lines.filter((line) => /^LUN +\d+%/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress[1]).toMatch(/^LUN +\d+% {2}\S+ \S+\/s {2}ETA \d+:\d\d {2}elapsed \d+:\d\d$/);
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout).toMatch(/^LUN created: \S.* \(simple, 2\.5 GiB\) in \d+:\d\d$/m);
    expect(run.stdout).toMatch(/^ {2}\S.* +simple +2\.5 GiB +Online +Healthy +none +Bay \d\d +\S+$/m);
  });

  // Independent state files: these run side by side.
  it.concurrent.for<[string, string[]]>([
    ['simple', []],
    ['span', ['--drives', 'Bay 01,Bay 00,Bay 03']],
    ['stripe', []],
    ['mirror', ['--drives', 'Bay 02,Bay 03']],
    ['parity', ['--drives', 'Bay 00,Bay 01,Bay 02']],
  ])(
    '%s: exactly max-size succeeds, one byte more fails and changes nothing',
    async ([type, driveArgs], { expect }) => {
      const { sim, state } = await freshSim(`max-${type}`);
      const args = ['Fast Array', '--type', type, ...driveArgs];
      const max = await maxBytes(sim, args);
      expect(max).toBeGreaterThan(0);

      const unchanged = fs.readFileSync(state);
      const tooBig = await runCli([...sim, 'create-lun', ...args, '--size', String(max + 1), '--json']);
      expect(tooBig.code).toBe(1);
      expect(tooBig.stderr).toMatch(/^error: .+ \(VDS_E_NOT_ENOUGH_SPACE 0x8004240F\)$/m);
      expect(jsonLines(tooBig.stdout).at(-1)).toMatchObject({
        event: 'error',
        code: 'VDS_E_NOT_ENOUGH_SPACE',
        hresult: '0x8004240F',
      });
      expect(fs.readFileSync(state).equals(unchanged)).toBe(true);

      const exact = await runCli([...sim, 'create-lun', ...args, '--size', String(max), '--json']);
      expect(exact.stderr).toBe('');
      expect(exact.code).toBe(0);
      const lun = jsonLines(exact.stdout).at(-1)!.lun as Lun;
      expect(lun).toMatchObject({ type, sizeBytes: max });
      const luns = JSON.parse((await runCli([...sim, 'luns', 'Fast Array', '--json'])).stdout) as Lun[];
      expect(luns).toEqual([lun]);
    },
  );

  it('--size max asks for the largest size first and creates it', async () => {
    const { sim } = await freshSim('size-max');
    const max = await maxBytes(sim, ['Fast Array', '--type', 'mirror']);
    const run = await runCli([
      ...sim,
      'create-lun',
      'Fast Array',
      '--type',
      'mirror',
      '--size',
      'max',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect((jsonLines(run.stdout).at(-1)!.lun as Lun).sizeBytes).toBe(max);
  });

  it('--count 3 creates three LUNs as one batch, each event carrying its operationId and index', async () => {
    const { sim } = await freshSim('count');
    const run = await runCli([
      ...sim,
      'create-lun',
      'Fast Array',
      '--type',
      'span',
      '--size',
      '1GiB',
      '--count',
      '3',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const events = jsonLines(run.stdout);
    const started = events.filter((e) => e.event === 'started');
    const done = events.filter((e) => e.event === 'done');
    expect(started.map((e) => e.index).sort()).toEqual([0, 1, 2]);
    expect(done.map((e) => e.index).sort()).toEqual([0, 1, 2]);
    expect(new Set(started.map((e) => e.operationId)).size).toBe(3);
    for (const event of events) {
      const start = started.find((s) => s.index === event.index);
      expect(event.operationId).toBe(start?.operationId);
    }
    const luns = JSON.parse((await runCli([...sim, 'luns', 'Fast Array', '--json'])).stdout) as Lun[];
    expect(luns.map((l) => l.id).sort()).toEqual(done.map((e) => (e.lun as Lun).id).sort());
  });

  it('a LUN failing in the middle of a batch stops none of the others: exit 1, "3 of 4 LUNs created, 1 failed"', async () => {
    const { sim } = await freshSim('batch-failure');
    // 4 drives of 16 GiB: each 12 GiB LUN needs a drive of its own; the one on Bay 02 fails half-way.
    const run = await runCli([
      ...sim,
      'create-lun',
      'Failing Bay Array',
      '--type',
      'simple',
      '--size',
      '12GiB',
      '--count',
      '4',
    ]);
    expect(run.code, run.stderr).toBe(1);
    const created = run.stdout.split('\n').filter((line) => /^LUN \d\/4 created: /.test(line));
    expect(created).toHaveLength(3);
    expect(run.stderr).toMatch(/^error: LUN \d\/4: .+ \(\w+ 0x8\w{7}\)$/m);
    expect(run.stderr).toMatch(/^3 of 4 LUNs created, 1 failed\.$/m);
    const luns = JSON.parse((await runCli([...sim, 'luns', 'Failing Bay Array', '--json'])).stdout) as Lun[];
    expect(luns).toHaveLength(3);
    // One request to the owner: the four operations are one batch, like the wizard's.
    const ops = JSON.parse((await runCli([...sim, 'operations', '--json'])).stdout) as {
      batchId?: string;
      subsystemId: string;
    }[];
    const batch = ops.filter((op) => op.subsystemId === luns[0]!.subsystemId);
    expect(batch).toHaveLength(4);
    expect(new Set(batch.map((op) => op.batchId)).size).toBe(1);
    expect(batch[0]!.batchId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.concurrent.for<[string, string, string, string]>([
    ['stripe', 'Bay 00', 'VDS_E_NOT_ENOUGH_DRIVE', '0x80042410'],
    ['mirror', 'Bay 00', 'VDS_E_NOT_ENOUGH_DRIVE', '0x80042410'],
    ['parity', 'Bay 00,Bay 01', 'VDS_E_NOT_ENOUGH_DRIVE', '0x80042410'],
  ])('%s on drives %s: %s, nothing changes', async ([type, driveList, code, hresult], { expect }) => {
    const { sim, state } = await freshSim(`drives-${type}`);
    const unchanged = fs.readFileSync(state);
    const run = await runCli([
      ...sim,
      'create-lun',
      'Fast Array',
      '--type',
      type,
      '--size',
      '1GiB',
      '--drives',
      driveList,
      '--json',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^error: .+ \\(${code} ${hresult}\\)$`, 'm'));
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ event: 'error', code, hresult });
    expect(fs.readFileSync(state).equals(unchanged)).toBe(true);
  });

  it('a type the subsystem does not support: VDS_E_NOT_SUPPORTED, nothing changes', async () => {
    const { sim, state } = await freshSim('unsupported');
    const unchanged = fs.readFileSync(state);
    const [mirror, raid10] = await Promise.all([
      runCli([...sim, 'create-lun', 'Basic Array', '--type', 'mirror', '--size', '1GiB']),
      runCli([...sim, 'create-lun', 'Fast Array', '--type', 'raid10', '--size', '1GiB']),
    ]);
    for (const run of [mirror, raid10]) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error: .+ \(VDS_E_NOT_SUPPORTED 0x80042400\)$/m);
    }
    expect(fs.readFileSync(state).equals(unchanged)).toBe(true);
  });

  it('an operation that fails part-way reports the provider error after its progress, exit 1, nothing kept', async () => {
    const { sim } = await freshSim('fail-at');
    const before = await subsystemNamed(sim, 'Faulty Array');
    const run = await runCli([
      ...sim,
      'create-lun',
      'Faulty Array',
      '--type',
      'simple',
      '--size',
      '4GiB',
      '--json',
    ]);
    expect(run.code).toBe(1);
    const events = jsonLines(run.stdout);
    expect(events[0]).toMatchObject({ event: 'started' });
    const last = events.at(-1)!;
    expect(last).toMatchObject({
      event: 'error',
      hresult: '0x80042442',
      operationId: events[0]!.operationId,
    });
    expect(run.stderr).toMatch(new RegExp(`^error: .+ \\(${last.code as string} 0x80042442\\)$`, 'm'));
    // Running percents stop at the failure point (40 %); VDS reports 100 % with the final HRESULT.
    const percents = events.filter((e) => e.event === 'progress').map((e) => e.percent as number);
    const running = percents.filter((percent) => percent < 100);
    expect(running.length).toBeGreaterThan(0);
    expect(Math.max(...running)).toBeLessThanOrEqual(40);
    const after = await subsystemNamed(sim, 'Faulty Array');
    expect(after.freeBytes).toBe(before.freeBytes);
    expect(after.lunCount).toBe(0);
  });

  it("an errant provider (S_OK without an async object) is E_UNEXPECTED, the seed's check", async () => {
    const { sim } = await freshSim('errant');
    const run = await runCli([...sim, 'create-lun', 'Errant Array', '--type', 'simple', '--size', '1GiB']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .+ \(E_UNEXPECTED 0x8000FFFF\)$/m);
  });
});
