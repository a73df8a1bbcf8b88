import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { findElectronBinary, MISSING_ELECTRON } = require('../../../scripts/start.js') as {
  findElectronBinary(dir: string | null): string | null;
  MISSING_ELECTRON: string;
};

describe('npm start: finding the Electron runtime without downloading it', () => {
  let dir: string;
  const savedOverride = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-studio-electron-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{"name":"electron"}');
    delete process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (savedOverride === undefined) delete process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    else process.env['ELECTRON_OVERRIDE_DIST_PATH'] = savedOverride;
  });

  it('reports the runtime missing when the electron package is not there', () => {
    expect(findElectronBinary(null)).toBeNull();
    expect(findElectronBinary(path.join(dir, 'nope'))).toBeNull();
  });

  it('reports it missing when the binary was never downloaded (no path.txt, or no dist/)', () => {
    expect(findElectronBinary(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir)).toBeNull();
  });

  it('finds the downloaded binary', () => {
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const custom = path.join(dir, 'custom');
    fs.mkdirSync(custom);
    fs.writeFileSync(path.join(custom, 'electron'), '');
    process.env['ELECTRON_OVERRIDE_DIST_PATH'] = custom;
    expect(findElectronBinary(dir)).toBe(path.join(custom, 'electron'));
  });

  it('tells the user what to do instead of printing a stack trace', () => {
    expect(MISSING_ELECTRON).toContain('Electron runtime is not installed');
    expect(MISSING_ELECTRON).toContain('npm run serve');
    expect(MISSING_ELECTRON).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
