// `lun-studio logs [--audit] [--follow]`: what a support engineer runs to read the log folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../electron/host/cli/main';
import { FakeProvider, testIo } from './fake-provider';

const LINE = '{"level":"info","user":"alice","shell":"cli","outcome":"succeeded","msg":"audit"}\n';

describe('lun-studio logs', () => {
  it('--audit prints the audit trail as written, opening no provider', async () => {
    const io = testIo(new FakeProvider());
    const dir = path.join(io.env.LUN_STUDIO_HOME!, 'logs');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'audit.log'), LINE);
    expect(await run(['logs', '--audit'], io)).toBe(0);
    expect(io.out).toBe(LINE);
    expect(io.opened).toBe(0);
  });

  it('without --audit prints the log (which now holds this command too)', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['logs'], io)).toBe(0);
    const lines = io.out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.at(-1)).toMatchObject({ msg: 'command', command: 'logs', processShell: 'cli' });
  });

  it('says so when there is no audit trail yet', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['logs', '--audit'], io)).toBe(0);
    expect(io.out).toBe('');
    expect(io.err).toContain(
      `No audit trail yet: ${path.join(io.env.LUN_STUDIO_HOME!, 'logs', 'audit.log')}`,
    );
  });

  it('--follow prints lines appended later, until Ctrl-C', async () => {
    const io = testIo(new FakeProvider());
    const file = path.join(io.env.LUN_STUDIO_HOME!, 'logs', 'audit.log');
    const running = run(['logs', '--audit', '--follow'], io);
    await new Promise((resolve) => setTimeout(resolve, 100));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, LINE);
    await expect.poll(() => io.out, { timeout: 5000 }).toBe(LINE);
    io.interrupt();
    expect(await running).toBe(0);
  });

  it('refuses --audit on another command', async () => {
    const io = testIo(new FakeProvider());
    expect(await run(['subsystems', '--audit'], io)).toBe(2);
    expect(io.err).toContain('--audit');
  });
});
