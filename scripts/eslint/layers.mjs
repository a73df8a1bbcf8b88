// The import layers (README.md "Architecture"), enforced by `npm run lint` as the rule `layers/imports`.
// Every import, export-from, dynamic import() and require() with a literal path is resolved against the
// importing file and checked against the table below; bare package names are checked only for 'electron'.
//
//   electron/contract  (leaf: types, schemas, rules, error codes)  imports nothing of ours but itself
//   native/lib         facade over the addon                        imports the contract
//   electron/host      service, queue, journal, web server, cli     imports native/lib and the contract
//   electron/main      desktop shell                                imports the host and the contract
//   electron/preload   contextBridge                                imports the contract
//   renderer           React app                                    imports the contract (never user-paths.ts)
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Layer name → the folder it lives in (relative to the repo root). */
export const LAYER_DIRS = {
  contract: 'electron/contract',
  nativeLib: 'native/lib',
  host: 'electron/host',
  main: 'electron/main',
  preload: 'electron/preload',
  renderer: 'renderer',
};

/** Layer name → the layers it may import (itself always allowed). */
export const ALLOWED = {
  contract: [],
  nativeLib: ['contract'],
  host: ['contract', 'nativeLib'],
  main: ['contract', 'host'],
  preload: ['contract'],
  renderer: ['contract'],
};

/** Node-only modules of an allowed layer that a layer still must not import. */
const FORBIDDEN_FILES = {
  renderer: ['electron/contract/user-paths.ts'],
  preload: ['electron/contract/user-paths.ts'],
};

/** Layers that may import the 'electron' package. */
const ELECTRON_PACKAGE = ['main', 'preload'];

// Other folders of native/ (src, build, …) are no layer of TypeScript: anything of ours outside the table
// but inside native/ is off-limits to every layer except native/lib (which loads the built addon).
const NATIVE_DIR = 'native';

function layerOf(relative) {
  for (const [layer, dir] of Object.entries(LAYER_DIRS)) {
    if (relative === dir || relative.startsWith(dir + '/')) return layer;
  }
  return undefined;
}

function toRelative(absolute) {
  return path.relative(ROOT, absolute).split(path.sep).join('/');
}

function withoutExtension(relative) {
  return relative.replace(/\.(ts|tsx|mts|cts|js|mjs|cjs)$/, '');
}

/** Why `source` may not be imported from `filename`, or undefined when it may. */
export function layerViolation(filename, source) {
  const from = layerOf(toRelative(path.resolve(filename)));
  if (from === undefined) return undefined;
  if (!source.startsWith('.')) {
    if ((source === 'electron' || source.startsWith('electron/')) && !ELECTRON_PACKAGE.includes(from)) {
      return `${LAYER_DIRS[from]} must not import the 'electron' package (it runs outside Electron's main process)`;
    }
    return undefined;
  }
  const target = toRelative(path.resolve(path.dirname(path.resolve(filename)), source));
  const to = layerOf(target);
  if (to === undefined) {
    if ((target === NATIVE_DIR || target.startsWith(NATIVE_DIR + '/')) && from !== 'nativeLib') {
      return `${LAYER_DIRS[from]} must not import ${target}: only native/lib talks to the addon`;
    }
    return undefined;
  }
  if (to === from) return undefined;
  if (!ALLOWED[from].includes(to)) {
    const allowed = ALLOWED[from].map((layer) => LAYER_DIRS[layer]).join(', ') || 'nothing outside itself';
    return `${LAYER_DIRS[from]} must not import ${LAYER_DIRS[to]} (it may import: ${allowed})`;
  }
  const forbidden = (FORBIDDEN_FILES[from] ?? []).find(
    (file) => withoutExtension(file) === withoutExtension(target),
  );
  if (forbidden) return `${LAYER_DIRS[from]} must not import ${forbidden} (Node-only)`;
  return undefined;
}

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports go only downward through the layers (README.md "Architecture")' },
    schema: [],
    messages: { layer: 'Layer rule: {{reason}}.' },
  },
  create(context) {
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      const reason = layerViolation(context.filename, source);
      if (reason) context.report({ node, messageId: 'layer', data: { reason } });
    };
    const literal = (node) => (node && node.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => check(node.source, literal(node.source)),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' &&
        check(node.moduleReference, literal(node.moduleReference.expression)),
      TSImportType: (node) =>
        node.argument?.type === 'TSLiteralType' && check(node.argument, literal(node.argument.literal)),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          check(node, literal(node.arguments[0]));
        }
      },
    };
  },
};

export default { meta: { name: 'lun-studio-layers' }, rules: { imports: importsRule } };
