#!/usr/bin/env node
// `npm test`: type-check, unit + native + host + CLI suites (vitest), then the Windows leg (mingw + Wine)
// and the browser end-to-end suite (Playwright + Debian Chromium) when their tools are on this machine.
// Under CI=true a missing tool is a failure: .ci/run installs them.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const ci = process.env.CI === 'true';
const results = [];

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function step(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  const ok = run.status === 0;
  results.push({ name, state: ok ? 'passed' : 'failed' });
  return ok;
}

function optional(name, tools, script) {
  const missing = tools.filter((t) => !has(t));
  const scriptPresent = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts[script] !== undefined;
  if (!scriptPresent) {
    results.push({ name, state: 'failed' });
    console.error(`\n=== ${name}: npm script "${script}" is missing`);
    return;
  }
  if (missing.length > 0) {
    if (ci) {
      results.push({ name, state: 'failed' });
      console.error(`\n=== ${name}: FAILED — missing ${missing.join(', ')} (CI installs them in .ci/run)`);
    } else {
      results.push({ name, state: 'skipped' });
      console.warn(`\n=== ${name}: SKIPPED — missing ${missing.join(', ')}; see README "Tests"`);
    }
    return;
  }
  step(name, 'npm', ['run', '--silent', script]);
}

step('typecheck', 'npx', ['tsc', '-b', '--noEmit']);
step('unit, native, host and CLI suites', 'npx', ['vitest', 'run']);
optional('Windows VDS backend under Wine', ['x86_64-w64-mingw32-g++-posix', 'wine'], 'test:windows');
optional('browser end-to-end (Playwright)', ['chromium'], 'test:e2e');

console.log('\n=== summary');
for (const r of results) console.log(`${r.state.padEnd(8)} ${r.name}`);
const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.filter((r) => r.state === 'failed').length;
const skipped = results.filter((r) => r.state === 'skipped').length;
console.log(`suites: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed === 0 ? 0 : 1);
