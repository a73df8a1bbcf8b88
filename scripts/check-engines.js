#!/usr/bin/env node
// `npm run lint` step: package.json "engines.node" must be no looser than the engines of any dependency we
// run (dependencies and devDependencies: vite, electron-vite, vitest, eslint, electron…). A Node version our
// range allows but a tool refuses or warns about is a broken promise to whoever installs the project.
// The range arithmetic is semver's (the npm ecosystem's own; it comes with npm's toolchain, here through
// electron-builder and eslint), not written by hand: subset(ours, theirs) = every version we allow, they allow.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const semver = require('semver');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Problems (one line each) with root's engines.node ([] when it is within every installed dependency's), and
 * the dependencies that are not installed (npm ci not run since package.json changed): those cannot be checked
 * here, and everything that imports them fails on its own. */
function checkEngines(root) {
  const pkg = readJson(path.join(root, 'package.json'));
  const ours = pkg.engines && pkg.engines.node;
  if (!ours) return { problems: ['package.json has no engines.node'], unchecked: [] };
  if (!semver.validRange(ours)) {
    return { problems: [`package.json engines.node "${ours}" is not a valid range`], unchecked: [] };
  }
  const problems = [];
  const unchecked = [];
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).sort();
  for (const name of names) {
    const file = path.join(root, 'node_modules', name, 'package.json');
    if (!fs.existsSync(file)) {
      unchecked.push(name);
      continue;
    }
    const dep = readJson(file);
    const theirs = dep.engines && dep.engines.node;
    if (typeof theirs !== 'string' || !semver.validRange(theirs)) continue;
    if (!semver.subset(ours, theirs)) {
      problems.push(
        `package.json engines.node "${ours}" allows Node versions ${name}@${dep.version} does not ("${theirs}")`,
      );
    }
  }
  return { problems, unchecked };
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const { problems, unchecked } = checkEngines(root);
  if (unchecked.length > 0) {
    process.stdout.write(`check-engines: not installed (run npm ci), not checked: ${unchecked.join(', ')}\n`);
  }
  for (const line of problems) process.stderr.write(`check-engines: ${line}\n`);
  if (problems.length > 0) process.exit(1);
  const ours = readJson(path.join(root, 'package.json')).engines.node;
  process.stdout.write(`check-engines: engines.node "${ours}" is within every dependency's\n`);
  if (!semver.satisfies(process.versions.node, ours)) {
    process.stdout.write(`check-engines: note: this Node (v${process.versions.node}) is outside "${ours}"\n`);
  }
}

module.exports = { checkEngines };
