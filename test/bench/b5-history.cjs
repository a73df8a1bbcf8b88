// B5H: history of 100,000 operations in the journal (journal-file.cjs: the host's own line format, three
// state changes per operation).
//  - host start: spawn of `serve` on that journal → it prints its URL (it serves from then on) — the
//    journal is read, compacted and its kept operations loaded on the way; and → its first API answer
//    (listOperations, the monitor's call);
//  - monitor first page: Chromium (already running) is sent to the monitor → a MutationObserver installed
//    before the page's own scripts sees the first operation row in the DOM (wall clock on both sides).
'use strict';
/* global document, window, MutationObserver -- page code runs in Chromium */
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { startServe, ROOT } = require('./serve-process.cjs');
const { launchChromium } = require('./browser.cjs');
const { connectApi } = require('./ws-api.cjs');
const { writeJournal } = require('./journal-file.cjs');
const { median, round } = require('./stats.cjs');

const OPERATIONS = 100_000;
const TOPOLOGY = path.join(ROOT, 'assets', 'sim', 'default-topology.json');

function watchFirstRow() {
  const seen = () => {
    const rows = document.querySelectorAll('[data-testid="operation-row"]');
    if (rows.length === 0) return false;
    window.__firstRow = { wall: performance.timeOrigin + performance.now(), rows: rows.length };
    return true;
  };
  const observer = new MutationObserver(() => seen() && observer.disconnect());
  observer.observe(document, { subtree: true, childList: true });
}

async function firstPage(browser, tokenUrl) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(watchFirstRow);
  const t0 = Date.now();
  await page.goto(`${tokenUrl}#/monitor`);
  await page.waitForFunction(() => window.__firstRow !== undefined, null, { timeout: 60_000 });
  const first = await page.evaluate(() => window.__firstRow);
  await page.close();
  return { ms: first.wall - t0, rows: first.rows };
}

async function runB5h(dir, pageRuns = 5) {
  const journal = path.join(dir, 'b5h-journal.ndjson'); // where startServe(dir, …, 'b5h') looks
  const bytes = writeJournal(journal, OPERATIONS);
  const browser = await launchChromium();
  const t0 = performance.now();
  const serve = startServe(dir, TOPOLOGY, 'b5h');
  try {
    const tokenUrl = await serve.url;
    const startMs = performance.now() - t0;
    const api = await connectApi(tokenUrl);
    const history = await api.call('listOperations');
    const answerMs = performance.now() - t0;
    api.close();
    const pages = [];
    for (let i = 0; i < pageRuns; i += 1) pages.push(await firstPage(browser, tokenUrl));
    return {
      b5h_journal_operations: OPERATIONS,
      b5h_journal_mib: round(bytes / 1024 / 1024, 1),
      b5_history_start_ms: round(startMs, 0),
      b5h_first_answer_ms: round(answerMs, 0),
      b5h_history_kept: history.length,
      b5_monitor_first_page_ms: round(median(pages.map((p) => p.ms)), 0),
      b5h_monitor_first_page_ms_first: round(pages[0].ms, 0),
      b5h_monitor_first_rows: pages[0].rows,
      b5h_page_runs: pageRuns,
    };
  } finally {
    await browser.close();
    await serve.stop();
  }
}

module.exports = { runB5h };
