// Simulator topologies generated for the benchmarks (plain topology files: no ids, no LUNs).
'use strict';

const GiB = 1024 ** 3;

function drives(count, sizeBytes) {
  return Array.from({ length: count }, (_, i) => ({
    name: `Disk ${String(i).padStart(5, '0')}`,
    sizeBytes,
    bus: Math.floor(i / 256),
    slot: i % 256,
    status: i % 997 === 5 ? 'failed' : 'online',
    health: i % 997 === 5 ? 'failed' : 'healthy',
    hotSpare: i % 331 === 7,
  }));
}

function subsystem(name, driveCount, options = {}) {
  return {
    name,
    supportedTypes: ['simple', 'span', 'stripe', 'mirror', 'parity'],
    stripeSizes: [65536, 131072, 1048576],
    initRateBytesPerSec: options.initRateBytesPerSec ?? 10 * GiB,
    maskingCapable: true,
    drives: drives(driveCount, options.driveSizeBytes ?? 4 * 1024 * GiB),
    faults: [],
  };
}

/** B1: `subsystemCount` × `drivesPerSubsystem` drives. */
function gridTopology(subsystemCount, drivesPerSubsystem) {
  return {
    subsystems: Array.from({ length: subsystemCount }, (_, i) =>
      subsystem(`Array ${String(i).padStart(2, '0')}`, drivesPerSubsystem),
    ),
  };
}

module.exports = { GiB, drives, subsystem, gridTopology };
