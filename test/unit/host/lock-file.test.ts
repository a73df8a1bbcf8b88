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
    const script = `
      const { tryLock } = require(${JSON.stringify(LOCK_FILE_TS)});
      const go = Date.now() + 300; while (Date.now() < go) {}
      const r = tryLock(${JSON.stringify(lock)}, { pid: process.pid, shell: 'cli', startedAt: '' });
      process.stdout.write('release' in r ? 'won' : 'busy');
      setTimeout(() => {}, 1500); // hold it while the others try
    `;
    const results = await Promise.all(
      Array.from(
        { length: 8 },
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(process.execPath, ['-r', REGISTER, '-e', script], {
              stdio: ['ignore', 'pipe', 'inherit'],
            });
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
            child.on('close', () => resolve(out));
          }),
      ),
    );
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(7);
  }, 30_000);
});
