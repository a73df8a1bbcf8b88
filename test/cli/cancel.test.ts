// End to end: Ctrl-C (SIGINT) during create-lun cancels the operation, waits for the provider, exits 130,
// and the space is given back.
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lun, Operation, Subsystem } from '../../electron/contract/model';
import {
  GiB,
  drives,
  ensureBuilt,
  removeTempDirs,
  jsonLines,
  runCli,
  simArgs,
  startCli,
  tempDir,
  waitForOutput,
  writeTopology,
} from './cli-harness';

let sim: string[];

afterAll(removeTempDirs);

beforeAll(async () => {
  await ensureBuilt();
  const dir = tempDir('cancel');
  // 1 GiB/s: a 40 GiB LUN takes 40 s, long enough to interrupt at leisure.
  const topology = writeTopology(dir, [
    {
      name: 'Slow Array',
      supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
      initRateBytesPerSec: GiB,
      drives: drives(3, 64 * GiB),
    },
    {
      name: 'Stubborn Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 4 * GiB,
      drives: drives(1, 64 * GiB),
      faults: [{ kind: 'cancelTooLate' }],
    },
    {
      name: 'Hung Array',
      supportedTypes: ['simple'],
      initRateBytesPerSec: 4 * GiB,
      drives: drives(1, 64 * GiB),
      faults: [{ kind: 'hang' }, { kind: 'cancelTooLate' }],
    },
  ]);
  sim = simArgs(path.join(dir, 'state.json'), topology);
  expect((await runCli([...sim, 'subsystems'])).code).toBe(0);
});

async function slowArray(): Promise<{ subsystem: Subsystem; luns: Lun[] }> {
  const [subsystems, luns] = await Promise.all([
    runCli([...sim, 'subsystems', '--json']),
    runCli([...sim, 'luns', 'Slow Array', '--json']),
  ]);
  return {
    subsystem: (JSON.parse(subsystems.stdout) as Subsystem[])[0]!,
    luns: JSON.parse(luns.stdout) as Lun[],
  };
}

const movedPastZero = (stdout: string): boolean =>
  jsonLines(stdout).some(
    (event) => event.event === 'progress' && typeof event.percent === 'number' && event.percent > 0,
  );

/** Polls the owner's operations (through another lun-studio command) until their states, sorted, are these. */
async function untilStates(states: readonly string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const want = [...states].sort().join(',');
  let seen = '';
  while (Date.now() < deadline) {
    const listed = await runCli([...sim, 'operations', '--json']);
    const open = (JSON.parse(listed.stdout) as Operation[]).filter((op) =>
      ['queued', 'running'].includes(op.state),
    );
    seen = open
      .map((op) => op.state)
      .sort()
      .join(',');
    if (seen === want) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the owner's open operations stayed [${seen}], not [${want}]`);
}

describe('Ctrl-C during create-lun (real addon, simulated array)', () => {
  it('--json: cancels, prints {"event":"canceled"}, exits 130 and frees the space again', async () => {
    const before = await slowArray();
    const running = startCli([
      ...sim,
      'create-lun',
      'Slow Array',
      '--type',
      'stripe',
      '--size',
      '40GiB',
      '--json',
    ]);
    await waitForOutput(running, movedPastZero);
    running.child.kill('SIGINT');
    const result = await running.result;

    expect(result.code).toBe(130);
    const events = jsonLines(result.stdout);
    const operationId = events[0]?.operationId;
    expect(events[0]).toMatchObject({ event: 'started' });
    expect(events.at(-1)).toEqual({ event: 'canceled', kind: 'createLun', operationId, index: 0 });
    expect(events.some((event) => event.event === 'done')).toBe(false);
    expect(result.stderr).toMatch(/Canceling/);

    const after = await slowArray();
    expect(after.subsystem.freeBytes).toBe(before.subsystem.freeBytes);
    expect(after.subsystem.lunCount).toBe(before.subsystem.lunCount);
    expect(after.luns).toEqual(before.luns);
  });

  it('without --json, a batch of 6 (4 running, 2 queued): Ctrl-C cancels all six, exit 130, nothing is kept', async () => {
    const before = await slowArray();
    const running = startCli([
      ...sim,
      'create-lun',
      'Slow Array',
      '--type',
      'simple',
      '--size',
      '20GiB',
      '--count',
      '6',
    ]);
    await waitForOutput(running, (stdout) => /Creating 6 simple LUNs of 20 GiB/.test(stdout));
    // The batch is the owner's: another command sees its operations, four running and two queued.
    await untilStates(['running', 'running', 'running', 'running', 'queued', 'queued']);
    running.child.kill('SIGINT');
    const result = await running.result;

    expect(result.code).toBe(130);
    for (const n of [1, 2, 3, 4])
      expect(result.stderr).toMatch(
        new RegExp(`^Canceled: LUN ${n}/6 was rolled back by the provider\\.$`, 'm'),
      );
    for (const n of [5, 6])
      expect(result.stderr).toMatch(new RegExp(`^Canceled: LUN ${n}/6 was not started\\.$`, 'm'));
    expect(result.stderr).toMatch(/^0 of 6 LUNs created, 6 canceled\.$/m);
    expect(result.stdout).not.toMatch(/created:/);
    expect(result.stdout).not.toContain('\r');
    const after = await slowArray();
    expect(after.subsystem.freeBytes).toBe(before.subsystem.freeBytes);
    expect(after.luns).toEqual(before.luns);
  });

  it('a cancel the provider answers "too late" ends with the created LUN and exit 0', async () => {
    const running = startCli([
      ...sim,
      'create-lun',
      'Stubborn Array',
      '--type',
      'simple',
      '--size',
      '8GiB',
      '--json',
    ]);
    await waitForOutput(running, movedPastZero);
    running.child.kill('SIGINT');
    const result = await running.result;
    expect(result.code).toBe(0);
    const done = jsonLines(result.stdout).at(-1)!;
    expect(done.event).toBe('done');
    expect(result.stderr).toMatch(/The cancel came too late: LUN ".+" was created/);
    const luns = JSON.parse((await runCli([...sim, 'luns', 'Stubborn Array', '--json'])).stdout) as Lun[];
    expect(luns.map((lun) => lun.id)).toEqual([(done.lun as Lun).id]);
  });

  it('a second Ctrl-C says it is still waiting; a third stops waiting for a provider that never answers', async () => {
    const before = await slowArray();
    const running = startCli([
      ...sim,
      'create-lun',
      'Hung Array',
      '--type',
      'simple',
      '--size',
      '8GiB',
      '--json',
    ]);
    await waitForOutput(running, (stdout) => stdout.includes('"event":"started"'));
    running.child.kill('SIGINT');
    await waitFor(() => running.stderr().includes('Canceling'));
    running.child.kill('SIGINT');
    await waitFor(() => running.stderr().includes('Still waiting for the provider'));
    expect(running.child.exitCode).toBeNull();
    running.child.kill('SIGINT');
    const result = await running.result;
    expect(result.code).toBe(130);
    expect(jsonLines(result.stdout).at(-1)).toMatchObject({ event: 'canceled', confirmed: false });
    expect(result.stderr).toMatch(/Stopped waiting for the provider/);
    const after = await slowArray();
    expect(after.subsystem.freeBytes).toBe(before.subsystem.freeBytes);
    const hung = JSON.parse((await runCli([...sim, 'luns', 'Hung Array', '--json'])).stdout) as Lun[];
    expect(hung).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
