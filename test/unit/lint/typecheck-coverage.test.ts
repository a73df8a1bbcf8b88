// `npm run typecheck` (tsc -b over tsconfig.json) covers every TypeScript file in test/: a new test folder
// that no tsconfig includes would otherwise go unchecked.
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

function projectFiles(configFile: string, seen = new Set<string>()): Set<string> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(root, configFile),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`${configFile} could not be read`);
  for (const file of parsed.fileNames) seen.add(relative(root, file).split('\\').join('/'));
  for (const reference of parsed.projectReferences ?? []) projectFiles(reference.path, seen);
  return seen;
}

function testSources(dir: string): string[] {
  return readdirSync(resolve(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name).split('\\').join('/');
    if (entry.isDirectory()) return testSources(path);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [path] : [];
  });
}

it('every .ts/.tsx file under test/ is in a project that tsconfig.json builds', () => {
  const covered = projectFiles('tsconfig.json');
  const sources = testSources('test');
  expect(sources.length).toBeGreaterThan(100);
  expect(sources.filter((file) => !covered.has(file))).toEqual([]);
});
