#!/usr/bin/env node
// Checks (or with --fix, applies) clang-format on every C++ source we own.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const roots = ['native/src', 'test/windows', 'test/native'];
const exts = new Set(['.cc', '.cpp', '.h', '.hpp']);

function collect(dir, out) {
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'build' && entry.name !== 'node_modules') collect(full, out);
    } else if (exts.has(path.extname(entry.name))) out.push(full);
  }
  return out;
}

const files = roots.flatMap((r) => collect(path.join(root, r), []));
if (files.length === 0) process.exit(0);
const bin = require.resolve('clang-format/index.js');
const fix = process.argv.includes('--fix');
const args = fix ? ['-i', ...files] : ['--dry-run', '--Werror', ...files];
try {
  execFileSync(process.execPath, [bin, ...args], { stdio: 'inherit', cwd: root });
} catch {
  console.error('clang-format: files above are not formatted. Run `npm run format` to fix them.');
  process.exit(1);
}
