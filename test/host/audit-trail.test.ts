// The audit trail as a support engineer reads it: `serve` owns the state; a lun-studio command creates a
// LUN through it, a browser tab creates one, a command's creation fails on a faulty array. audit.log then
// has one line each (user, shell, object, outcome, HRESULT), and no file in the log folder holds the
// browser token or the control endpoint's secret. Drive commands (identify, a refused hot spare, a simulated
// failure) are audited the same way.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventorySnapshot, LunStudioEvent } from '../../electron/contract/api';
import {
  cliEnv,
  drives,
  ensureBuilt,
  GiB,
  runCli,
  tempDir,
  writeTopology,
  removeTempDirs,
} from '../cli/cli-harness';
import { ApiClient, connect, makeStaticRoot } from './shell-client';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(__dirname, 'fixtures', 'ts-register.cjs');
const SERVE = path.join(ROOT, 'electron', 'host', 'web', 'serve.ts');

async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('audit trail across shells', () => {
  let home: string;
  let serve: ChildProcess;
  let stdout = '';
  let staticRoot: { root: string; cleanup: () => void };

  beforeAll(async () => {
    await ensureBuilt();
    const dir = tempDir('lun-audit-');
    home = path.join(dir, 'home');
    const topology = writeTopology(dir, [
      {
        name: 'Test Array',
        supportedTypes: ['simple'],
        initRateBytesPerSec: 4096 * GiB,
        drives: drives(2, 64 * GiB),
      },
      {
        name: 'Faulty Array',
        supportedTypes: ['simple'],
        initRateBytesPerSec: 4 * GiB,
        drives: drives(2, 32 * GiB),
        faults: [{ kind: 'failAt', percent: 40, hresult: '0x80042442' }],
      },
    ]);
    staticRoot = makeStaticRoot();
    serve = spawn(
      process.execPath,
      [
        '-r',
        REGISTER,
        SERVE,
        '--port',
        '0',
        '--sim-state',
        path.join(dir, 'state.json'),
        '--sim-topology',
        topology,
      ],
      {
        cwd: ROOT,
        env: { ...cliEnv(home), LUN_STUDIO_RENDERER_DIR: staticRoot.root },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    serve.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await until(() => stdout.includes('\n'));
  });

  afterAll(() => {
    serve?.kill('SIGKILL');
    staticRoot?.cleanup();
    removeTempDirs();
  });

  it('writes one line per creation with who, where, what and how it ended; no secret in any log', async () => {
    const url = new URL(stdout.trim());
    const token = url.hash.slice('#token='.length);
    const secret = fs.readFileSync(path.join(home, 'run', 'control.secret'), 'utf8').trim();
    expect(token.length).toBeGreaterThan(20);
    expect(secret.length).toBeGreaterThan(20);

    const cli = await runCli(
      ['create-lun', 'Test Array', '--type', 'simple', '--size', '1GiB', '--json'],
      cliEnv(home),
    );
    expect(cli.code, cli.stderr).toBe(0);

    const port = Number(url.port);
    const client = new ApiClient(await connect(port, { Origin: `http://127.0.0.1:${port}` }, token));
    const inventory = (await client.call('getInventory')) as { ok: true; value: InventorySnapshot };
    const testArray = inventory.value.subsystems.find((s) => s.name === 'Test Array')!;
    const created = await client.call('createLuns', {
      request: { subsystemId: testArray.id, type: 'simple', sizeBytes: 2 * GiB },
      count: 1,
    });
    expect(created.ok).toBe(true);
    await until(() =>
      client.events.some(
        (e: LunStudioEvent) =>
          e.type === 'operationFinished' &&
          e.operation.kind === 'createLun' &&
          e.operation.request.sizeBytes === 2 * GiB,
      ),
    );
    client.close();

    const failed = await runCli(
      ['create-lun', 'Faulty Array', '--type', 'simple', '--size', '1GiB', '--json'],
      cliEnv(home),
    );
    expect(failed.code).toBe(1);

    const auditFile = path.join(home, 'logs', 'audit.log');
    await until(
      () => fs.existsSync(auditFile) && fs.readFileSync(auditFile, 'utf8').trim().split('\n').length >= 3,
    );
    const text = fs.readFileSync(auditFile, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    const user = os.userInfo().username;
    expect(lines.map((l) => [l.user, l.shell, l.outcome, l.hresult])).toEqual([
      [user, 'cli', 'succeeded', '0x00000000'],
      [user, 'browser', 'succeeded', '0x00000000'],
      [user, 'cli', 'failed', '0x80042442'],
    ]);
    for (const line of lines) {
      expect(line.provider).toBe('sim');
      expect(typeof line.time).toBe('string');
      expect(line.action).toBe('create LUN');
    }
    expect(lines[0]!.object).toMatch(/^LUN \S+ \(.+\)$/);
    expect(lines[1]!.subsystem).toBe(testArray.id);
    expect(lines[1]!.request).toMatchObject({ type: 'simple', sizeBytes: 2 * GiB });
    expect(lines[2]!.object).toBe('new simple LUN');
    expect(lines[2]!.code).toBe('VDS_E_PROVIDER_FAILURE');

    const logFiles = fs.readdirSync(path.join(home, 'logs'));
    expect(logFiles).toEqual(expect.arrayContaining(['audit.log', 'lun-studio.log']));
    for (const file of logFiles) {
      const content = fs.readFileSync(path.join(home, 'logs', file), 'utf8');
      expect(content, file).not.toContain(token);
      expect(content, file).not.toContain(secret);
    }
  });
  it('drive commands through the owner: an identify, a refused hot spare and a simulated failure are audited', async () => {
    const auditFile = path.join(home, 'logs', 'audit.log');
    const before = fs.existsSync(auditFile)
      ? fs.readFileSync(auditFile, 'utf8').trim().split('\n').length
      : 0;
    const luns = await runCli(['--json', 'luns', 'Test Array'], cliEnv(home));
    expect(luns.code, luns.stderr).toBe(0);
    const used = (JSON.parse(luns.stdout) as { driveIds: string[] }[])[0]!.driveIds[0]!;

    const identify = await runCli(['identify', 'Test Array', 'Bay 00', 'on'], cliEnv(home));
    expect(identify.code, identify.stderr).toBe(0);
    const spare = await runCli(['hot-spare', 'Test Array', used, 'on'], cliEnv(home));
    expect(spare.code).toBe(1);
    const failed = await runCli(['sim', 'fail-drive', 'Test Array', 'Bay 01'], cliEnv(home));
    expect(failed.code, failed.stderr).toBe(0);

    await until(() => fs.readFileSync(auditFile, 'utf8').trim().split('\n').length >= before + 3);
    const lines = fs
      .readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .slice(before)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.shell, l.action, l.outcome, l.hresult, l.code])).toEqual([
      ['cli', 'identify drive', 'succeeded', '0x00000000', undefined],
      ['cli', 'set hot spare', 'refused', '0x80042413', 'VDS_E_DEVICE_IN_USE'],
      ['cli', 'simulate drive failure', 'succeeded', '0x00000000', undefined],
    ]);
    expect(lines[0]!.object).toMatch(/^drive \S+ \(Bay 00\)$/);
    expect(lines[0]!.request).toEqual({ on: true });
    expect(String(lines[1]!.object).startsWith(`drive ${used} (Bay 0`)).toBe(true);
    expect(lines[1]!.message).toContain('is in use: it holds LUN');
    expect(lines[2]!.object).toMatch(/^drive \S+ \(Bay 01\)$/);
  });
});
