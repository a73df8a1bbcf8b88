// B3: the real renderer (out/renderer served by the browser shell) showing a subsystem of 32,768 drives
// in Chromium.
//  - first render: click on the subsystem's card (inventory summary already shown) → the frame that shows
//    the table of 32,768 drives is painted. Since the inventory carries no drive lists, this includes
//    reading that subsystem's drives (listDrives over the WebSocket) and rendering them;
//  - frame time while scrolling and filtering: per step, the main-thread work it causes — the synchronous
//    part (scroll/input event → React render → style + layout) plus the next frame's rendering work
//    (requestAnimationFrame → the task after paint). Frame pacing (vsync, 16.7 ms) is not part of it.
'use strict';
/* global document, requestAnimationFrame, HTMLInputElement -- page.evaluate code runs in Chromium */
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { subsystem } = require('./topology.cjs');
const { startServe } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { median, quantile, round } = require('./stats.cjs');

const BIG = 32768;
const FILTERS = ['D', 'Di', 'Dis', 'Disk', 'Disk ', 'Disk 0', 'Disk 01', 'Disk 012', 'Disk 0123'];

// Runs in the page. Helpers are defined inline: page.evaluate ships the function's source only.
async function measureInPage({ big, filters, scrollSteps }) {
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
  const table = () => document.querySelector('[role="table"][aria-rowcount]');
  const rowCount = () => Number(table()?.getAttribute('aria-rowcount') ?? 0) - 1;

  const card = [...document.querySelectorAll('[data-testid="subsystem-card"]')].find((b) =>
    b.textContent.includes('Big Array'),
  );
  if (!card) throw new Error('no "Big Array" card');
  await nextPaint();
  let t0 = performance.now();
  card.click();
  await microtasks();
  // The drives are read on demand now: wait (frame by frame) for the table to show all of them.
  while (rowCount() !== big) {
    if (performance.now() - t0 > 60_000)
      throw new Error(`60 s after the click the table shows ${rowCount()} drives, not ${big}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  const firstRender = performance.now() - t0 + (await nextPaint());
  const visibleRows = document.querySelectorAll('[data-testid="drive-row"]').length;

  const scroller = document.querySelector('[data-testid="drives-scroller"]');
  const scrollFrames = [];
  const scrollSync = [];
  const step = Math.floor((scroller.scrollHeight - scroller.clientHeight) / scrollSteps);
  let renderedInStep = 0;
  let firstBefore = document.querySelector('[data-testid="drive-row"]')?.getAttribute('aria-rowindex');
  for (let i = 1; i <= scrollSteps; i += 1) {
    await nextPaint();
    t0 = performance.now();
    scroller.scrollTop = i * step;
    scroller.dispatchEvent(new Event('scroll'));
    await microtasks();
    void scroller.firstElementChild.getBoundingClientRect().height; // style + layout now
    const sync = performance.now() - t0;
    const first = document.querySelector('[data-testid="drive-row"]')?.getAttribute('aria-rowindex');
    if (first !== firstBefore) renderedInStep += 1; // React rendered within the measured part
    firstBefore = first;
    scrollSync.push(sync);
    scrollFrames.push(sync + (await nextPaint()));
  }
  const lastRow = [...document.querySelectorAll('[data-testid="drive-row"]')]
    .pop()
    ?.getAttribute('aria-rowindex');

  const input = document.querySelector('input[type="search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const filterFrames = [];
  const filterSync = [];
  const shown = [];
  const sequence = [...filters, ...filters.slice(0, -1).reverse(), ''];
  for (const value of sequence) {
    await nextPaint();
    t0 = performance.now();
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await microtasks();
    void table().getBoundingClientRect().height;
    const sync = performance.now() - t0;
    filterSync.push(sync);
    filterFrames.push(sync + (await nextPaint()));
    shown.push(rowCount());
  }
  return {
    firstRender,
    visibleRows,
    scrollFrames,
    scrollSync,
    renderedInStep,
    lastRow,
    filterFrames,
    filterSync,
    shown,
  };
}

async function runB3(dir) {
  const topologyPath = path.join(dir, 'b3-topology.json');
  const topology = { subsystems: [subsystem('Small Array', 8), subsystem('Big Array', BIG)] };
  fs.writeFileSync(topologyPath, JSON.stringify(topology));
  const serve = startServe(dir, topologyPath, 'b3');
  const browser = await launchChromium();
  try {
    const tokenUrl = await serve.url;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const t0 = performance.now();
    await page.goto(`${tokenUrl}#/inventory`);
    await page.getByTestId('subsystem-card').nth(1).waitFor({ timeout: 120_000 });
    await page.getByTestId('drive-row').first().waitFor({ timeout: 120_000 });
    const inventoryLoadMs = performance.now() - t0;
    const result = await page.evaluate(measureInPage, { big: BIG, filters: FILTERS, scrollSteps: 60 });
    if (result.visibleRows === 0 || result.visibleRows > 200)
      throw new Error(`B3: ${result.visibleRows} rows in the DOM: the table is not virtualised as expected`);
    if (Number(result.lastRow) < BIG - 100) throw new Error(`B3: scrolling ended at row ${result.lastRow}`);
    if (result.renderedInStep < result.scrollFrames.length)
      throw new Error(
        `B3: only ${result.renderedInStep} of ${result.scrollFrames.length} scroll steps rendered synchronously: ` +
          'the measurement would miss the render',
      );
    const narrowest = result.shown[FILTERS.length - 1];
    if (!(narrowest > 0 && narrowest < 100))
      throw new Error(`B3: "${FILTERS.at(-1)}" showed ${narrowest} drives`);
    if (result.shown[result.shown.length - 1] !== BIG || result.shown.some((n) => n > BIG))
      throw new Error(`B3: filter counts ${result.shown.join(',')}`);
    const frames = [...result.scrollFrames, ...result.filterFrames];
    return {
      b3_drives: BIG,
      b3_first_render_ms: round(result.firstRender),
      b3_frame_ms_p50: round(median(frames)),
      b3_frame_ms_p95: round(quantile(frames, 0.95)),
      b3_scroll_frame_ms_p50: round(median(result.scrollFrames)),
      b3_scroll_script_ms_p50: round(median(result.scrollSync)),
      b3_filter_frame_ms_p50: round(median(result.filterFrames)),
      b3_filter_frame_ms_max: round(quantile(result.filterFrames, 1)),
      b3_filter_script_ms_p50: round(median(result.filterSync)),
      b3_frames: frames.length,
      b3_inventory_load_ms: round(inventoryLoadMs, 0),
    };
  } finally {
    await browser.close();
    await serve.stop();
  }
}

module.exports = { runB3 };
