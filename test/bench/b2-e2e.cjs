// B2E: the path a user sees. 256 concurrent LUN creations through the browser shell's host (bench-host.cjs:
// serve's host with concurrency 256, beyond serve's --concurrency cap of 64), the monitor open in Chromium.
//  - lag: for every whole percent 1–99 of every operation, the wall-clock time from the moment the simulated
//    array reached it (operation start + percent × size ÷ initialisation rate; the simulator's percent is
//    floor(bytesDone ÷ size × 100)) to the moment a MutationObserver in the page sees the monitor row's text
//    at or past it (performance.timeOrigin + now). The array's start is not visible: it is taken as the
//    earlier of the host's startedAt and min(shown − percent × size ÷ rate) over the row's changes, both
//    at or after the true start, so every lag is a lower bound (by at most the fastest delivery);
//    The page gets DURATION + 30 s after the last creation was queued; a percent not shown by then counts
//    with its lag up to that moment (a lower bound), and b2e_percents_late_shown says how many those are;
//  - renderer busy: the page's main-thread TaskDuration (CDP Performance metrics) ÷ elapsed time, while all
//    256 run on the array (from the host's last startedAt to its first endedAt).
'use strict';
/* global document, window, MutationObserver -- page code runs in Chromium */
const fs = require('node:fs');
const path = require('node:path');
const { DEFAULT_POLL_INTERVAL_MS, pollIntervalInUseMs } = require('../../dist/native/lib/index.js');
const { GiB, subsystem } = require('./topology.cjs');
const { startBenchHost } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { connectApi, createMany } = require('./ws-api.cjs');
const { quantile, round } = require('./stats.cjs');

const OPERATIONS = 256;
const SUBSYSTEMS = 4;
const LUN_BYTES = 20 * GiB;
const RATE = 2 * GiB; // each creation takes 10 s
const DURATION_MS = (LUN_BYTES / RATE) * 1000;
/** Room for every row (the monitor's rows are ~108 px; the list gets the window's height less ~17rem). */
const VIEWPORT_HEIGHT = OPERATIONS * 120 + 600;

// Runs in the page: records, per operation row, every change of its shown percent and state.
function observeRows() {
  const rows = new Map(); // id → { changes: [[wallMs, percent]], state, stateAt: {state: wallMs} }
  const longTasks = [];
  const wallNow = () => performance.timeOrigin + performance.now();
  const look = (li, wall) => {
    const id = li.dataset.operationId;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { changes: [], last: -1, stateAt: {} }));
    const state = li.dataset.state;
    if (!(state in row.stateAt)) row.stateAt[state] = wall;
    const match = /(\d+)\s*%/.exec(li.querySelector('[data-testid="operation-percent"]')?.textContent ?? '');
    const percent = match ? Number(match[1]) : -1;
    if (percent > row.last) {
      row.last = percent;
      row.changes.push([wall, percent]);
    }
  };
  new MutationObserver((records) => {
    const wall = wallNow();
    const touched = new Set();
    for (const r of records) {
      const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const li = el?.closest('[data-testid="operation-row"]');
      if (li) touched.add(li);
      for (const n of r.addedNodes)
        if (n.nodeType === 1)
          for (const row of n.querySelectorAll('[data-testid="operation-row"]')) touched.add(row);
    }
    for (const li of touched) look(li, wall);
  }).observe(document.body, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['data-state'],
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push([performance.timeOrigin + e.startTime, e.duration]);
  }).observe({ type: 'longtask' });
  window.__benchRows = () => ({
    readAt: wallNow(),
    rows: [...rows].map(([id, r]) => ({ id, changes: r.changes, stateAt: r.stateAt })),
    longTasks,
  });
}

/** Lags (ms) of one operation's percents 1–99, given its shown changes, the host's start and the moment
 * the page was read (percents not shown by then: lag so far, flagged unshown). */
function lagsOf(changes, hostStartedAt, readAt) {
  const start = Math.min(hostStartedAt, ...changes.map(([wall, p]) => wall - (p / 100) * DURATION_MS));
  const out = [];
  let next = 1;
  for (const [wall, percent] of changes)
    for (; next <= Math.min(99, percent); next += 1)
      out.push({ ms: wall - (start + (next / 100) * DURATION_MS), shown: true, percent: next });
  for (; next <= 99; next += 1)
    out.push({ ms: readAt - (start + (next / 100) * DURATION_MS), shown: false, percent: next });
  return out;
}

function lagsWhere(all, keep) {
  return all.filter((l) => keep(l.percent)).map((l) => l.ms);
}

async function sampleTasks(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { wall: Date.now(), taskMs: value('TaskDuration') * 1000, atMs: value('Timestamp') * 1000 };
}

async function untilAllFinished(api) {
  for (;;) {
    const ops = await api.call('listOperations', { kind: 'createLun' });
    if (ops.length === OPERATIONS && ops.every((op) => op.endedAt !== null)) return ops;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function runB2e(dir) {
  const topologyPath = path.join(dir, 'b2e-topology.json');
  const topology = {
    subsystems: Array.from({ length: SUBSYSTEMS }, (_, i) =>
      subsystem(`Busy ${i}`, 16, { initRateBytesPerSec: RATE, driveSizeBytes: 1024 * GiB }),
    ),
  };
  fs.writeFileSync(topologyPath, JSON.stringify(topology));
  const host = startBenchHost(dir, topologyPath, 'b2e', OPERATIONS);
  const browser = await launchChromium();
  try {
    const tokenUrl = await host.url;
    // The monitor renders only the rows in view (virtualised): the window is tall enough for all of them,
    // so every percent of every operation reaches a row's text and counts, as before virtualisation.
    const page = await browser.newPage({ viewport: { width: 1280, height: VIEWPORT_HEIGHT } });
    await page.goto(`${tokenUrl}#/monitor`);
    await page.getByRole('main').waitFor({ timeout: 60_000 });
    await page.evaluate(observeRows);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });

    const api = await connectApi(tokenUrl);
    const inventory = await api.call('getInventory', {});
    const ids = inventory.subsystems.map((s) => s.id);
    const samples = [await sampleTasks(cdp)];
    const sampler = setInterval(
      () =>
        void sampleTasks(cdp).then(
          (s) => samples.push(s),
          () => {},
        ),
      200,
    );
    const queued = await createMany(api, ids, OPERATIONS, LUN_BYTES);
    if (queued.length !== OPERATIONS) throw new Error(`B2E: ${queued.length} operations queued`);
    const history = await untilAllFinished(api);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
    clearInterval(sampler);
    const { rows, longTasks, readAt } = await page.evaluate(() => window.__benchRows());
    api.close();

    const byId = new Map(history.map((op) => [op.id, op]));
    const mine = rows.filter((r) => queued.some((q) => q.id === r.id));
    if (mine.length !== OPERATIONS) throw new Error(`B2E: the monitor showed ${mine.length} of the rows`);
    const failed = history.filter((op) => op.state !== 'succeeded');
    if (failed.length > 0) throw new Error(`B2E: ${failed.length} creations did not succeed`);
    const all = mine.flatMap((r) => lagsOf(r.changes, Date.parse(byId.get(r.id).startedAt), readAt));
    const lags = all.map((l) => l.ms);
    if (lags.length !== OPERATIONS * 99) throw new Error(`B2E: ${lags.length} percents measured`);

    // Window: all 256 run on the array (host clock: last start … first end).
    const from = Math.max(...history.map((op) => Date.parse(op.startedAt)));
    const to = Math.min(...history.map((op) => Date.parse(op.endedAt)));
    const inside = samples.filter((s) => s.wall >= from && s.wall <= to);
    if (!(to > from) || inside.length < 2)
      throw new Error(`B2E: no window with all ${OPERATIONS} creations running (${round(to - from, 0)} ms)`);
    const first = inside[0];
    const last = inside[inside.length - 1];
    const longMs = longTasks
      .filter(([t]) => t >= first.wall && t <= last.wall)
      .reduce((sum, [, d]) => sum + d, 0);
    const poll = pollIntervalInUseMs(DEFAULT_POLL_INTERVAL_MS, OPERATIONS); // the addon's interval in use
    return {
      b2e_ops: OPERATIONS,
      b2e_poll_ms: poll,
      b2e_percents: lags.length,
      b2e_percents_not_shown: all.filter((l) => !l.shown).length,
      b2e_read_after_last_end_ms: round(readAt - Math.max(...history.map((op) => Date.parse(op.endedAt))), 0),
      b2_e2e_lag_ms_p50: round(quantile(lags, 0.5)),
      b2_e2e_lag_ms_p99: round(quantile(lags, 0.99)),
      b2_e2e_lag_ms_max: round(quantile(lags, 1)),
      b2_e2e_on_time_pct: round((100 * lags.filter((l) => l <= poll + 100).length) / lags.length),
      // Where the lag is: the first tenth of each operation (all 256 still being submitted and started)
      // against the rest.
      b2e_lag_ms_p99_percents_1_10: round(
        quantile(
          lagsWhere(all, (p) => p <= 10),
          0.99,
        ),
      ),
      b2e_lag_ms_p99_percents_11_99: round(
        quantile(
          lagsWhere(all, (p) => p > 10),
          0.99,
        ),
      ),
      b2_renderer_busy_pct: round((100 * (last.taskMs - first.taskMs)) / (last.atMs - first.atMs)),
      b2_renderer_longtask_pct: round((100 * longMs) / (last.wall - first.wall)),
      b2e_window_ms: round(last.atMs - first.atMs, 0),
    };
  } finally {
    await browser.close();
    await host.stop();
  }
}

module.exports = { runB2e };
