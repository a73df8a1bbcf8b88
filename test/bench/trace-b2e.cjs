#!/usr/bin/env node
// Where B2E's renderer main-thread time goes, by Chromium trace event (style, layout, paint, script…):
// the same 256 creations as B2E with the monitor open in a window `height` px tall, a devtools.timeline trace
// over `seconds` while they run, the renderer main thread's top-level work summed by event name.
// `node test/bench/trace-b2e.cjs [seconds] [height]` after a build; prints JSON.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { GiB, subsystem } = require('./topology.cjs');
const { startBenchHost } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { connectApi, createMany } = require('./ws-api.cjs');
const { round } = require('./stats.cjs');

function summarise(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // Exclusive time per event name: an event's duration less its direct children's.
  onMain.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  for (const e of onMain) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.child += e.dur ?? 0;
    const node = { e, end: e.ts + (e.dur ?? 0), child: 0 };
    stack.push(node);
    node.done = () => self.set(e.name, (self.get(e.name) ?? 0) + (e.dur ?? 0) - node.child);
    (summarise.nodes ??= []).push(node);
  }
  for (const n of summarise.nodes ?? []) n.done();
  const tasks = onMain.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const total = tasks.reduce((a, e) => a + e.dur, 0) / 1000;
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([name, us]) => ({ name, ms: round(us / 1000, 0) }));
  return { taskMs: round(total, 0), top };
}

async function main(seconds = 4, height = 900) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-trace-'));
  const topologyPath = path.join(dir, 'topology.json');
  const topology = {
    subsystems: Array.from({ length: 4 }, (_, i) =>
      subsystem(`Busy ${i}`, 16, { initRateBytesPerSec: 2 * GiB, driveSizeBytes: 1024 * GiB }),
    ),
  };
  fs.writeFileSync(topologyPath, JSON.stringify(topology));
  const host = startBenchHost(dir, topologyPath, 'trace', 256);
  const browser = await launchChromium();
  try {
    const tokenUrl = await host.url;
    const page = await browser.newPage({ viewport: { width: 1280, height } });
    await page.goto(`${tokenUrl}#/monitor`);
    await page.getByRole('main').waitFor({ timeout: 60_000 });
    const api = await connectApi(tokenUrl);
    const ids = (await api.call('getInventory', {})).subsystems.map((s) => s.id);
    await createMany(api, ids, 256, 20 * GiB);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const file = path.join(dir, 'trace.json');
    await browser.startTracing(page, {
      path: file,
      categories: ['devtools.timeline', 'toplevel', 'blink', 'cc'],
    });
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    await browser.stopTracing();
    const trace = JSON.parse(fs.readFileSync(file, 'utf8'));
    api.close();
    process.stdout.write(
      `${JSON.stringify({ seconds, height, ...summarise(trace.traceEvents ?? trace) }, null, 1)}\n`,
    );
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
main(Number(process.argv[2] ?? 4), Number(process.argv[3] ?? 900)).catch((error) => {
  process.stderr.write(`trace failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
