// The test VDS service seen from the product's process: either loaded here (in-process leg) or started as
// its own node.exe (cross-process leg, service-host.cjs) and driven over loopback TCP. Both expose the same
// async calls, so every case runs unchanged in both legs.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { spawn } = require('node:child_process');

function inProcess(modulePath) {
  const service = require(modulePath); // registers the class object for CLSID_VdsLoader in this process
  return {
    pid: process.pid,
    crossProcess: false,
    configure: async (state, knobs = {}) => service.configure(state, knobs),
    liveObjects: async () => service.liveObjects(),
    calls: async () => service.calls(),
    resetCalls: async () => service.resetCalls(),
    stallQueryStatus: async (ms) => service.stallQueryStatus(ms),
    expireSubsystems: async () => service.expireSubsystems(),
    setDriveFailed: async (driveId, failed) => service.setDriveFailed(driveId, failed),
    simState: async () => service.simState(),
    startAllocationTracking: () => service.startAllocationTracking(),
    stopAllocationTracking: () => service.stopAllocationTracking(),
    revoke: async () => service.revoke(),
    enterSingleThreadedApartment: () => service.enterSingleThreadedApartment(),
    kill: async () => {
      throw new Error('the in-process service cannot be killed');
    },
  };
}

let started = 0;

/** Starts service-host.cjs in a new node.exe; resolves once its class object is registered. */
async function startProcess({ hostScript, modulePath, logDir }) {
  started += 1;
  const name = `service-${process.pid}-${started}`;
  const readyFile = path.join(logDir, `${name}.ready.json`);
  fs.rmSync(readyFile, { force: true });
  // node.exe under Wine cannot write to a pipe: give the child files.
  const out = fs.openSync(path.join(logDir, `${name}.out`), 'w');
  const child = spawn(process.execPath, [hostScript, modulePath, readyFile], {
    stdio: ['ignore', out, out],
    windowsHide: true,
  });
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(readyFile) || fs.statSync(readyFile).size === 0) {
    if (exited) throw new Error(`service host exited early (${JSON.stringify(exited)}); see ${name}.out`);
    if (Date.now() > deadline) throw new Error(`service host not ready after 30 s; see ${name}.out`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const { port, pid } = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.setEncoding('utf8');
  socket.unref();
  const pending = new Map();
  let nextId = 1;
  let buffered = '';
  socket.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const reply = JSON.parse(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      const waiter = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.error) waiter.reject(new Error(`service: ${reply.error}`));
      else waiter.resolve(reply.value);
    }
  });
  const failAll = (why) => {
    for (const waiter of pending.values()) waiter.reject(new Error(why));
    pending.clear();
  };
  socket.on('error', () => failAll('service connection failed'));
  socket.on('close', () => failAll('service connection closed'));
  const call = (op, ...args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  return {
    pid,
    childPid: child.pid,
    crossProcess: true,
    configure: (state, knobs = {}) => call('configure', JSON.stringify(state), knobs),
    liveObjects: () => call('liveObjects'),
    calls: () => call('calls'),
    resetCalls: () => call('resetCalls'),
    stallQueryStatus: (ms) => call('stallQueryStatus', ms),
    expireSubsystems: () => call('expireSubsystems'),
    setDriveFailed: (driveId, failed) => call('setDriveFailed', driveId, failed),
    simState: () => call('simState'),
    revoke: () => call('revoke'),
    /** Ends the service process the hard way (TerminateProcess), as a crash of vds.exe would. Wine's rpcss
     * keeps the class registration of a killed process (nothing cleans it up), so that a new service could
     * never be reached: the class object is revoked first. Calls in flight and every proxy of the old
     * process fail as they would after a crash. */
    kill: async () => {
      await call('revoke').catch(() => {});
      socket.destroy();
      child.kill('SIGKILL');
      const until = Date.now() + 10_000;
      while (!exited && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      if (!exited) throw new Error('the service process did not end');
    },
  };
}

module.exports = { inProcess, startProcess };
