// A child process writes journal records as fast as it can and is SIGKILLed at a random point, 20 times
// over the same file. After every kill the journal must read back consistently: no exception, every
// record the child reported as written is there, and nothing is left unfinished (→ interrupted).
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Journal } from '../../electron/host/journal';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCES = [
  'electron/host/journal.ts',
  'electron/host/journal-lock.ts',
  'electron/host/owner/lock-file.ts',
  'electron/host/owner/owner-errors.ts',
  'electron/contract/errors.ts',
  'electron/contract/hresult-table.ts',
  'electron/contract/model.ts',
  'native/lib/fs-errors.ts',
];
const WRITES = 1000;
const RUNS = 20;

const CHILD = `
const { Journal } = require('./electron/host/journal.js');
const file = process.argv[2];
const run = process.argv[3];
const { journal } = Journal.open(file);
let written = 0;
// ~1 ms between records: the journal no longer fsyncs on the loop, so without a pause the child would
// finish its 1,000 records before the SIGKILL (sent on an IPC message) could land mid-way.
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const base = { kind: 'createLun', subsystemId: 's', request: { subsystemId: 's', type: 'simple', sizeBytes: 1048576 },
  percent: null, startedAt: null, endedAt: null, bytesPerSecond: null, etaSeconds: null };
(async () => {
for (let i = 0; written < ${WRITES}; i += 1) {
  const id = 'run' + run + '-op' + i;
  for (const state of ['queued', 'running', i % 2 ? 'succeeded' : 'failed']) {
    if (written >= ${WRITES}) break;
    journal.record({ ...base, id, state });
    written += 1;
    if (written % 25 === 0) process.send({ written, lastId: id, lastState: state });
    await tick();
  }
}
process.send({ written, done: true });
})();
`;

describe('journal survives SIGKILL at random points', () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-crash-'));
    for (const source of SOURCES) {
      const output = ts.transpileModule(fs.readFileSync(path.join(ROOT, source), 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
        },
      }).outputText;
      const target = path.join(dir, source.replace(/\.ts$/, '.js'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    }
    fs.writeFileSync(path.join(dir, 'child.js'), CHILD);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`reads a consistent history after each of ${RUNS} kills`, async () => {
    const file = path.join(dir, 'state', 'journal.ndjson');
    let killedMidway = 0;

    for (let run = 0; run < RUNS; run += 1) {
      const confirmed = new Map<string, string>(); // op id → a state the child reported as written
      const killAfter = 25 * (1 + Math.floor(Math.random() * (WRITES / 25 - 2)));
      const child = fork(path.join(dir, 'child.js'), [file, String(run)], {
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const outcome = await new Promise<{ written: number; finished: boolean }>((resolve) => {
        let written = 0;
        let finished = false;
        child.on(
          'message',
          (message: { written: number; lastId?: string; lastState?: string; done?: boolean }) => {
            written = message.written;
            if (message.lastId && message.lastState) confirmed.set(message.lastId, message.lastState);
            if (message.done) finished = true;
            if (written >= killAfter && !child.killed) child.kill('SIGKILL');
          },
        );
        child.on('exit', () => resolve({ written, finished }));
      });
      expect(stderr).toBe('');
      if (!outcome.finished) killedMidway += 1;

      // Restart: must not throw, must parse every operation, nothing may stay unfinished.
      const { journal, readBack } = Journal.open(file);
      journal.close();
      expect(readBack.corruptLines).toBe(0);
      // The newest 1,000 operations are kept (the default history size).
      expect(readBack.operations.length).toBeLessThanOrEqual(1000);
      const byId = new Map(readBack.operations.map((op) => [op.id, op]));
      for (const [id] of confirmed) expect(byId.has(id), id).toBe(true);
      for (const op of readBack.operations) {
        expect(['succeeded', 'failed', 'interrupted']).toContain(op.state);
        expect(op.kind === 'createLun' && op.request.sizeBytes).toBe(1048576);
      }
      // The run's last operation was cut off unless its final line landed: then it is interrupted.
      const mine = readBack.operations.filter((op) => op.id.startsWith(`run${run}-`));
      expect(mine.length).toBeGreaterThanOrEqual(Math.floor(outcome.written / 3));
      const unfinishedBefore = mine.filter((op) => op.state === 'interrupted');
      expect(unfinishedBefore.length).toBeLessThanOrEqual(1);
    }
    expect(killedMidway).toBe(RUNS);
  }, 120_000);
});
