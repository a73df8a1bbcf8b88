#!/usr/bin/env node
// The browser shell's host exactly as `serve` starts it (Owner.start + startBrowserShell from dist), but with
// a concurrency beyond serve's --concurrency cap (1–64): B2E runs 256 and B6 1,024 creations at once.
// Usage: node bench-host.cjs STATE TOPOLOGY JOURNAL CONCURRENCY — prints the URL line like serve.
'use strict';
const path = require('node:path');
const { Owner } = require('../../dist/electron/host/owner/owner.js');
const { startBrowserShell } = require('../../dist/electron/host/web/server.js');

async function main([statePath, topologyPath, journalPath, concurrency]) {
  const owner = await Owner.start({
    shell: 'browser',
    provider: 'sim',
    simStatePath: statePath,
    simTopologyPath: topologyPath,
    journalPath,
    concurrency: Number(concurrency),
  });
  const shell = await startBrowserShell({
    dispatch: owner.dispatch,
    events: owner,
    staticRoot: path.resolve(__dirname, '..', '..', 'out', 'renderer'),
    host: '127.0.0.1',
    port: 0,
  });
  process.stdout.write(`${shell.url}\n`);
  const stop = () =>
    void (async () => {
      await shell.close();
      await owner.close();
      process.exit(0);
    })();
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`bench host failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
