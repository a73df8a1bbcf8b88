// B1: list every drive of a 64 × 512 simulated topology through the addon (listAllDrives: one call, every
// subsystem), against JSON.parse of a JSON text holding the same records (the floor). Same process, runs
// interleaved, median of runs.
// b1_facade_ratio: listAllDrives through the facade (what every shell's inventory calls) ÷ the same JSON.parse.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { loadAddon, openProvider } = require('../../dist/native/lib/index.js');
const { gridTopology } = require('./topology.cjs');
const { median, round } = require('./stats.cjs');

const SUBSYSTEMS = 64;
const DRIVES_PER_SUBSYSTEM = 512;

async function listAll(provider) {
  const lists = Object.values(await provider.listAllDrives());
  return lists.reduce((n, list) => n + list.length, 0);
}

async function runB1(dir, runs = 15) {
  const topologyPath = path.join(dir, 'b1-topology.json');
  const statePath = path.join(dir, 'b1-state.json');
  fs.writeFileSync(topologyPath, JSON.stringify(gridTopology(SUBSYSTEMS, DRIVES_PER_SUBSYSTEM)));
  // The facade writes the state file (ids assigned); the raw addon is then opened on that state.
  const facade = await openProvider({
    provider: 'sim',
    simStatePath: statePath,
    simTopologyPath: topologyPath,
  });
  const state = JSON.parse(fs.readFileSync(statePath, 'utf8'));
  const raw = await loadAddon().openProvider('sim', state, 250);
  const ids = (await raw.listSubsystems()).map((s) => s.id);

  const records = (await Promise.all(ids.map((id) => raw.listDrives(id)))).flat();
  const expected = SUBSYSTEMS * DRIVES_PER_SUBSYSTEM;
  if (records.length !== expected)
    throw new Error(`B1: listed ${records.length} drives, expected ${expected}`);
  const text = JSON.stringify(records);
  const all = await facade.listAllDrives();
  if (JSON.stringify(ids.flatMap((id) => all[id])) !== text)
    throw new Error('B1: listAllDrives does not give the records listDrives gives');

  const addonMs = [];
  const facadeMs = [];
  const jsonMs = [];
  for (let i = 0; i < runs + 2; i += 1) {
    let t = performance.now();
    const n = await listAll(raw);
    const a = performance.now() - t;
    t = performance.now();
    const m = await listAll(facade);
    const f = performance.now() - t;
    t = performance.now();
    const parsed = JSON.parse(text);
    const j = performance.now() - t;
    if (n !== expected || m !== expected || parsed.length !== expected)
      throw new Error('B1: drive count changed');
    if (i < 2) continue; // warm-up
    addonMs.push(a);
    facadeMs.push(f);
    jsonMs.push(j);
  }
  raw.close();
  await facade.close();
  return {
    b1_drives: expected,
    b1_json_bytes: text.length,
    b1_enum_ms: round(median(addonMs)),
    b1_json_ms: round(median(jsonMs)),
    b1_enum_ratio: round(median(addonMs) / median(jsonMs)),
    b1_facade_ms: round(median(facadeMs)),
    b1_facade_ratio: round(median(facadeMs) / median(jsonMs)),
    b1_runs: runs,
  };
}

module.exports = { runB1 };
