// The CLI's in-process test setup: the one fake provider (../fake-provider.ts), preset to finish creations by
// itself, and a CliIo that captures stdout / stderr and counts provider opens.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LunStudioError } from '../../../electron/contract/errors';
import type { CliIo } from '../../../electron/host/cli/cli-io';
import { FakeProvider as OneFakeProvider, quickCreate } from '../fake-provider';

export { GiB, drive, lunFor, quickCreate, subsystem, type CreateBehaviour } from '../fake-provider';

/** The one fake provider with `quickCreate`: a creation starts, reports 0 / 50 / 100 % and resolves. */
export class FakeProvider extends OneFakeProvider {
  constructor() {
    super({ createBehaviour: quickCreate });
  }
}

export function vdsError(code: string, hresult: number, message: string, field?: string): LunStudioError {
  return new LunStudioError(field ? { code, hresult, message, field } : { code, hresult, message });
}

export interface TestIo extends CliIo {
  out: string;
  err: string;
  interrupt(): void;
  opened: number;
}

/** A folder of its own per run: its owner lock, journal and control endpoint (LUN_STUDIO_HOME). */
export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lun-cli-unit-'));
}

export function testIo(provider: FakeProvider, overrides: Partial<CliIo> = {}): TestIo {
  const handlers = new Set<() => void>();
  const home = tempHome();
  const io: TestIo = {
    out: '',
    err: '',
    opened: 0,
    stdout: { write: (text) => void (io.out += text) },
    stderr: { write: (text) => void (io.err += text) },
    isTTY: false,
    env: { LUN_STUDIO_HOME: home },
    platform: 'linux',
    cwd: home,
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    interrupt() {
      for (const handler of [...handlers]) handler();
    },
    openProvider: async () => {
      io.opened += 1;
      return provider;
    },
    ...overrides,
  };
  if (overrides.env) io.env = { LUN_STUDIO_HOME: home, ...overrides.env };
  return io;
}

export function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
