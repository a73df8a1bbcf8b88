// Small statistics and environment helpers for the benchmarks.
'use strict';
const os = require('node:os');

function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

const median = (values) => quantile(values, 0.5);
const round = (value, digits = 2) => Number(value.toFixed(digits));

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memGiB: round(os.totalmem() / 1024 ** 3, 1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadavg: os.loadavg().map((l) => round(l, 2)),
  };
}

module.exports = { quantile, median, round, machine };
