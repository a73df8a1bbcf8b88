import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveHolder, tryLock, type LockHolder } from '../../../electron/host/owner/lock-file';

const ROOT = path.resolve(__dirname, '../../..');
const REGISTER = path.join(ROOT, 'test/host/fixtures/ts-register.cjs');
const LOCK_FILE_TS = path.join(ROOT, 'electron/host/owner/lock-file.ts');

const holder = (shell: string, pid = process.pid): LockHolder => ({ pid, shell, startedAt: 'now' });

describe('owner lock files', () => {
  let dir: string;
  let lock: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-lock-'));
    lock = path.join(dir, 'run', 'owner.lock');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is held by one process, names its holder, and is gone after release', () => {
    const taken = tryLock(lock, { ...holder('browser'), endpoint: '/x.sock' });
    expect('release' in taken).toBe(true);
    expect(liveHolder(lock)).toMatchObject({ pid: process.pid, shell: 'browser', endpoint: '/x.sock' });
    expect(fs.statSync(lock).mode & 0o777).toBe(0o600);
    if ('release' in taken) taken.release();
    expect(fs.existsSync(lock)).toBe(false);
    expect(liveHolder(lock)).toBeUndefined();
  });

  it('refuses while a live process holds it, and takes over a dead holder', () => {
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify(holder('desktop', process.ppid)));
    expect(tryLock(lock, holder('cli'))).toEqual({ busy: expect.objectContaining({ shell: 'desktop' }) });

    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(lock, JSON.stringify(holder('desktop', dead)));
    expect(liveHolder(lock)).toBeUndefined();
    const taken = tryLock(lock, holder('cli'));
    expect('release' in taken).toBe(true);
    expect(liveHolder(lock)).toMatchObject({ pid: process.pid, shell: 'cli' });
    expect(fs.readdirSync(path.dirname(lock))).toEqual(['owner.lock']); // nothing left aside
  });

  it('of 8 processes racing for a stale lock, exactly one wins', async () => {
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(lock, JSON.stringify(holder('cli', dead)));
    // A barrier in files: every child is started before any tries, and none lets go before all have tried
    // (a slow start under load must not turn into a second, later, uncontested win).
    const go = path.join(dir, 'go');
    const done = path.join(dir, 'done');
    const script = `
      const fs = require('node:fs');
      const { tryLock } = require(${JSON.stringify(LOCK_FILE_TS)});
      const wait = (file) => { while (!fs.existsSync(file)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); };
      process.stdout.write('ready;');
      wait(${JSON.stringify(go)});
      const r = tryLock(${JSON.stringify(lock)}, { pid: process.pid, shell: 'cli', startedAt: '' });
      process.stdout.write('release' in r ? 'won' : 'busy');
      wait(${JSON.stringify(done)});
    `;
    const children = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, ['-r', REGISTER, '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
      return { output: () => out, closed };
    });
    const all = async (done: (out: string) => boolean): Promise<void> => {
      while (!children.every((c) => done(c.output()))) await new Promise((r) => setTimeout(r, 10));
    };
    await all((out) => out.startsWith('ready;'));
    fs.writeFileSync(go, '');
    await all((out) => /won|busy/.test(out));
    fs.writeFileSync(done, '');
    await Promise.all(children.map((c) => c.closed));
    const results = children.map((c) => c.output().replace('ready;', ''));
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(7);
  }, 60_000);
});
