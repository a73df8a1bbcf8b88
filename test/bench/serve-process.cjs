// Starts the browser shell (node dist/electron/host/web/serve.js) on a temp simulator state and waits for
// the one URL line it prints; or bench-host.cjs (the same host, any concurrency).
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** `options.statePath`: start from this state file (the topology is then not read). */
function startServe(dir, topologyPath, name, options = {}) {
  return startHostProcess(dir, name, [
    path.join(ROOT, 'dist/electron/host/web/serve.js'),
    '--port',
    '0',
    '--sim-state',
    options.statePath ?? path.join(dir, `${name}-state.json`),
    '--sim-topology',
    topologyPath,
    '--journal',
    path.join(dir, `${name}-journal.ndjson`),
  ]);
}

/** The browser shell's host as serve starts it, with `concurrency` creations at once (bench-host.cjs). */
function startBenchHost(dir, topologyPath, name, concurrency) {
  return startHostProcess(dir, name, [
    path.join(__dirname, 'bench-host.cjs'),
    path.join(dir, `${name}-state.json`),
    topologyPath,
    path.join(dir, `${name}-journal.ndjson`),
    String(concurrency),
  ]);
}

function startHostProcess(dir, name, args) {
  const child = spawn(
    process.execPath,
    args,
    // Its own LUN_STUDIO_HOME: the kept access token goes there, not into the user's config.
    {
      cwd: ROOT,
      env: { ...process.env, LUN_STUDIO_HOME: path.join(dir, `${name}-home`) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const url = new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`serve printed no URL in 60 s\n${stderr}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const line = stdout.split('\n').find((l) => /^https?:\/\/\S+token=/.test(l.trim()));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before printing its URL\n${stderr}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { child, url, stop };
}

module.exports = { startServe, startBenchHost, ROOT };
