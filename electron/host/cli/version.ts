// The package version, read from the nearest lun-studio package.json above this file (source or dist/).
import * as fs from 'node:fs';
import * as path from 'node:path';

export function packageVersion(startDir: string = __dirname): string {
  for (let dir = startDir; ; dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === 'lun-studio' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // no package.json here: keep walking up
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}
