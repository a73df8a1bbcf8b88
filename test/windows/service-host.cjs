// Process B of the cross-process leg: the test VDS service as its own Windows process (a stand-in for vds.exe).
// require()-ing the service module registers its class object as the local server for CLSID_VdsLoader
// (CoRegisterClassObject, CLSCTX_LOCAL_SERVER); the product in another node.exe reaches it only through
// CoCreateInstance and the proxies of lun_vds_ps.dll. The client drives this process over loopback TCP,
// one JSON request per line: {id, op, args} -> {id, value} | {id, error}.
//   node.exe service-host.cjs <test_vds_service.node> <ready file>
// The ready file receives {port, pid} once the class object is registered and the port is open.
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const [modulePath, readyFile] = process.argv.slice(2).map((p) => path.resolve(p));
const service = require(modulePath);

const ops = {
  configure: (state, knobs) => service.configure(state, knobs ?? {}),
  liveObjects: () => service.liveObjects(),
  calls: () => service.calls(),
  resetCalls: () => service.resetCalls(),
  stallQueryStatus: (ms) => service.stallQueryStatus(ms),
  expireSubsystems: () => service.expireSubsystems(),
  setDriveFailed: (driveId, failed) => service.setDriveFailed(driveId, failed),
  simState: () => service.simState(),
  revoke: () => service.revoke(),
  pid: () => process.pid,
};

const server = net.createServer((socket) => {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const { id, op, args = [] } = JSON.parse(line);
      let reply;
      try {
        if (!ops[op]) throw new Error(`unknown op ${op}`);
        reply = { id, value: ops[op](...args) ?? null };
      } catch (error) {
        reply = { id, error: String(error && error.message ? error.message : error) };
      }
      socket.write(`${JSON.stringify(reply)}\n`);
    }
  });
  socket.on('error', () => {});
});

server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(readyFile, JSON.stringify({ port: server.address().port, pid: process.pid }));
});
