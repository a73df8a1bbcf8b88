#!/usr/bin/env node
// One HRESULT table: native/src/hresult_table.cc is the source of every code, HRESULT and English text.
// This script generates the other forms from it:
//   electron/contract/hresult-table.ts   the table and HRESULT constants for TypeScript (host, CLI, renderer)
//   renderer/i18n/en.json "errorCodes"  the English texts the renderer translates from (the table's rows;
//                                      the product's own codes that reuse a table HRESULT are kept as written)
// `node scripts/gen-hresults.js` writes them; `--check` (run by `npm run lint`) fails when either is stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const SOURCE = 'native/src/hresult_table.cc';
const TS_OUT = 'electron/contract/hresult-table.ts';
const EN_JSON = 'renderer/i18n/en.json';

/** Tokens of C++ source: string literals, numbers, identifiers and punctuation (comments dropped). */
function tokenize(text) {
  const tokens = [];
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"\\]|\\.)*)"|(0x[0-9a-fA-F]+|\d+)|([A-Za-z_]\w*)|(\S)/g;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) tokens.push({ kind: 'string', value: JSON.parse(`"${m[1]}"`) });
    else if (m[2] !== undefined) tokens.push({ kind: 'number', value: Number(m[2]) });
    else if (m[3] !== undefined) tokens.push({ kind: 'ident', value: m[3] });
    else if (m[4] !== undefined) tokens.push({ kind: 'punct', value: m[4] });
  }
  return tokens;
}

/** Adjacent string literals concatenate, as in C++. */
function readString(tokens, i) {
  let value = '';
  while (tokens[i] && tokens[i].kind === 'string') value += tokens[i++].value;
  return [value, i];
}

function parseTable(text) {
  const tokens = tokenize(text);
  const constants = new Map();
  let i = 0;
  // constexpr const char* kName = "..." "...";
  for (; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t.kind === 'ident' && t.value === 'kTable') break;
    if (
      t.kind === 'ident' &&
      /^k[A-Z]/.test(t.value) &&
      tokens[i + 1]?.value === '=' &&
      tokens[i + 2]?.kind === 'string'
    ) {
      const [value, next] = readString(tokens, i + 2);
      constants.set(t.value, value);
      i = next - 1;
    }
  }
  while (tokens[i] && tokens[i].value !== '{') i += 1;
  i += 1;
  const entries = [];
  const text_ = (at) => {
    const t = tokens[at];
    if (t.kind === 'string') return readString(tokens, at);
    if (t.kind === 'ident' && t.value === 'nullptr') return [undefined, at + 1];
    if (t.kind === 'ident' && constants.has(t.value)) return [constants.get(t.value), at + 1];
    throw new Error(`${SOURCE}: cannot read ${JSON.stringify(t)} as a text`);
  };
  while (tokens[i] && tokens[i].value === '{') {
    const hresult = tokens[i + 1];
    if (hresult.kind !== 'number') throw new Error(`${SOURCE}: entry ${entries.length} has no HRESULT`);
    let at = i + 3;
    const [code, afterCode] = readString(tokens, at);
    const [message, afterMessage] = readString(tokens, afterCode + 1);
    const [action, afterAction] = text_(afterMessage + 1);
    at = afterAction;
    if (tokens[at].value !== '}') throw new Error(`${SOURCE}: entry ${code} does not end after its action`);
    entries.push(
      action === undefined
        ? { hresult: hresult.value >>> 0, code, message }
        : { hresult: hresult.value >>> 0, code, message, action },
    );
    i = at + 1;
    if (tokens[i]?.value === ',') i += 1;
  }
  if (entries.length === 0) throw new Error(`${SOURCE}: no table entries found`);
  return entries;
}

const hex = (n) => '0x' + n.toString(16).toUpperCase().padStart(8, '0');
const quote = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

function tsModule(entries) {
  const lines = [
    `// GENERATED from ${SOURCE} by scripts/gen-hresults.js: do not edit (run \`node scripts/gen-hresults.js\`).`,
    '// The one HRESULT table: every code the product names, its HRESULT and its English message and action.',
    '',
    'export interface HresultEntry {',
    '  hresult: number;',
    '  code: string;',
    '  message: string;',
    '  action?: string;',
    '}',
    '',
    'export const HRESULT_TABLE: readonly HresultEntry[] = [',
  ];
  for (const e of entries) {
    const fields = [`hresult: ${hex(e.hresult)}`, `code: ${quote(e.code)}`, `message: ${quote(e.message)}`];
    if (e.action !== undefined) fields.push(`action: ${quote(e.action)}`);
    lines.push(`  { ${fields.join(', ')} },`);
  }
  lines.push(
    '];',
    '',
    '/** HRESULTs by symbolic code (codes that are identifiers: E_INVALIDARG, VDS_E_NOT_ENOUGH_SPACE, …; a',
    ' * HRESULT_FROM_WIN32(ERROR_X) row by its Win32 name, ERROR_X). */',
  );
  lines.push('export const HRESULT = {');
  for (const e of entries) {
    const win32 = /^HRESULT_FROM_WIN32\(([A-Z_][A-Z0-9_]*)\)$/.exec(e.code);
    const name = win32 ? win32[1] : /^[A-Z_][A-Z0-9_]*$/.test(e.code) ? e.code : null;
    if (name) lines.push(`  ${name}: ${hex(e.hresult)},`);
  }
  lines.push('} as const;', '', 'export type HresultCode = keyof typeof HRESULT;', '');
  return lines.join('\n');
}

function enJson(entries, current) {
  const en = JSON.parse(current);
  const errorCodes = {};
  for (const e of entries)
    errorCodes[e.code] =
      e.action === undefined ? { message: e.message } : { message: e.message, action: e.action };
  // Codes of the product's own (E_SHUTTING_DOWN, E_JOURNAL_BUSY, …) reuse a table HRESULT under their own
  // name, so they are not rows of the table: their English entries stay as written, after the table's.
  for (const [code, entry] of Object.entries(en.errorCodes ?? {}))
    if (!(code in errorCodes)) errorCodes[code] = entry;
  en.errorCodes = errorCodes;
  return JSON.stringify(en, null, 2) + '\n';
}

async function main() {
  const check = process.argv.includes('--check');
  const entries = parseTable(fs.readFileSync(path.join(ROOT, SOURCE), 'utf8'));
  const prettier = await import('prettier');
  const tsFile = path.join(ROOT, TS_OUT);
  const options = { ...(await prettier.resolveConfig(tsFile)), filepath: tsFile };
  const outputs = [
    [TS_OUT, await prettier.format(tsModule(entries), options)],
    [EN_JSON, enJson(entries, fs.readFileSync(path.join(ROOT, EN_JSON), 'utf8'))],
  ];
  const stale = [];
  for (const [file, content] of outputs) {
    const full = path.join(ROOT, file);
    const existing = fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : null;
    if (existing === content) continue;
    if (check) stale.push(file);
    else fs.writeFileSync(full, content);
  }
  if (stale.length > 0) {
    console.error(
      `${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} not what ${SOURCE} gives: run node scripts/gen-hresults.js`,
    );
    process.exit(1);
  }
  if (!check) console.log(`${entries.length} HRESULTs from ${SOURCE} → ${TS_OUT}, ${EN_JSON} errorCodes`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
