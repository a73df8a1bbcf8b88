// B7: the capacity map of a subsystem of 512 drives holding 4,096 extents (LUN extents and free gaps), in the
// real renderer (out/renderer served by the browser shell) in Chromium.
//  - first render: click on the subsystem's card → the frame that shows the map's bars (this includes the
//    listExtents round trip to the host);
//  - frame time while scrolling the map and while moving the focus through it with the arrow keys: per step
//    the main-thread work it causes (event → React render → style + layout) plus the next frame's rendering
//    work, measured as in B3.
'use strict';
/* global document, requestAnimationFrame, KeyboardEvent -- page.evaluate code runs in Chromium */
const fs = require('node:fs');
const path = require('node:path');
const { subsystem } = require('./topology.cjs');
const { startServe, ROOT } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { median, quantile, round } = require('./stats.cjs');

const DRIVES = 512;
const EXTENTS = 4096;
const GiB = 1024 ** 3;
const PER_GROUP = 16; // stripe LUNs over 16 drives: 224 LUNs
const LUNS_PER_DRIVE = 7; // + one free gap = 8 extents per drive

/** A state file: the topology with ids, and stripe LUNs over groups of PER_GROUP drives so that listExtents gives
 * EXTENTS extents in all (LUNS_PER_DRIVE LUN extents and one free gap on each drive; spares hold none). */
function mapState() {
  const { topologySchema } = require(path.join(ROOT, 'dist/native/lib/sim-schema.js'));
  const { simStateFromTopology, newVdsId } = require(path.join(ROOT, 'dist/native/lib/sim-state.js'));
  const map = subsystem('Map Array', DRIVES, { driveSizeBytes: 1024 * GiB });
  // every drive online and in use (failed ones are marked after the LUNs are laid out)
  map.drives = map.drives.map((d) => ({ ...d, status: 'online', health: 'healthy', hotSpare: false }));
  const state = simStateFromTopology(
    topologySchema.parse({ subsystems: [subsystem('Small Array', 8), map] }),
  );
  const sub = state.subsystems[1];
  const offsets = new Map(sub.drives.map((d) => [d.id, 0]));
  let n = 0;
  for (let g = 0; g + PER_GROUP <= sub.drives.length; g += PER_GROUP) {
    const members = sub.drives.slice(g, g + PER_GROUP);
    for (let k = 0; k < LUNS_PER_DRIVE; k += 1) {
      const perDrive = ((n % 5) + 1) * 16 * GiB;
      n += 1;
      sub.luns.push({
        id: newVdsId(),
        name: `LUN ${String(n).padStart(4, '0')}`,
        type: 'stripe',
        sizeBytes: perDrive * PER_GROUP,
        stripeSizeBytes: 65536,
        unmaskingList: '',
        extents: members.map((d) => {
          const offsetBytes = offsets.get(d.id);
          offsets.set(d.id, offsetBytes + perDrive);
          return { driveId: d.id, offsetBytes, lengthBytes: perDrive };
        }),
      });
    }
  }
  // two failed drives, marked on the map
  for (const i of [5, 300]) Object.assign(sub.drives[i], { status: 'failed', health: 'failed' });
  const extents = sub.luns.length * PER_GROUP + sub.drives.length;
  if (extents !== EXTENTS) throw new Error(`B7: the state has ${extents} extents, not ${EXTENTS}`);
  return state;
}

// Runs in the page. Helpers are defined inline: page.evaluate ships the function's source only.
async function measureInPage({ drives, steps }) {
  const nextPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const start = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(0);
      }),
    );
  const microtasks = async () => {
    for (let i = 0; i < 4; i += 1) await Promise.resolve();
  };
  const grid = () => document.querySelector('[data-testid="capacity-grid"]');
  const card = [...document.querySelectorAll('[data-testid="subsystem-card"]')].find((b) =>
    b.textContent.includes('Map Array'),
  );
  if (!card) throw new Error('no "Map Array" card');
  await nextPaint();
  const t0 = performance.now();
  card.click();
  // the map is drawn once listExtents answered: wait for its rows, then for the frame that shows them
  for (;;) {
    const g = grid();
    if (g && Number(g.getAttribute('aria-rowcount')) === drives && g.querySelector('[role="gridcell"]'))
      break;
    if (performance.now() - t0 > 30_000) throw new Error('the capacity map did not appear within 30 s');
    await new Promise((r) => setTimeout(r, 0));
  }
  const firstRender = performance.now() - t0 + (await nextPaint());
  const cellsInDom = document.querySelectorAll('[data-testid="capacity-grid"] [role="gridcell"]').length;
  const rowsInDom = document.querySelectorAll('[data-testid="capacity-row"]').length;

  const scroller = document.querySelector('[data-testid="capacity-scroller"]');
  const scrollFrames = [];
  const step = Math.floor((scroller.scrollHeight - scroller.clientHeight) / steps);
  for (let i = 1; i <= steps; i += 1) {
    await nextPaint();
    const s0 = performance.now();
    scroller.scrollTop = i * step;
    scroller.dispatchEvent(new Event('scroll'));
    await microtasks();
    void scroller.firstElementChild.getBoundingClientRect().height;
    scrollFrames.push(performance.now() - s0 + (await nextPaint()));
  }
  const lastRow = Number(
    [...document.querySelectorAll('[data-testid="capacity-row"]')].pop()?.getAttribute('aria-rowindex'),
  );

  scroller.scrollTop = 0;
  scroller.dispatchEvent(new Event('scroll'));
  await nextPaint();
  await nextPaint();
  const first = document.querySelector('[data-testid="capacity-grid"] [role="gridcell"][tabindex="0"]');
  first.focus();
  const focusFrames = [];
  for (let i = 0; i < steps; i += 1) {
    await nextPaint();
    const f0 = performance.now();
    const key = i % 4 === 3 ? 'ArrowRight' : 'ArrowDown';
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await microtasks();
    void scroller.firstElementChild.getBoundingClientRect().height;
    focusFrames.push(performance.now() - f0 + (await nextPaint()));
  }
  await nextPaint();
  const focusedCell = document.activeElement?.getAttribute('data-cell') ?? '';
  const focusedName = document.activeElement?.getAttribute('aria-label') ?? '';
  return { firstRender, cellsInDom, rowsInDom, scrollFrames, lastRow, focusFrames, focusedCell, focusedName };
}

async function runB7(dir) {
  const statePath = path.join(dir, 'b7-state.json');
  fs.writeFileSync(statePath, JSON.stringify(mapState()));
  const topologyPath = path.join(dir, 'b7-unused-topology.json');
  fs.writeFileSync(topologyPath, JSON.stringify({ subsystems: [subsystem('Unused', 1)] }));
  const serve = startServe(dir, topologyPath, 'b7', { statePath });
  const browser = await launchChromium();
  try {
    const tokenUrl = await serve.url;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${tokenUrl}#/inventory`);
    await page.getByTestId('subsystem-card').nth(1).waitFor({ timeout: 120_000 });
    await page.getByTestId('capacity-row').first().waitFor({ timeout: 120_000 });
    const r = await page.evaluate(measureInPage, { drives: DRIVES, steps: 60 });
    if (r.rowsInDom === 0 || r.rowsInDom > 60)
      throw new Error(`B7: ${r.rowsInDom} drive rows in the DOM: the map is not virtualised as expected`);
    if (r.lastRow < DRIVES - 2) throw new Error(`B7: scrolling ended at drive row ${r.lastRow}`);
    const [focusedRow] = r.focusedCell.split(':').map(Number);
    if (!(focusedRow >= 40))
      throw new Error(`B7: the focus ended on cell ${r.focusedCell}, not ~45 rows down`);
    if (!/^LUN \d{4} /.test(r.focusedName) && !/^Free/.test(r.focusedName))
      throw new Error(`B7: the focused extent is named "${r.focusedName}"`);
    const frames = [...r.scrollFrames, ...r.focusFrames];
    return {
      b7_drives: DRIVES,
      b7_extents: EXTENTS,
      b7_capacity_map_render_ms: round(r.firstRender),
      b7_capacity_map_frame_ms_p50: round(median(frames)),
      b7_capacity_map_frame_ms_p95: round(quantile(frames, 0.95)),
      b7_scroll_frame_ms_p95: round(quantile(r.scrollFrames, 0.95)),
      b7_focus_frame_ms_p95: round(quantile(r.focusFrames, 0.95)),
      b7_cells_in_dom: r.cellsInDom,
      b7_frames: frames.length,
    };
  } finally {
    await browser.close();
    await serve.stop();
  }
}

module.exports = { runB7 };
