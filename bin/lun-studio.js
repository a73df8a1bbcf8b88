#!/usr/bin/env node
// lun-studio: wires the compiled command line (dist/electron/host/cli/main.js) to this process.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const mainPath = path.join(__dirname, '..', 'dist', 'electron', 'host', 'cli', 'main.js');
if (!fs.existsSync(mainPath)) {
  process.stderr.write(
    `error: the command line is not built (${mainPath} is missing).\n` +
      'hint: run `npm run build:node` in the lun-studio folder, then try again.\n',
  );
  process.exit(1);
}
const { run } = require(mainPath);
// An error nothing caught: logged, told on stderr, the owner (if this command is one) closes, exit 1.
require(
  path.join(__dirname, '..', 'dist', 'electron', 'host', 'crash', 'crash-handler.js'),
).installStderrCrashHandler();

// A reader that went away (`lun-studio luns A | head -1`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const interruptHandlers = new Set();
process.on('SIGINT', () => {
  // Nothing to cancel: behave like an ordinary Ctrl-C.
  if (interruptHandlers.size === 0) process.exit(130);
  for (const handler of [...interruptHandlers]) handler();
});

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY: Boolean(process.stdout.isTTY),
  env: process.env,
  platform: process.platform,
  cwd: process.cwd(),
  onInterrupt(handler) {
    interruptHandlers.add(handler);
    return () => interruptHandlers.delete(handler);
  },
};

function flushed(stream) {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

run(process.argv.slice(2), io).then(
  async (code) => {
    // Exit explicitly once the output is written: a provider that never answered must not keep us alive.
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit(code);
  },
  (error) => {
    process.stderr.write(`error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
