// Builds and runs each test/native/cpp/*_test.cc: the sim's raw VDS-shaped layer (no N-API, no seed checks),
// the layer the Windows test VDS service wraps in COM objects, and the poller (plain C++ too).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const compiler = process.env.CXX ?? 'g++';
const haveCompiler = spawnSync(compiler, ['--version']).status === 0;

const TESTS = ['model_test.cc', 'lifecycle_test.cc', 'repair_test.cc', 'poller_test.cc'];

describe('sim model, raw layer (C++)', () => {
  it.runIf(haveCompiler).each(TESTS)('passes every check of %s', { timeout: 240_000 }, (test) => {
    const simDir = path.join(root, 'native/src/sim');
    const sources = [
      path.join(root, 'test/native/cpp', test),
      path.join(root, 'native/src/hresult_table.cc'),
      path.join(root, 'native/src/poller.cc'),
      ...readdirSync(simDir)
        .filter((f) => f.endsWith('.cc'))
        .map((f) => path.join(simDir, f)),
    ];
    const dir = mkdtempSync(path.join(tmpdir(), 'lun-model-test-'));
    try {
      const exe = path.join(dir, 'model_test');
      execFileSync(compiler, ['-std=c++17', '-O0', '-pthread', '-Wall', '-o', exe, ...sources], {
        stdio: 'pipe',
      });
      const run = spawnSync(exe, { encoding: 'utf8', timeout: 30_000 });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^ok \d+ checks/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
