// Nothing leaks: the poller idles once operations end, and a process that used the facade exits on its own.
import { execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { GiB, MiB } from './helpers/topologies';
import { openTestSim, type TestSim } from './helpers/real-provider';

const root = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sim: TestSim | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('poller', () => {
  it('wakes while an operation runs, watches nothing and stops waking once all operations ended', async () => {
    sim = await openTestSim();
    const stats = () => sim!.addon.pollerStats();
    const start = stats().wakeups;
    let during = { wakeups: 0, watched: 0 };
    await Promise.all([
      sim.provider.createLun({ subsystemId: 'Test Array', type: 'mirror', sizeBytes: GiB }),
      sim.provider.createLun({ subsystemId: 'Test Array', type: 'simple', sizeBytes: GiB / 2 }),
      sleep(150).then(() => (during = stats())),
    ]);
    expect(during.watched).toBeGreaterThanOrEqual(1);
    expect(during.wakeups).toBeGreaterThan(start);

    await sleep(100); // let the poller notice the last completion
    const after = stats();
    expect(after.watched).toBe(0);
    await sleep(500); // 25 poll intervals of 20 ms
    expect(stats().wakeups).toBe(after.wakeups);
  });

  it('stops watching a canceled operation', async () => {
    sim = await openTestSim();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    await expect(
      sim.provider.createLun(
        { subsystemId: 'Test Array', type: 'mirror', sizeBytes: 8 * GiB },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    await sleep(100);
    const after = sim.addon.pollerStats();
    expect(after.watched).toBe(0);
    await sleep(300);
    expect(sim.addon.pollerStats().wakeups).toBe(after.wakeups);
  });
});

describe('close', () => {
  it('cancels what still runs, keeps the state file as it was, and leaves the poller idle', async () => {
    sim = await openTestSim();
    const before = await sim.stateBytes();
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const creation = sim.provider
      .createLun(
        { subsystemId: 'Test Array', type: 'mirror', sizeBytes: 8 * GiB },
        { onStarted: () => started() },
      )
      .catch((e: unknown) => e);
    await running;
    await sim.provider.close();
    expect(await creation).toMatchObject({ code: 'VDS_E_OPERATION_CANCELED' });
    expect(await sim.stateBytes()).toEqual(before);
    await expect(sim.provider.listSubsystems()).rejects.toMatchObject({ code: 'VDS_E_OBJECT_DELETED' });
    await sleep(100);
    expect(sim.addon.pollerStats().watched).toBe(0);
  });
});

describe('process lifetime', () => {
  it('a node process that opens the provider and creates a LUN, and nothing else, exits on its own', async () => {
    sim = await openTestSim();
    // Compile the facade (and only it) to CommonJS inside the package, so packageRoot() finds the addon.
    const outDir = path.join(root, 'node_modules', '.cache', 'lun-studio-facade-child');
    await promisify(execFile)(
      process.execPath,
      [
        path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
        path.join(root, 'native', 'lib', 'index.ts'),
        ...['--outDir', outDir, '--rootDir', root, '--module', 'nodenext', '--moduleResolution', 'nodenext'],
        ...['--target', 'es2022', '--skipLibCheck', '--types', 'node', '--esModuleInterop'],
      ],
      { cwd: root },
    );
    const script = path.join(sim.dir, 'child.cjs');
    await writeFile(
      script,
      `const { openProvider } = require(${JSON.stringify(path.join(outDir, 'native', 'lib', 'index.js'))});
      openProvider({ provider: 'sim', simStatePath: process.argv[2], pollIntervalMs: 20 })
        .then((p) => p.createLun({ subsystemId: 'Test Array', type: 'mirror', sizeBytes: ${256 * MiB} }))
        .then((lun) => process.stdout.write(JSON.stringify({ id: lun.id, sizeBytes: lun.sizeBytes })));`,
    );
    const started = Date.now();
    const child = spawn(process.execPath, [script, sim.statePath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      child.on('exit', (c, s) => resolve([c, s])),
    );
    clearTimeout(timeout);
    expect({ code, signal, stderr }).toEqual({ code: 0, signal: null, stderr: '' });
    expect(Date.now() - started).toBeLessThan(15_000);
    const lun = JSON.parse(stdout) as { id: string; sizeBytes: number };
    expect(lun.sizeBytes).toBe(256 * MiB);
    // The child's LUN was persisted before it exited.
    const reopened = await sim.reopen();
    expect((await reopened.listLuns('Test Array')).map((l) => l.id)).toContain(lun.id);
  });
});
