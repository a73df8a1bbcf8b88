// B6: the owner host process's resident memory with 1,024 concurrent LUN creations running on the
// simulator: bench-host.cjs (serve's host, concurrency 1,024 — serve caps --concurrency at 64) takes 16
// batches of 64 over its WebSocket API; one API client is connected (receiving every event, as a monitor
// would). VmRSS of the host process is sampled every 100 ms from the moment all 1,024 run until the first
// one finishes; the figure is the highest sample (VmHWM, the kernel's peak, is reported beside it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { GiB, subsystem } = require('./topology.cjs');
const { startBenchHost } = require('./serve-process.cjs');
const { connectApi, createMany } = require('./ws-api.cjs');
const { round } = require('./stats.cjs');

const OPERATIONS = 1024;
const SUBSYSTEMS = 8;
const LUN_BYTES = 40 * GiB;
const RATE = 2 * GiB; // each creation takes 20 s

function memoryMib(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
}

async function runB6(dir) {
  if (process.platform !== 'linux') return { b6_rss_mb_1024_ops: null };
  const topologyPath = path.join(dir, 'b6-topology.json');
  const topology = {
    subsystems: Array.from({ length: SUBSYSTEMS }, (_, i) =>
      subsystem(`Wide ${i}`, 16, { initRateBytesPerSec: RATE, driveSizeBytes: 4096 * GiB }),
    ),
  };
  fs.writeFileSync(topologyPath, JSON.stringify(topology));
  const host = startBenchHost(dir, topologyPath, 'b6', OPERATIONS);
  try {
    await host.url;
    const pid = host.child.pid;
    const idle = memoryMib(pid);
    const running = new Set();
    let firstDone = false;
    let failure;
    const api = await connectApi(await host.url, (event) => {
      if (event.type === 'operationStarted') running.add(event.operation.id);
      if (event.type === 'operationFinished') {
        if (event.operation.state !== 'succeeded')
          failure ??= `B6: a creation ended ${event.operation.state}: ${event.operation.error?.message}`;
        firstDone = true;
      }
    });
    const ids = (await api.call('getInventory', {})).subsystems.map((s) => s.id);
    const queued = await createMany(api, ids, OPERATIONS, LUN_BYTES);
    if (queued.length !== OPERATIONS) throw new Error(`B6: ${queued.length} creations queued`);
    const samples = [];
    while (!firstDone) {
      if (running.size === OPERATIONS) samples.push(memoryMib(pid).rss);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const peak = memoryMib(pid).hwm;
    api.close();
    if (failure) throw new Error(failure);
    if (samples.length < 10)
      throw new Error(`B6: only ${samples.length} samples with all ${OPERATIONS} creations running`);
    return {
      b6_ops: OPERATIONS,
      b6_rss_mb_1024_ops: round(Math.max(...samples), 0),
      b6_rss_mb_idle: round(idle.rss, 0),
      b6_rss_mb_hwm: round(peak, 0),
      b6_samples: samples.length,
    };
  } finally {
    await host.stop();
  }
}

module.exports = { runB6 };
