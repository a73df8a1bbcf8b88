// B5: `serve` starting on a 300 MiB journal (~265,000 operations of history, three lines each): the time
// until it prints its URL (journal read line by line and compacted), until its first API answer, and its
// resident memory then. Before line-by-line reading the host could not start at all past ~560 MiB.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const WebSocket = require('ws');
const { startServe, ROOT } = require('./serve-process.cjs');
const { round } = require('./stats.cjs');

const TARGET_BYTES = 300 * 1024 * 1024;

function writeJournal(file) {
  const fd = fs.openSync(file, 'w');
  let size = 0;
  let operations = 0;
  try {
    while (size < TARGET_BYTES) {
      const lines = [];
      for (let k = 0; k < 1000; k += 1, operations += 1) {
        const id = `00000000-0000-4000-8000-${String(operations).padStart(12, '0')}`;
        const op = {
          id,
          kind: 'createLun',
          subsystemId: '{6b0c1a2e-0000-4000-8000-000000000001}',
          request: {
            subsystemId: '{6b0c1a2e-0000-4000-8000-000000000001}',
            type: 'simple',
            sizeBytes: 1073741824,
          },
          percent: null,
          startedAt: null,
          endedAt: null,
          bytesPerSecond: null,
          etaSeconds: null,
        };
        const at = '2026-12-01T00:00:00.000Z';
        lines.push(JSON.stringify({ v: 1, at, op: { ...op, state: 'queued' } }));
        lines.push(JSON.stringify({ v: 1, at, op: { ...op, state: 'running', startedAt: at, percent: 0 } }));
        lines.push(
          JSON.stringify({
            v: 1,
            at,
            op: { ...op, state: 'succeeded', startedAt: at, endedAt: at, percent: 100 },
          }),
        );
      }
      const text = `${lines.join('\n')}\n`;
      fs.writeSync(fd, text);
      size += Buffer.byteLength(text);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { size, operations };
}

function rssMiB(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/^VmRSS:\s+(\d+) kB/m.exec(status)[1]) / 1024, 0);
}

async function runB5(dir) {
  const journal = path.join(dir, 'b5-journal.ndjson'); // where startServe(dir, …, 'b5') looks
  const { size, operations } = writeJournal(journal);
  const topology = path.join(ROOT, 'assets', 'sim', 'default-topology.json');
  const t0 = performance.now();
  const serve = startServe(dir, topology, 'b5');
  try {
    const url = new URL(await serve.url);
    const urlMs = performance.now() - t0;
    const token = url.hash.slice('#token='.length);
    const ws = new WebSocket(`ws://${url.host}/api`, ['lun-studio.v1', `lun-studio.token.${token}`], {
      headers: { Origin: url.origin },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const history = await new Promise((resolve, reject) => {
      ws.on('message', (data) => {
        const message = JSON.parse(String(data));
        if (message.id !== 'h') return;
        if (message.result.ok) resolve(message.result.value);
        else reject(new Error(message.result.error.message));
      });
      ws.send(JSON.stringify({ id: 'h', method: 'listOperations' }));
    });
    const answerMs = performance.now() - t0;
    const rss = process.platform === 'linux' ? rssMiB(serve.child.pid) : null;
    ws.close();
    const after = fs.statSync(journal).size;
    return {
      b5_journal_mib: round(size / 1024 / 1024, 0),
      b5_journal_operations: operations,
      b5_start_ms: round(urlMs, 0),
      b5_first_answer_ms: round(answerMs, 0),
      b5_history_kept: history.length,
      b5_rss_mib: rss,
      b5_journal_after_mib: round(after / 1024 / 1024, 1),
    };
  } finally {
    await serve.stop();
  }
}

module.exports = { runB5 };
