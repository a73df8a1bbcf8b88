import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = path.join(__dirname, '..', '..', '..');
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  productName: string;
  directories: { output: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { requestedExecutionLevel: string; icon: string; target: { target: string }[] };
  nsis: { perMachine: boolean; oneClick: boolean };
  linux: { icon: string; target: string[] };
}
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('ships the built app and the native addon outside app.asar, without rebuilding it', () => {
    expect(config.productName).toBe('LUN Studio');
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(
      expect.arrayContaining(['out/**', 'native/build/Release/*.node', 'assets/**']),
    );
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
  });

  it('builds a per-machine NSIS installer and a portable exe that ask for administrator rights', () => {
    expect(config.win.requestedExecutionLevel).toBe('requireAdministrator');
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('points at icons that exist and are large enough', () => {
    for (const [icon, min] of [
      [config.win.icon, 256],
      [config.linux.icon, 512],
    ] as const) {
      const png = fs.readFileSync(path.join(ROOT, icon));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(min);
      expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(min);
    }
  });
});
