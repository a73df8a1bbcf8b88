#!/usr/bin/env node
// npm start: build the desktop app (main, preload, renderer) and run it in Electron.
// Arguments after `npm start --` go to the app, e.g. `npm start -- --provider=sim`.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { printBundleSize } = require('./print-bundle-size.js');

const ROOT = path.join(__dirname, '..');

/** The Electron binary, or null when the runtime was never downloaded. Never triggers a download:
 * `require('electron')` would try one (and print a stack trace when it fails). */
function findElectronBinary(electronDir) {
  if (!electronDir || !fs.existsSync(path.join(electronDir, 'package.json'))) return null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : '';
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return fs.existsSync(binary) ? binary : null;
  }
  if (!relative) return null;
  const binary = path.join(electronDir, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}

function electronPackageDir() {
  try {
    return path.dirname(require.resolve('electron/package.json', { paths: [ROOT] }));
  } catch {
    return null;
  }
}

const MISSING_ELECTRON = [
  'LUN Studio: the Electron runtime is not installed, so the desktop app cannot start.',
  '',
  '  On a normal machine `npm install` downloads it from GitHub (electron/electron releases).',
  '  Here that download did not happen (no network access to GitHub, or npm ran with --ignore-scripts).',
  '  To get it later: `npx install-electron` (or delete node_modules/electron and run `npm install`).',
  '',
  '  The same console runs in a browser without Electron:  npm run serve',
].join('\n');

const ADDON = path.join(ROOT, 'native', 'build', 'Release', 'lun_studio.node');
const MISSING_ADDON = [
  'LUN Studio: the native addon is not built (native/build/Release/lun_studio.node).',
  '  Build it with `npm run build:native` (needs a C++ toolchain and Python), then run `npm start` again.',
].join('\n');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main() {
  const binary = findElectronBinary(electronPackageDir());
  if (!binary) {
    console.error(MISSING_ELECTRON);
    process.exit(1);
  }
  if (!fs.existsSync(ADDON)) {
    console.error(MISSING_ADDON);
    process.exit(1);
  }
  // The same as `npm run build:app`.
  const electronVite = path.join(
    path.dirname(require.resolve('electron-vite/package.json', { paths: [ROOT] })),
    'bin',
    'electron-vite.js',
  );
  const buildStatus = run(process.execPath, [electronVite, 'build']);
  if (buildStatus !== 0) process.exit(buildStatus);
  printBundleSize();

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (require.main === module) main();

module.exports = { findElectronBinary, MISSING_ELECTRON };
