// B2: 256 concurrent LUN creations through the facade (what the host runs). Measures
//  - on time: for every whole percent an operation passes (1–99), the time from the moment the simulated
//    array reached it to the moment JS received a report at or past it; on time = within one poll interval in use
//    (the addon's round interval while all 256 run: max(pollIntervalMs, 256 × 1 ms), read from pollerStats);
//  - the host process's CPU (user + system, all threads: poller, addon, JS) over the whole run, and split
//    into submit (first call → all 256 started), running (→ first completion) and finish (→ last one).
// The array's clock is not visible from JS: each operation's start is estimated as the earliest
// (arrival − bytesDone / rate) of its reports, i.e. its fastest delivery counts as instant. This
// under-states every latency by that fastest delivery (typically well under 1 ms).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { loadAddon, openProvider, DEFAULT_POLL_INTERVAL_MS } = require('../../dist/native/lib/index.js');
const { progressRoutes } = require('../../dist/native/lib/progress-routes.js');
const { GiB, subsystem } = require('./topology.cjs');
const { quantile, round } = require('./stats.cjs');

const OPERATIONS = 256;
const SUBSYSTEMS = 4;
const LUN_BYTES = 6 * GiB;
const RATE = 2 * GiB; // bytes per second per operation: each creation takes 3 s

function latencies(reports, poll) {
  // reports: [{ t, percent, bytesDone }] in arrival order, running reports only
  const withBytes = reports.filter((r) => r.bytesDone > 0);
  if (withBytes.length === 0) return [];
  const start = Math.min(...withBytes.map((r) => r.t - (r.bytesDone / RATE) * 1000));
  const out = [];
  let next = 1;
  for (const r of withBytes) {
    for (; next <= Math.min(99, r.percent); next += 1) {
      const reachedAt = start + ((LUN_BYTES * next) / 100 / RATE) * 1000;
      out.push(r.t - reachedAt);
    }
  }
  void poll;
  return out;
}

/** CPU between two samples, in % of one core. */
function cpuPct(from, to) {
  if (!from || !to || to.t <= from.t) return null;
  const us = to.cpu.user + to.cpu.system - (from.cpu.user + from.cpu.system);
  return round((100 * us) / 1000 / (to.t - from.t));
}

/** The same 256 creations on the raw addon (no facade; reports routed from the addon's batches as the facade
 * gets them): CPU over 2 s while they all run. */
async function rawRunningCpu(statePath, poll) {
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  const addon = loadAddon();
  const raw = await addon.openProvider('sim', state, poll);
  const routes = progressRoutes(addon);
  const subsystems = await raw.listSubsystems();
  let reports = 0;
  const count = () => (reports += 1);
  const ops = await Promise.all(
    Array.from({ length: OPERATIONS }, (_, i) =>
      raw.createLun(
        {
          subsystemId: subsystems[i % SUBSYSTEMS].id,
          type: 'simple',
          driveIds: [],
          hints: {},
          sizeBytes: LUN_BYTES,
          unmaskingList: '',
        },
        routes.add(count),
      ),
    ),
  );
  const from = { cpu: process.cpuUsage(), t: performance.now() };
  const before = reports;
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const to = { cpu: process.cpuUsage(), t: performance.now() };
  const perReportUs = (to.cpu.user + to.cpu.system - from.cpu.user - from.cpu.system) / (reports - before);
  await Promise.all(ops.map((op) => op.done));
  raw.close();
  return { cpuPct: cpuPct(from, to), perReportUs: round(perReportUs, 1) };
}

async function runB2(dir) {
  const topologyPath = path.join(dir, 'b2-topology.json');
  const statePath = path.join(dir, 'b2-state.json');
  const topology = {
    subsystems: Array.from({ length: SUBSYSTEMS }, (_, i) =>
      subsystem(`Busy ${i}`, 16, { initRateBytesPerSec: RATE, driveSizeBytes: 1024 * GiB }),
    ),
  };
  fs.writeFileSync(topologyPath, JSON.stringify(topology));
  const poll = DEFAULT_POLL_INTERVAL_MS;
  const addon = loadAddon();
  const provider = await openProvider({
    provider: 'sim',
    simStatePath: statePath,
    simTopologyPath: topologyPath,
  });
  const subsystems = await provider.listSubsystems();

  const perOp = [];
  let started = 0;
  let running; // { cpu, t } once every operation runs
  let firstDone; // { cpu, t } at the first completion
  let statsAtRunning; // the addon's poller counters once every operation runs
  let statsAtFirstDone;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const done = Array.from({ length: OPERATIONS }, (_, i) => {
    const reports = [];
    perOp.push(reports);
    return provider
      .createLun(
        { subsystemId: subsystems[i % SUBSYSTEMS].id, type: 'simple', sizeBytes: LUN_BYTES },
        {
          onStarted: () => {
            started += 1;
            if (started === OPERATIONS) {
              running = { cpu: process.cpuUsage(), t: performance.now() };
              statsAtRunning = addon.pollerStats();
            }
          },
          onProgress: (p) => {
            if (p.percent !== null && p.percent < 100)
              reports.push({ t: performance.now(), percent: p.percent, bytesDone: p.bytesDone ?? 0 });
          },
        },
      )
      .finally(() => {
        if (!firstDone) {
          firstDone = { cpu: process.cpuUsage(), t: performance.now() };
          statsAtFirstDone = addon.pollerStats();
        }
      });
  });
  const results = await Promise.allSettled(done);
  const end = { cpu: process.cpuUsage(), t: performance.now() };
  const wallMs = end.t - t0;
  const cpu = process.cpuUsage(cpu0);
  await provider.close();

  const rawRun = await rawRunningCpu(statePath, poll);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0)
    throw new Error(`B2: ${failed.length} creations failed: ${failed[0].reason?.message}`);
  const inUse = statsAtRunning.intervalMs;
  const all = perOp.flatMap((reports) => latencies(reports, inUse));
  const onTime = all.filter((ms) => ms <= inUse).length;
  const between = (key) => statsAtFirstDone[key] - statsAtRunning[key];
  const runningS = (firstDone.t - running.t) / 1000;
  return {
    b2_ops: OPERATIONS,
    b2_poll_floor_ms: poll,
    b2_poll_ms: inUse,
    b2_rounds_per_s: round(between('rounds') / runningS),
    b2_queries_per_s: round(between('queries') / runningS),
    b2_hub_calls_per_round: round(between('hubCalls') / between('rounds'), 2),
    b2_changes: all.length,
    b2_on_time_pct: round((100 * onTime) / all.length),
    b2_latency_ms_p50: round(quantile(all, 0.5)),
    b2_latency_ms_p99: round(quantile(all, 0.99)),
    b2_latency_ms_max: round(quantile(all, 1)),
    b2_wall_ms: round(wallMs, 0),
    b2_cpu_pct: round((100 * (cpu.user + cpu.system)) / 1000 / wallMs),
    b2_cpu_running_pct: cpuPct(running, firstDone),
    b2_running_ms: running && firstDone ? round(firstDone.t - running.t, 0) : null,
    b2_raw_cpu_running_pct: rawRun.cpuPct,
    b2_raw_us_per_report: rawRun.perReportUs,
    b2_cpu_submit_pct: cpuPct({ cpu: cpu0, t: t0 }, running),
    b2_cpu_finish_pct: cpuPct(firstDone, end),
  };
}

module.exports = { runB2 };
