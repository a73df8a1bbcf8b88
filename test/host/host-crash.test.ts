// An error nothing catches inside the host (a provider callback that throws, a promise nobody awaited):
// the process logs it with its stack, says so on stderr (naming the log folder), closes its owner and exits
// 1; the next start takes the locks over and reads the journal cleanly, the cut-off creation interrupted.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Owner } from '../../electron/host/owner/owner';
import { FakeProvider } from '../unit/fake-provider';

const ROOT = path.resolve(__dirname, '..', '..');
const REGISTER = path.join(__dirname, 'fixtures', 'ts-register.cjs');
const CHILD = path.join(__dirname, 'fixtures', 'crashing-owner.ts');

function runChild(home: string, where: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER, CHILD, where], {
      cwd: ROOT,
      env: { ...process.env, LUN_STUDIO_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a fatal error in the host', () => {
  const homes: string[] = [];
  afterEach(() => homes.splice(0).forEach((home) => fs.rmSync(home, { recursive: true, force: true })));

  for (const where of ['exception', 'rejection']) {
    it(`(${where}) is logged and told, exits 1, and the next start reads the journal cleanly`, async () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-crash-home-'));
      homes.push(home);
      const result = await runChild(home, where);

      expect(result.code).toBe(1);
      const reply = JSON.parse(result.stdout.trim().split('\n')[0]!) as { ok: boolean };
      expect(reply.ok).toBe(true);
      expect(result.stderr).toContain(
        'error: LUN Studio stopped after an unexpected error: fake provider bug',
      );
      expect(result.stderr).toContain(`The log is in ${path.join(home, 'logs')}`);
      const log = fs
        .readFileSync(path.join(home, 'logs', 'lun-studio.log'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const fatal = log.find((line) => line.level === 'fatal');
      expect(fatal?.msg).toBe(
        where === 'exception' ? 'fatal: uncaughtException' : 'fatal: unhandledRejection',
      );
      expect(String(fatal?.error)).toContain('fake provider bug');
      expect(String(fatal?.stack)).toContain('crashing-owner.ts');

      const owner = await Owner.start({
        shell: 'cli',
        env: { LUN_STUDIO_HOME: home },
        openProvider: async () => new FakeProvider(),
      });
      try {
        const readBack = owner.service.journalReadBack;
        expect(readBack.corruptLines).toBe(0);
        expect(readBack.droppedTail).toBe(false);
        // The crashing process closed its owner itself: nothing was left running for this start to find.
        expect(readBack.interrupted).toEqual([]);
        expect(readBack.operations.map((op) => op.state)).toEqual(['interrupted']);
        expect(fs.existsSync(path.join(home, 'run', 'control.secret'))).toBe(true);
      } finally {
        await owner.close();
      }
    });
  }
});
