// One owner of the array state per user: commands queue through it, a second owner is refused naming the
// first, a crashed owner's lock is taken over. Real processes: bin/lun-studio.js and the compiled serve.js.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaticRoot } from '../host/shell-client';
import {
  cliEnv,
  drives,
  ensureBuilt,
  GiB,
  jsonLines,
  removeTempDirs,
  ROOT,
  runCli,
  startCli,
  tempDir,
  TiB,
  writeTopology,
} from './cli-harness';

const SERVE = path.join(ROOT, 'dist', 'electron', 'host', 'web', 'serve.js');

interface Serve {
  child: ChildProcess;
  stderr(): string;
  exit: Promise<number | null>;
}

let renderer: { root: string; cleanup: () => void };

function startServe(home: string, extra: string[] = []): Serve {
  const child = spawn(process.execPath, [SERVE, '--port', '0', ...extra], {
    cwd: ROOT,
    env: { ...cliEnv(home), LUN_STUDIO_RENDERER_DIR: renderer.root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.resume();
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

async function untilOwner(home: string, shell: string): Promise<{ pid: number; endpoint: string }> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await runCli(['status', '--json'], cliEnv(home));
    const owner = (
      JSON.parse(status.stdout) as { owner: { pid: number; shell: string; endpoint: string } | null }
    ).owner;
    if (owner?.shell === shell && fs.existsSync(owner.endpoint)) return owner;
    if (Date.now() > deadline) throw new Error(`no ${shell} owner in ${home}: ${status.stdout}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function newHome(name: string, topology: string): string {
  const home = tempDir(name);
  fs.copyFileSync(topology, path.join(home, 'topology.json'));
  return home;
}

describe('one owner of the array state', () => {
  let topology: string;

  beforeAll(async () => {
    await ensureBuilt();
    renderer = makeStaticRoot();
    const dir = tempDir('owner-topology');
    topology = writeTopology(dir, [
      {
        name: 'Contoso Array A',
        supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
        initRateBytesPerSec: 64 * GiB,
        drives: drives(8, 4 * TiB),
      },
    ]);
  }, 180_000);
  afterAll(() => {
    renderer?.cleanup();
    removeTempDirs();
  });

  it('two commands creating 25 LUNs each at once: every LUN reported created is in the final listing', async () => {
    const home = newHome('two-clis', topology);
    const env = { ...cliEnv(home), LUN_STUDIO_SIM_TOPOLOGY: path.join(home, 'topology.json') };
    const create = [
      'create-lun',
      'Contoso Array A',
      '--type',
      'simple',
      '--size',
      '1GiB',
      '--count',
      '25',
      '--json',
    ];
    const [a, b] = await Promise.all([startCli(create, env).result, startCli(create, env).result]);
    expect([a.code, b.code], `${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
    const reported = [...jsonLines(a.stdout), ...jsonLines(b.stdout)]
      .filter((event) => event.event === 'done')
      .map((event) => (event.lun as { id: string }).id);
    expect(reported).toHaveLength(50);
    const listing = await runCli(['luns', 'Contoso Array A', '--json'], env);
    const listed = new Set((JSON.parse(listing.stdout) as { id: string }[]).map((lun) => lun.id));
    expect(reported.filter((id) => !listed.has(id))).toEqual([]);
    expect(listed.size).toBe(50);
    // Both went through one owner: one journal holds all 50 operations.
    const journal = jsonLines(fs.readFileSync(path.join(home, 'journal.ndjson'), 'utf8'));
    expect(new Set(journal.map((line) => (line.op as { id: string }).id)).size).toBe(50);
  }, 120_000);

  describe('while serve owns the state', () => {
    let home: string;
    let serve: Serve;
    let owner: { pid: number; endpoint: string };

    beforeAll(async () => {
      home = newHome('serve-owner', topology);
      serve = startServe(home, ['--sim-topology', path.join(home, 'topology.json')]);
      owner = await untilOwner(home, 'browser');
    }, 60_000);
    afterAll(async () => {
      serve?.child.kill('SIGTERM');
      await serve?.exit;
    });

    it('status names serve, its endpoint and the journal', async () => {
      const status = await runCli(['status'], cliEnv(home));
      expect(status.code).toBe(0);
      expect(status.stdout).toMatch(
        new RegExp(`Owner: +the LUN Studio browser shell .*pid ${serve.child.pid}`),
      );
      expect(status.stdout).toContain(`Endpoint:  ${owner.endpoint}`);
      expect(status.stdout).toContain(`Journal:   ${path.join(home, 'journal.ndjson')}`);
      expect(status.stdout).toContain(`State:     ${path.join(home, 'sim-state.json')}`);
    });

    it("a command's creation goes through serve: its journal has it, and serve's state holds the LUN", async () => {
      const created = await runCli(
        ['create-lun', 'contoso array a', '--type', 'mirror', '--size', '3GiB', '--json'],
        cliEnv(home),
      );
      expect(created.code, created.stderr).toBe(0);
      const events = jsonLines(created.stdout);
      const done = events.find((event) => event.event === 'done') as {
        operationId: string;
        lun: { id: string };
      };
      const journal = jsonLines(fs.readFileSync(path.join(home, 'journal.ndjson'), 'utf8'));
      const entries = journal.filter((line) => (line.op as { id: string }).id === done.operationId);
      expect(entries.at(-1)?.op).toMatchObject({ state: 'succeeded', result: { id: done.lun.id } });
      // serve wrote the state (the command never opened the provider itself)
      const state = JSON.parse(fs.readFileSync(path.join(home, 'sim-state.json'), 'utf8')) as {
        subsystems: { luns: { id: string }[] }[];
      };
      expect(state.subsystems[0]!.luns.map((lun) => lun.id)).toContain(done.lun.id);
      expect(serve.child.exitCode).toBeNull();
    });

    it('a second serve refuses, naming the first; so does one from another home on the same state file', async () => {
      const second = startServe(home);
      expect(await second.exit).toBe(1);
      expect(second.stderr()).toMatch(
        new RegExp(`owned by the LUN Studio browser shell \\(npm run serve\\) \\(pid ${serve.child.pid}`),
      );
      expect(second.stderr()).toMatch(/E_OWNER_BUSY/);

      const elsewhere = startServe(tempDir('other-home'), ['--sim-state', path.join(home, 'sim-state.json')]);
      expect(await elsewhere.exit).toBe(1);
      expect(elsewhere.stderr()).toMatch(
        new RegExp(
          `simulator state .*sim-state.json is owned by the LUN Studio browser shell .*pid ${serve.child.pid}`,
        ),
      );
    }, 60_000);

    it('a command that asks for another state is refused up front and creates nothing', async () => {
      const other = path.join(tempDir('other-state'), 'state.json');
      const result = await runCli(
        ['--sim-state', other, 'create-lun', 'Contoso Array A', '--type', 'simple', '--size', '1GiB'],
        cliEnv(home),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/owned by the LUN Studio browser shell .*E_OWNER_BUSY/);
      expect(result.stderr).toMatch(/asked for the state .*state\.json/);
      expect(fs.existsSync(other)).toBe(false);
    });

    it("after the owner is killed, the next command takes its lock over and sees serve's LUNs", async () => {
      serve.child.kill('SIGKILL');
      await serve.exit;
      const listing = await runCli(['luns', 'Contoso Array A', '--json'], cliEnv(home));
      expect(listing.code, listing.stderr).toBe(0);
      expect(JSON.parse(listing.stdout)).toHaveLength(1);
      const status = JSON.parse((await runCli(['status', '--json'], cliEnv(home))).stdout) as {
        owner: unknown;
      };
      expect(status.owner).toBeNull();
    });
  });
});
