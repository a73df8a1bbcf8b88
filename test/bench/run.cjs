#!/usr/bin/env node
// `npm run bench [-- --json] [--only b1,b2] [--no-build]`: the LUN Studio benchmarks
// (docs/PERFORMANCE.md). Builds first (tsc → dist, electron-vite → out/renderer; their output goes to
// stderr), then prints a table (goal, figure, met?) or, with --json, one JSON object on stdout.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runB1 } = require('./b1-enumerate.cjs');
const { runB2 } = require('./b2-progress.cjs');
const { runB3 } = require('./b3-drive-table.cjs');
const { runB4 } = require('./b4-startup.cjs');
const { runB5 } = require('./b5-journal.cjs');
const { runB2e } = require('./b2-e2e.cjs');
const { runB5h } = require('./b5-history.cjs');
const { runB6 } = require('./b6-rss.cjs');
const { runB7 } = require('./b7-capacity-map.cjs');
const { machine } = require('./stats.cjs');

const BENCHES = { b1: runB1, b2: runB2, b3: runB3, b4: runB4, b5: runB5 };
Object.assign(BENCHES, { b2e: runB2e, b5h: runB5h, b6: runB6, b7: runB7 });

/** [key, goal text, met(value, result)] for the table: the goals of issue 17, then older figures. */
const GOALS = [
  ['b1_enum_ratio', '≤ 1.2', (v) => v <= 1.2],
  ['b1_facade_ratio', '≤ 1.5', (v) => v <= 1.5],
  ['b2_cpu_running_pct', '≤ 1.0', (v) => v <= 1.0],
  ['b2_cpu_pct', '≤ 3.0', (v) => v <= 3.0],
  ['b2_on_time_pct', '≥ 99', (v) => v >= 99],
  ['b2_e2e_lag_ms_p99', '≤ poll+100', (v, r) => v <= r.b2e_poll_ms + 100],
  ['b2_renderer_busy_pct', '≤ 25', (v) => v <= 25],
  ['b3_inventory_load_ms', '≤ 400', (v) => v <= 400],
  ['b3_frame_ms_p95', '≤ 16', (v) => v <= 16],
  ['b4_start_ms', '≤ 800', (v) => v <= 800],
  ['b4_initial_gzip_kb', '≤ 130', (v) => v <= 130],
  ['b4_bundle_gzip_kb', '≤ 300', (v) => v <= 300],
  ['b5_history_start_ms', '≤ 1500', (v) => v <= 1500],
  ['b5_monitor_first_page_ms', '≤ 200', (v) => v <= 200],
  ['b6_rss_mb_1024_ops', '≤ 250', (v) => v <= 250],
  ['b1_enum_ms', '', null],
  ['b2_ops', '256', (v) => v === 256],
  ['b3_first_render_ms', '≤ 150', (v) => v <= 150],
  ['b3_frame_ms_p50', '≤ 16', (v) => v <= 16],
  ['b5_start_ms', '≤ 10000', (v) => v <= 10000],
  ['b5_rss_mib', '≤ 300', (v) => v === null || v <= 300],
  ['b7_capacity_map_render_ms', '', null],
  ['b7_capacity_map_frame_ms_p95', '', null],
];

const ROOT = path.resolve(__dirname, '..', '..');

function build() {
  for (const args of [
    ['tsc', '-p', 'tsconfig.node.json'],
    ['electron-vite', 'build'],
  ]) {
    const run = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
    if (run.status !== 0) throw new Error(`npx ${args.join(' ')} failed (exit ${run.status})`);
  }
}

function parseArgs(argv) {
  const json = argv.includes('--json');
  const noBuild = argv.includes('--no-build');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 ? argv[onlyAt + 1].split(',') : Object.keys(BENCHES);
  for (const name of only)
    if (!BENCHES[name]) throw new Error(`unknown benchmark "${name}" (${Object.keys(BENCHES).join(', ')})`);
  return { json, only, noBuild };
}

function printTable(result) {
  const log = (line) => process.stdout.write(`${line}\n`);
  const m = result.machine;
  log(`LUN Studio benchmarks — ${m.cpu}, ${m.cores} cores, ${m.memGiB} GiB, Node ${m.node}`);
  log(`load average before: ${m.loadavg.join(' ')}   after: ${result.loadavg_after.join(' ')}`);
  log('');
  log(`${'figure'.padEnd(24)} ${'value'.padStart(10)}  ${'goal'.padEnd(10)} met`);
  const shown = new Set();
  for (const [key, goal, met] of GOALS) {
    if (!(key in result)) {
      if (met) log(`${key.padEnd(24)} ${'—'.padStart(10)}  ${goal.padEnd(10)} not run`);
      continue;
    }
    shown.add(key);
    const value = result[key];
    const verdict = met ? (value !== null && met(value, result) ? 'yes' : 'NO') : '';
    log(`${key.padEnd(24)} ${String(value).padStart(10)}  ${goal.padEnd(10)} ${verdict}`);
  }
  log('');
  for (const [key, value] of Object.entries(result)) {
    if (shown.has(key) || key === 'machine' || key === 'loadavg_after') continue;
    log(`${key.padEnd(24)} ${String(value).padStart(10)}`);
  }
}

async function main() {
  const { json, only, noBuild } = parseArgs(process.argv.slice(2));
  if (!noBuild) build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-bench-'));
  const result = { machine: machine() };
  try {
    for (const name of only) {
      if (!json) process.stderr.write(`running ${name}…\n`);
      Object.assign(result, await BENCHES[name](dir));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  result.loadavg_after = os.loadavg().map((l) => Number(l.toFixed(2)));
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else printTable(result);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
