import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addonPath, loadAddonAt, packageRoot } from '../../../native/lib/load-addon';

const repo = path.resolve(__dirname, '../../..');

describe('finding the addon', () => {
  it('finds the package root from the sources and from the compiled output', () => {
    expect(packageRoot(path.join(repo, 'native', 'lib'))).toBe(repo);
    expect(packageRoot(path.join(repo, 'dist', 'native', 'lib'))).toBe(repo);
  });

  it('looks in native/build/Release, and in app.asar.unpacked when packaged', async () => {
    expect(addonPath(repo)).toBe(path.join(repo, 'native', 'build', 'Release', 'lun_studio.node'));
    const dir = await mkdtemp(path.join(tmpdir(), 'lun-asar-'));
    try {
      const asar = path.join(dir, 'resources', 'app.asar');
      await mkdir(path.join(asar, 'dist', 'native', 'lib'), { recursive: true });
      await writeFile(path.join(asar, 'package.json'), JSON.stringify({ name: 'lun-studio' }));
      const root = packageRoot(path.join(asar, 'dist', 'native', 'lib'));
      expect(root).toBe(asar);
      expect(addonPath(root)).toBe(
        path.join(dir, 'resources', 'app.asar.unpacked', 'native', 'build', 'Release', 'lun_studio.node'),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says how to build the addon when it is missing', () => {
    const missing = path.join(tmpdir(), 'no-such-dir', 'lun_studio.node');
    expect(() => loadAddonAt(missing)).toThrow(
      expect.objectContaining({
        code: 'E_ADDON_MISSING',
        message: expect.stringContaining(missing),
        action: expect.stringContaining('npm run build:native'),
      }),
    );
  });
});
