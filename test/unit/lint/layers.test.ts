// The layer rule bites: ESLint, run with the repo's own eslint.config.mjs on sources that import across a
// layer, reports `layers/imports`; the same imports in the allowed direction pass.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

/** The layer-rule messages ESLint reports for `code` saved as `file` (a path inside the repo). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'layers/imports')
    .map((message) => message.message);
}

describe('npm run lint: the import layers', () => {
  const broken: Array<[string, string, string]> = [
    [
      'electron/contract/probe.ts',
      "import { loadAddon } from '../../native/lib/load-addon';\nexport const x = loadAddon;\n",
      'electron/contract must not import native/lib',
    ],
    [
      'electron/contract/probe.ts',
      "export { initiatorEntries } from '../../renderer/lib/initiators';\n",
      'electron/contract must not import renderer',
    ],
    [
      'native/lib/probe.ts',
      "import type { StorageService } from '../../electron/host/storage-service';\nexport type X = StorageService;\n",
      'native/lib must not import electron/host',
    ],
    [
      'electron/host/probe.ts',
      "import { createWindows } from '../main/windows';\nexport const x = createWindows;\n",
      'electron/host must not import electron/main',
    ],
    [
      'electron/host/probe.ts',
      "import { app } from 'electron';\nexport const x = app;\n",
      "electron/host must not import the 'electron' package",
    ],
    [
      'electron/main/probe.ts',
      "import { loadAddon } from '../../native/lib/load-addon';\nexport const x = loadAddon;\n",
      'electron/main must not import native/lib',
    ],
    [
      'renderer/lib/probe.ts',
      "const m = await import('../../electron/host/storage-service');\nexport const x = m;\n",
      'renderer must not import electron/host',
    ],
    [
      'renderer/lib/probe.ts',
      "import { userPaths } from '../../electron/contract/user-paths';\nexport const x = userPaths;\n",
      'renderer must not import electron/contract/user-paths.ts (Node-only)',
    ],
  ];
  for (const [file, code, expected] of broken) {
    it(`fails on ${file}: ${expected}`, async () => {
      const errors = await layerErrors(file, code);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(expected);
    });
  }

  const allowed: Array<[string, string]> = [
    [
      'native/lib/probe.ts',
      "import { invalidInput } from '../../electron/contract/errors';\nexport const x = invalidInput;\n",
    ],
    [
      'electron/host/probe.ts',
      "import { loadAddon } from '../../native/lib/load-addon';\nexport const x = loadAddon;\n",
    ],
    [
      'electron/main/probe.ts',
      "import { app } from 'electron';\nimport { createDispatcher } from '../host/api-dispatcher';\nexport const x = [app, createDispatcher];\n",
    ],
    [
      'renderer/lib/probe.ts',
      "import { LUN_TYPES } from '../../electron/contract/model';\nexport const x = LUN_TYPES;\n",
    ],
  ];
  for (const [file, code] of allowed) {
    it(`passes the downward import in ${file}`, async () => {
      expect(await layerErrors(file, code)).toEqual([]);
    });
  }

  it('the repository itself keeps the layers (no layer error anywhere in electron/, native/lib, renderer/)', async () => {
    const results = await eslint.lintFiles(['electron', 'native/lib', 'renderer']);
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.ruleId === 'layers/imports')
        .map((message) => `${result.filePath}:${message.line} ${message.message}`),
    );
    expect(errors).toEqual([]);
  });
});
