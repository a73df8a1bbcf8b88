#!/usr/bin/env node
// npm run docs:screenshots: regenerates the user guide's pictures (docs/images/*.png). They are the screenshots
// the end-to-end run takes anyway (test/e2e/helpers.ts `screenshot`, written to test-results/screenshots/LANG/);
// this builds the renderer, runs the specs that take the ones the guide shows, and copies the English ones over.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SPECS = ['test/e2e/screens.spec.ts', 'test/e2e/capacity-map.spec.ts'];
/** Screenshot name → the guide's file. */
const PICTURES = {
  inventory: 'inventory.png',
  'wizard-3-drives': 'wizard-drives.png',
  'wizard-8-summary': 'wizard-summary.png',
  'wizard-9-result': 'wizard-result.png',
  monitor: 'monitor.png',
  'capacity-map': 'capacity-map.png',
  'lun-details': 'lun-details.png',
};

function run(args) {
  const result = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`update-guide-screenshots: npx ${args.join(' ')} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

run(['electron-vite', 'build']);
run(['playwright', 'test', ...SPECS]);
const from = path.join(ROOT, 'test-results', 'screenshots', 'en');
const to = path.join(ROOT, 'docs', 'images');
fs.mkdirSync(to, { recursive: true });
for (const [name, file] of Object.entries(PICTURES)) {
  fs.copyFileSync(path.join(from, `${name}.png`), path.join(to, file));
  process.stdout.write(`docs/images/${file}\n`);
}
