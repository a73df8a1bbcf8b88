// B4: browser shell process start → the Create LUN wizard is interactive (its first subsystem choice is
// enabled), measured from Node: spawn of `node dist/electron/host/web/serve.js` (Chromium already running)
// to Playwright seeing the enabled radio. Also the renderer's JavaScript size, gzipped (level 9): all of
// out/renderer/assets (b4_bundle_gzip_kb) and the initial load, index.html's entry + preloaded chunks.
'use strict';
/* global document -- page code runs in Chromium */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { performance } = require('node:perf_hooks');
const { startServe, ROOT } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { median, round } = require('./stats.cjs');

const DEFAULT_TOPOLOGY = path.join(ROOT, 'assets/sim/default-topology.json');

const gzipBytes = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** What index.html makes the browser load before anything else: its module entry script(s) and the
 * chunks it preloads (electron-vite's output), gzipped. */
function initialJsGzipKb() {
  const renderer = path.join(ROOT, 'out/renderer');
  const html = fs.readFileSync(path.join(renderer, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]);
  if (refs.length === 0) throw new Error('B4: index.html loads no module script');
  const bytes = refs.reduce((sum, ref) => sum + gzipBytes(path.join(renderer, ref)), 0);
  return { kb: round(bytes / 1024, 1), files: refs.length };
}

function rendererJsGzipKb() {
  const assets = path.join(ROOT, 'out/renderer/assets');
  const files = fs.readdirSync(assets).filter((f) => /\.m?js$/.test(f));
  if (files.length === 0)
    throw new Error('B4: no JavaScript in out/renderer/assets (run electron-vite build)');
  const bytes = files.reduce(
    (sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length,
    0,
  );
  return { kb: round(bytes / 1024, 1), files: files.length };
}

async function startOnce(browser, dir, run) {
  const t0 = performance.now();
  const serve = startServe(dir, DEFAULT_TOPOLOGY, `b4-${run}`);
  try {
    const tokenUrl = await serve.url;
    const urlMs = performance.now() - t0;
    const page = await browser.newPage();
    await page.goto(`${tokenUrl}#/create`);
    const radio = page.getByRole('radio').first();
    await radio.waitFor({ state: 'visible', timeout: 60_000 });
    await page.waitForFunction(
      () => {
        const r = document.querySelector('input[type="radio"]');
        return r !== null && !r.disabled;
      },
      null,
      { polling: 'raf', timeout: 60_000 },
    );
    const interactiveMs = performance.now() - t0;
    // Where the page's part went (page clock: 0 = navigation start, after the token redirect's request).
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { domContentLoaded: nav.domContentLoadedEventEnd, now: performance.now() };
    });
    await radio.check(); // it really is interactive
    await page.close();
    return { urlMs, interactiveMs, dclMs: timing.domContentLoaded, pageMs: timing.now };
  } finally {
    await serve.stop();
  }
}

async function runB4(dir, runs = 5) {
  const browser = await launchChromium();
  try {
    await startOnce(browser, dir, 'warm-up');
    const samples = [];
    for (let i = 0; i < runs; i += 1) samples.push(await startOnce(browser, dir, i));
    const bundle = rendererJsGzipKb();
    const initial = initialJsGzipKb();
    return {
      b4_start_ms: round(median(samples.map((s) => s.interactiveMs)), 0),
      b4_url_printed_ms: round(median(samples.map((s) => s.urlMs)), 0),
      b4_page_dom_content_loaded_ms: round(median(samples.map((s) => s.dclMs)), 0),
      b4_page_interactive_ms: round(median(samples.map((s) => s.pageMs)), 0),
      b4_runs: runs,
      b4_bundle_gzip_kb: bundle.kb,
      b4_bundle_files: bundle.files,
      b4_initial_gzip_kb: initial.kb,
      b4_initial_files: initial.files,
    };
  } finally {
    await browser.close();
  }
}

module.exports = { runB4 };
