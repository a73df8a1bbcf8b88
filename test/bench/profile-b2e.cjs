#!/usr/bin/env node
// Where B2E's renderer time goes: the same 256 creations through the browser shell with the monitor open,
// a V8 CPU profile of the page (CDP Profiler) over `seconds` while they run, summed by function (self
// time) and by script. `node test/bench/profile-b2e.cjs [seconds]` after a build; prints JSON.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { GiB, subsystem } = require('./topology.cjs');
const { startBenchHost } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { connectApi, createMany } = require('./ws-api.cjs');
const { round } = require('./stats.cjs');

const INCLUSIVE = [
  'translate',
  'onmessage',
  'JSON.parse',
  'parse',
  '(garbage collector)',
  '(program)',
  '(idle)',
];

function summarise(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // Inclusive time of named frames (class methods keep their names in the minified bundle).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = Object.fromEntries(INCLUSIVE.map((name) => [name, 0]));
  for (let i = 0; i < profile.samples.length; i += 1) {
    const names = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id))
      names.add(byId.get(id).callFrame.functionName);
    for (const name of INCLUSIVE) if (names.has(name)) inclusive[name] += (dt[i] ?? 0) / 1000;
  }
  for (const name of INCLUSIVE) inclusive[name] = round((100 * inclusive[name]) / total, 1);
  const top = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, ms]) => ({ fn, ms: round(ms, 0), pct: round((100 * ms) / total, 1) }));
  return { totalMs: round(total, 0), inclusivePct: inclusive, top };
}

async function main(seconds = 4) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-profile-'));
  const topologyPath = path.join(dir, 'topology.json');
  const topology = {
    subsystems: Array.from({ length: 4 }, (_, i) =>
      subsystem(`Busy ${i}`, 16, { initRateBytesPerSec: 2 * GiB, driveSizeBytes: 1024 * GiB }),
    ),
  };
  fs.writeFileSync(topologyPath, JSON.stringify(topology));
  const host = startBenchHost(dir, topologyPath, 'profile', 256);
  const browser = await launchChromium();
  try {
    const tokenUrl = await host.url;
    const page = await browser.newPage({ viewport: { width: 1280, height: Number(process.argv[3] ?? 900) } });
    await page.goto(`${tokenUrl}#/monitor`);
    await page.getByRole('main').waitFor({ timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    const api = await connectApi(tokenUrl);
    const ids = (await api.call('getInventory', {})).subsystems.map((s) => s.id);
    await createMany(api, ids, 256, 20 * GiB);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await cdp.send('Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const { profile } = await cdp.send('Profiler.stop');
    api.close();
    process.stdout.write(`${JSON.stringify({ seconds, ...summarise(profile) }, null, 1)}\n`);
  } finally {
    await browser.close();
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(Number(process.argv[2] ?? 4)).catch((error) => {
  process.stderr.write(`profile failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
