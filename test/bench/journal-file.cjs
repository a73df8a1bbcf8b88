// Writes an operation journal in the host's format (electron/host/journal.ts): one JSON line
// {v: 1, at, op} per state change, the whole Operation each time — queued, running, then its final state.
// A realistic mix: creations (singles and batches of 64) that succeeded with their LUN as result, some
// failed with an API error, extends and deletes on existing LUNs, a few canceled ones.
'use strict';
const fs = require('node:fs');

const SUBSYSTEM = '{6b0c1a2e-0000-4000-8000-000000000001}';
const GiB = 1024 ** 3;

const uuid = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

function lunOf(n, sizeBytes) {
  return {
    id: `{${uuid('1c0ffee0', n)}}`,
    subsystemId: SUBSYSTEM,
    name: `LUN ${n}`,
    identification: `naa.60000000000000000000${String(n).padStart(12, '0')}`,
    type: 'simple',
    sizeBytes,
    status: 'online',
    health: 'healthy',
    unmaskingList: '',
    driveIds: [`{${uuid('d0000000', n % 16)}}`],
  };
}

/** The three records of operation `n`, ending `at` ms after the epoch. */
function recordsOf(n, atMs) {
  const id = uuid('00000000', n);
  const queuedAt = new Date(atMs - 4000).toISOString();
  const startedAt = new Date(atMs - 3000).toISOString();
  const endedAt = new Date(atMs).toISOString();
  const sizeBytes = (1 + (n % 8)) * GiB;
  const kind = n % 10 === 7 ? 'extendLun' : n % 10 === 9 ? 'deleteLun' : 'createLun';
  const base = { id, subsystemId: SUBSYSTEM, percent: null, startedAt: null, endedAt: null };
  Object.assign(base, { bytesPerSecond: null, etaSeconds: null });
  if (n % 100 < 64) base.batchId = uuid('ba7c0000', Math.floor(n / 100));
  let op;
  if (kind === 'createLun')
    op = { ...base, kind, request: { subsystemId: SUBSYSTEM, type: 'simple', sizeBytes, unmaskingList: '' } };
  else {
    const target = { lunId: lunOf(n - 1, sizeBytes).id, name: `LUN ${n - 1}`, sizeBytes, unmaskingList: '' };
    const request =
      kind === 'extendLun'
        ? { subsystemId: SUBSYSTEM, lunId: target.lunId, bytesToAdd: GiB }
        : { subsystemId: SUBSYSTEM, lunId: target.lunId };
    op = { ...base, kind, target, request };
  }
  const running = { ...op, state: 'running', startedAt, percent: 0 };
  let final;
  if (n % 50 === 13)
    final = {
      ...running,
      state: 'failed',
      endedAt,
      error: {
        code: 'VDS_E_NOT_ENOUGH_SPACE',
        hresult: 0x80042415,
        message: 'There is not enough space on the chosen drives for a LUN of that size.',
        action: 'Choose a smaller size or more drives.',
      },
    };
  else if (n % 50 === 29) final = { ...running, state: 'canceled', endedAt };
  else
    final = {
      ...running,
      state: 'succeeded',
      percent: 100,
      endedAt,
      bytesPerSecond: sizeBytes / 3,
      etaSeconds: 0,
      result: lunOf(n, kind === 'extendLun' ? sizeBytes + GiB : sizeBytes),
    };
  return [
    { v: 1, at: queuedAt, op: { ...op, state: 'queued' } },
    { v: 1, at: startedAt, op: running },
    { v: 1, at: endedAt, op: final },
  ];
}

/** Writes `operations` operations (3 lines each), oldest first, ending now; returns the file's size. */
function writeJournal(file, operations) {
  const fd = fs.openSync(file, 'w');
  let size = 0;
  const end = Date.now() - 60_000;
  try {
    for (let n = 0; n < operations; n += 1000) {
      const lines = [];
      for (let k = n; k < Math.min(operations, n + 1000); k += 1)
        for (const record of recordsOf(k, end - (operations - k) * 5000)) lines.push(JSON.stringify(record));
      const text = `${lines.join('\n')}\n`;
      fs.writeSync(fd, text);
      size += Buffer.byteLength(text);
    }
  } finally {
    fs.closeSync(fd);
  }
  return size;
}

module.exports = { writeJournal };
