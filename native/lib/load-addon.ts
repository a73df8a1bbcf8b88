// Finds and loads the compiled addon (native/build/Release/lun_studio.node).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { LunStudioError } from '../../electron/contract/errors';
import type { RawAddon } from './raw-addon';

const PACKAGE_NAME = 'lun-studio';
const ADDON_RELATIVE_PATH = path.join('native', 'build', 'Release', 'lun_studio.node');

/** The package root: the nearest ancestor of this file holding lun-studio's package.json.
 * Works from native/lib/*.ts (vitest), dist/native/lib/*.js (compiled) and app.asar (packaged). */
export function packageRoot(startDir: string = __dirname): string {
  let dir = startDir;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    try {
      const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
      if (parsed.name === PACKAGE_NAME) return dir;
    } catch {
      // not here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(startDir, '..', '..');
    dir = parent;
  }
}

/** Where the addon is expected. Inside an Electron asar archive native files live in app.asar.unpacked. */
export function addonPath(root: string = packageRoot()): string {
  const unpackedRoot = root.replace(/([\\/])app\.asar(?=$|[\\/])/, '$1app.asar.unpacked');
  return path.join(unpackedRoot, ADDON_RELATIVE_PATH);
}

let cached: RawAddon | undefined;

/** Loads the addon once per process. Throws a LunStudioError telling how to build it when it is missing. */
export function loadAddon(): RawAddon {
  cached ??= loadAddonAt(addonPath());
  return cached;
}

/** Loads the addon file at `file` (no caching). */
export function loadAddonAt(file: string): RawAddon {
  if (!fs.existsSync(file)) {
    throw new LunStudioError({
      code: 'E_ADDON_MISSING',
      hresult: 0x8007007e, // HRESULT_FROM_WIN32(ERROR_MOD_NOT_FOUND)
      message: `The native addon was not found at ${file}.`,
      action: 'Run `npm run build:native` (needs a C++ toolchain and Python), then try again.',
    });
  }
  try {
    return createRequire(__filename)(file) as RawAddon;
  } catch (error) {
    throw new LunStudioError({
      code: 'E_ADDON_LOAD_FAILED',
      hresult: 0x8007007f, // HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND)
      message: `The native addon at ${file} could not be loaded: ${(error as Error).message}`,
      action: 'Rebuild it for this Node/Electron version with `npm run build:native`.',
    });
  }
}
