// `npm run serve` as a user runs it: one stdout line with the URL; SIGTERM stops it with exit 0 and the
// journal says how the running operation ended; a non-loopback host without TLS exits 2.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../electron/contract/api';
import type { Operation } from '../../electron/contract/model';
import { ApiClient, connect, makeStaticRoot } from './shell-client';
import { GiB, makeSimFixture } from './sim-fixture';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(__dirname, 'fixtures', 'ts-register.cjs');
const SERVE = path.join(ROOT, 'electron', 'host', 'web', 'serve.ts');

/** Any free port and a throw-away LUN_STUDIO_HOME (the kept token) unless the test says otherwise. */
function runServe(args: string[], env: Record<string, string> = {}): ChildProcess {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-serve-home-'));
  const port = args.includes('--port') ? [] : ['--port', '0'];
  const child = spawn(process.execPath, ['-r', REGISTER, SERVE, ...port, ...args], {
    cwd: ROOT,
    env: { ...process.env, LUN_STUDIO_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => fs.rmSync(home, { recursive: true, force: true }));
  return child;
}

function collect(child: ChildProcess): {
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { stdout: () => stdout, stderr: () => stderr, exit };
}

async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('serve entry', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('prints one URL line; SIGTERM cancels the running operation, journals it and exits 0', async () => {
    const fixture = makeSimFixture(1 * GiB);
    const staticRoot = makeStaticRoot();
    cleanups.push(fixture.cleanup, staticRoot.cleanup);
    const child = runServe(
      [
        '--sim-state',
        fixture.statePath,
        '--sim-topology',
        fixture.topologyPath,
        '--journal',
        fixture.journalPath,
      ],
      { LUN_STUDIO_RENDERER_DIR: staticRoot.root },
    );
    cleanups.push(() => child.kill('SIGKILL'));
    const out = collect(child);
    await until(() => out.stdout().includes('\n'));
    const url = out.stdout().trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{43}$/);
    const port = Number(new URL(url).port);

    const token = new URL(url).hash.slice('#token='.length);
    const client = new ApiClient(await connect(port, { Origin: `http://127.0.0.1:${port}` }, token));
    const inventory = (await client.call('getInventory')) as { ok: true; value: InventorySnapshot };
    const subsystemId = inventory.value.subsystems[0]!.id;
    const created = (await client.call('createLuns', {
      request: { subsystemId, type: 'simple', sizeBytes: 40 * GiB },
      count: 1,
    })) as { ok: true; value: { operations: Operation[] } };
    const id = created.value.operations[0]!.id;
    await until(() =>
      client.events.some(
        (e) =>
          e.type === 'operationsProgress' && e.operations.some((op) => op.id === id && (op.percent ?? 0) > 0),
      ),
    );

    child.kill('SIGTERM');
    expect(await out.exit).toBe(0);
    expect(out.stdout().trim().split('\n')).toHaveLength(1);
    const lines = fs.readFileSync(fixture.journalPath, 'utf8').trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1]!) as { op: Operation };
    expect(last.op.id).toBe(id);
    expect(['canceled', 'interrupted']).toContain(last.op.state);
    expect(last.op.endedAt).not.toBeNull();
    expect(fs.existsSync(`${fixture.journalPath}.lock`)).toBe(false);
  });

  it('refuses a non-loopback host without TLS with exit 2 and says what to do', async () => {
    const out = collect(runServe(['--host', '0.0.0.0']));
    expect(await out.exit).toBe(2);
    expect(out.stdout()).toBe('');
    expect(out.stderr()).toMatch(/Refusing to serve on non-loopback host 0\.0\.0\.0 without TLS/);
    expect(out.stderr()).toMatch(/--tls-cert FILE and --tls-key FILE/);
  });

  it('exits 2 on a usage error', async () => {
    const out = collect(runServe(['--port', 'abc']));
    expect(await out.exit).toBe(2);
    expect(out.stderr()).toMatch(/--port must be a whole number/);
  });
});
