// Runs under Windows node.exe (Wine): the shared provider cases, the LUN lifecycle cases (extend, shrink,
// set-mask, delete: lifecycle-cases.cjs) and the drive and repair cases (identify, hot spare, replace,
// recover, extents, identification data: repair-cases.cjs, and through the StorageProvider facade:
// facade-repair-cases.cjs) against the `vds` provider, reached through the product's unchanged
// CoCreateInstance(CLSID_VdsLoader, LOCAL_SERVER); then the service-level cases only VDS has
// (access denied, never ready, no IVdsSubSystem2, not registered) and the check that every COM object handed out
// was released. Three modes:
//   in-process     the test VDS service is loaded into this process (the fast leg; no marshaling)
//   cross-process  the test VDS service runs in its own node.exe (service-host.cjs); every call crosses the
//                  process boundary through the proxies of lun_vds_ps.dll. Adds the cases only this leg can
//                  show (a stalled QueryStatus, the service killed mid-session) and counts round trips.
//   boundary       the same, run while lun_vds_ps.dll is NOT registered: CoCreateInstance must fail
//   node.exe --expose-gc run-windows-suite.cjs --mode=<mode> <lun_studio.node> <test_vds_service.node> <log dir>
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const args = process.argv.slice(2);
const mode = (args[0] || '').startsWith('--mode=') ? args.shift().slice('--mode='.length) : 'in-process';
const [addonPath, servicePath, logDir] = args.map((p) => path.resolve(p));
const addon = require(addonPath);
const serviceClient = require('./service-client.cjs');
const shared = require('../native/shared-cases.cjs');
const lifecycle = require('./lifecycle-cases.cjs');
const repair = require('./repair-cases.cjs');
const facadeRepair = require('./facade-repair-cases.cjs');
// The product's StorageProvider facade as tsc compiled it (scripts/windows/test-windows.sh builds dist/).
const { openProviderWithAddon } = require(
  path.join(__dirname, '..', '..', 'dist', 'native', 'lib', 'provider.js'),
);
const { topology, inventory, startCreate, rejection, assertError, HR, GiB, POLL_MS } = shared;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(condition, what, timeoutMs = 10_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function cancelAndSettle(op) {
  await op.cancel();
  assertError(await rejection(op.done), 'VDS_E_OPERATION_CANCELED', HR.CANCELED);
}

const hostScript = path.join(__dirname, 'service-host.cjs');
let service; // the test VDS service: in this process, or a client of the other one

function openVds(state, knobs = {}, config = {}) {
  return service.configure(state, knobs).then(() => addon.openProvider('vds', config, POLL_MS));
}

/** A facade case gets the StorageProvider over the `vds` provider, and the test VDS service. */
async function runFacadeCase(testCase) {
  await service.configure(testCase.state ?? topology(), testCase.knobs ?? {});
  const facade = await openProviderWithAddon(addon, { provider: 'vds', pollIntervalMs: POLL_MS });
  try {
    await testCase.run(facade, service);
  } finally {
    await facade.close();
  }
}

/** A repair case gets the provider and the test VDS service (to break a drive, to read the array). */
async function runRepairCase(testCase) {
  const provider = await openVds(testCase.state ?? topology(), testCase.knobs ?? {});
  try {
    await testCase.run(provider, service);
  } finally {
    provider.close();
  }
}

const vdsOnlyCases = [
  {
    name: 'access denied at LoadService -> E_ACCESSDENIED, "run as administrator"',
    async run() {
      const error = await rejection(openVds(topology(), { accessDenied: true }));
      assertError(error, 'E_ACCESSDENIED', 0x80070005);
      assert.match(error.message, /run LUN Studio as administrator/);
    },
  },
  {
    name: 'VDS_E_ACCESS_DENIED at LoadService -> VDS_E_ACCESS_DENIED, "run as administrator"',
    async run() {
      const error = await rejection(openVds(topology(), { accessDenied: 0x80042427 }));
      assertError(error, 'VDS_E_ACCESS_DENIED', 0x80042427);
      assert.match(error.message, /run LUN Studio as administrator/);
    },
  },
  {
    name: 'service initialisation failed (IsServiceReady: VDS_E_INITIALIZED_FAILED) -> explained',
    async run() {
      const error = await rejection(openVds(topology(), { notReady: true }));
      assertError(error, 'VDS_E_INITIALIZED_FAILED', 0x80042401);
      assert.match(error.message, /did not become ready/);
    },
  },
  {
    name: 'a provider that never finishes loading -> the wait for ready is bounded (readyTimeoutMs), explained',
    async run() {
      const start = Date.now();
      const error = await rejection(openVds(topology(), { loadingForever: true }, { readyTimeoutMs: 1500 }));
      const tookMs = Date.now() - start;
      assertError(error, 'HRESULT_FROM_WIN32(ERROR_TIMEOUT)', 0x800705b4);
      assert.match(error.message, /did not become ready within 1\.5 s/);
      assert.ok(tookMs >= 1400 && tookMs < 10_000, `gave up after ${tookMs} ms`);
    },
  },
  {
    name: 'a drive id that is not a VDS GUID -> E_INVALIDARG naming driveIds[1], nothing created',
    async run() {
      const provider = await openVds(topology());
      try {
        const { subsystem, drive } = await inventory(provider);
        const error = await rejection(
          startCreate(provider, {
            subsystemId: subsystem.id,
            type: 'span',
            driveIds: [drive('Bay 1').id, 'Bay 2'],
            sizeBytes: GiB,
          }),
        );
        assertError(error, 'E_INVALIDARG', 0x80070057);
        assert.equal(error.field, 'driveIds[1]');
        assert.match(error.message, /driveIds\[1\]: must be a VDS drive id/);
        assert.equal((await provider.listLuns(subsystem.id)).length, 1);
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'a stripe size for a specific LUN type -> E_INVALIDARG naming hints.stripeSizeBytes, for the largest size and the creation alike',
    async run() {
      const provider = await openVds(topology());
      try {
        const { subsystem, drive } = await inventory(provider);
        const error = await rejection(
          startCreate(provider, {
            subsystemId: subsystem.id,
            type: 'stripe',
            driveIds: [drive('Bay 1').id, drive('Bay 2').id],
            sizeBytes: GiB,
            hints: { stripeSizeBytes: 65536 },
          }),
        );
        assertError(error, 'E_INVALIDARG', 0x80070057);
        assert.equal(error.field, 'hints.stripeSizeBytes');
        assert.match(error.message, /only when the subsystem chooses the LUN type/);
        assert.equal((await provider.listLuns(subsystem.id)).length, 1);
        // The same rule for the largest size: it would otherwise answer for a LUN the creation cannot make.
        const maxError = await rejection(
          provider.maxLunSize({
            subsystemId: subsystem.id,
            type: 'stripe',
            driveIds: [drive('Bay 1').id, drive('Bay 2').id],
            hints: { stripeSizeBytes: 65536 },
          }),
        );
        assertError(maxError, 'E_INVALIDARG', 0x80070057);
        assert.equal(maxError.field, 'hints.stripeSizeBytes');
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'a cached subsystem VDS no longer knows (VDS_E_OBJECT_DELETED) is looked up again, once: reads and creation work',
    async run() {
      const provider = await openVds(topology());
      try {
        const { subsystem, drive } = await inventory(provider); // the subsystem's handle is cached now
        await service.expireSubsystems();
        const max = await provider.maxLunSize({
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 2').id],
          hints: {},
        });
        assert.ok(max > 9 * GiB, `simple max ${max}`);
        await service.expireSubsystems();
        const { op } = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 2').id],
          sizeBytes: GiB,
        });
        assert.equal((await op.done).name.length > 0, true);
        assert.equal((await provider.listLuns(subsystem.id)).length, 2);
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'a provider without IVdsSubSystem2: enumerates and creates through IVdsSubSystem',
    async run() {
      const provider = await openVds(topology(), { noSubsystem2: true });
      try {
        const { subsystem, drive } = await inventory(provider);
        assert.equal(subsystem.driveCount, 4);
        const max = await provider.maxLunSize({
          subsystemId: subsystem.id,
          type: 'span',
          driveIds: [drive('Bay 1').id, drive('Bay 2').id],
          hints: {},
        });
        assert.ok(max > 19 * GiB && max <= 20 * GiB, `span max ${max}`);
        const { op } = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'span',
          driveIds: [drive('Bay 1').id, drive('Bay 2').id],
          sizeBytes: 12 * GiB,
        });
        const lun = await op.done;
        assert.equal(lun.type, 'span');
        assert.deepEqual([...lun.driveIds].sort(), [drive('Bay 1').id, drive('Bay 2').id].sort());
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'an automagic type with drives named -> E_INVALIDARG on driveIds, nothing created',
    async run() {
      const provider = await openVds(topology());
      try {
        const { subsystem, drive } = await inventory(provider);
        const error = await rejection(
          provider.createLun(
            {
              subsystemId: subsystem.id,
              type: 'faultTolerant',
              driveIds: [drive('Bay 1').id],
              sizeBytes: GiB,
              hints: {},
              unmaskingList: '*',
            },
            () => {},
          ),
        );
        assertError(error, 'E_INVALIDARG', 0x80070057);
        assert.equal(error.field, 'driveIds');
        assert.match(error.message, /subsystem picks the drives/);
        assert.equal((await provider.listLuns(subsystem.id)).length, 1);
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'errant provider: the new LUN in the CREATETARGET arm -> E_UNEXPECTED, and that object released',
    async run() {
      const provider = await openVds(topology(), { outputInTargetArm: true });
      try {
        const { subsystem, drive } = await inventory(provider);
        const { op } = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 1').id],
          sizeBytes: GiB,
        });
        const error = await rejection(op.done);
        assertError(error, 'E_UNEXPECTED', 0x8000ffff);
        assert.match(error.message, /output type 62/);
      } finally {
        provider.close();
      }
      // The released-everything step at the end counts it: a leaked arm keeps one object alive.
    },
  },
  ...[
    ['0xFFFFFFFF', 0xffffffff],
    ['253', 253],
  ].map(([label, percent]) => ({
    name: `QueryStatus says ${label} percent while pending -> unknown (null), never 100`,
    async run() {
      const provider = await openVds(topology({ rate: GiB / 2 }), { pendingPercent: percent });
      try {
        const { subsystem, drive } = await inventory(provider);
        const { op, progress } = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 1').id],
          sizeBytes: 4 * GiB, // 8 s at 0.5 GiB/s: pending throughout
        });
        const settled = op.done.catch((error) => error);
        try {
          const pending = () => progress.filter((p) => p.hresult >>> 0 === HR.PENDING);
          await waitFor(() => pending().length > 0, 'a progress report while pending');
          await sleep(300); // several polls
          assert.deepEqual(
            pending().map((p) => p.percent),
            pending().map(() => null),
            'every pending report has percent null',
          );
          assert.ok(!progress.some((p) => p.percent === 100), 'never 100 while pending');
        } finally {
          await op.cancel();
          assertError(await settled, 'VDS_E_OPERATION_CANCELED', HR.CANCELED);
        }
      } finally {
        provider.close();
      }
    },
  })),
];

// Cases only the in-process leg can show: the client's own CoTaskMemFree calls, seen by an IMallocSpy (across
// processes the stub frees the service's copies, whatever the client does with its own).
async function tracked(fn) {
  service.startAllocationTracking();
  let count;
  try {
    await fn();
  } finally {
    count = service.stopAllocationTracking();
  }
  return count;
}

const inProcessCases = [
  {
    name: 'every string and array VDS hands out is freed (CoTaskMemFree): identification data, extents, drive, LUN and subsystem properties',
    async run() {
      const provider = await openVds(topology());
      try {
        const { subsystem } = await inventory(provider);
        const existing = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Existing');
        const identification = await tracked(() => provider.lunIdentification(existing.id));
        // 4 inquiry strings, the identifier array and each of its 2 identifiers' bytes
        assert.ok(
          identification.handedOut >= 7,
          `${identification.handedOut} identification buffers handed out`,
        );
        assert.equal(identification.notFreed, 0, 'identification buffers the client did not free');
        await sleep(2100); // what was read has aged out: the next reads go to the provider
        const reads = await tracked(async () => {
          await provider.listSubsystems();
          await provider.listDrives(subsystem.id);
          await provider.listLuns(subsystem.id);
          await provider.listExtents(subsystem.id);
        });
        // 2 subsystem strings, 4 drives x 2 strings + 4 extent arrays (read twice: the snapshot, then the
        // extents), 3 LUN strings
        assert.ok(reads.handedOut >= 2 + 4 * 2 + 4 + 3, `${reads.handedOut} buffers handed out`);
        assert.equal(reads.notFreed, 0, 'buffers the client did not free');
      } finally {
        provider.close();
      }
    },
  },
];

// Cases only the cross-process leg can show: the provider's calls block in another process.
const STALL_MS = 5000;
/** A bigger array for the round-trip count: two subsystems of eight 10 GiB drives and four LUNs each. */
function arrayTopology() {
  const base = topology().subsystems[0];
  return {
    version: 1,
    subsystems: [0, 1].map((s) => ({
      ...base,
      id: `sub${s}`,
      name: `Array ${s}`,
      drives: [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
        ...base.drives[0],
        id: `s${s}d${i}`,
        name: `Bay ${i}`,
        slot: i,
      })),
      luns: [0, 1, 2, 3].map((l) => ({
        ...base.luns[0],
        id: `s${s}l${l}`,
        name: `LUN ${l}`,
        sizeBytes: GiB,
        extents: [{ driveId: `s${s}d${l}`, offsetBytes: 0, lengthBytes: GiB }],
      })),
    })),
  };
}

async function inventoryRead(provider) {
  const subsystems = await provider.listSubsystems();
  let drives = 0;
  let luns = 0;
  for (const s of subsystems) {
    drives += (await provider.listDrives(s.id)).length;
    luns += (await provider.listLuns(s.id)).length;
  }
  return { subsystems: subsystems.length, drives, luns, objects: subsystems.length + drives + luns };
}

const crossProcessCases = [
  {
    name: 'one inventory refresh costs at most 3 round trips per object (subsystems + drives + LUNs)',
    async run() {
      const provider = await openVds(arrayTopology());
      try {
        await service.resetCalls();
        const first = await inventoryRead(provider);
        const firstCalls = await service.calls();
        await sleep(2100); // what was read has aged out: the next read is a refresh, not an answer from memory
        await service.resetCalls();
        const refresh = await inventoryRead(provider);
        const calls = await service.calls();
        assert.deepEqual(refresh, { subsystems: 2, drives: 16, luns: 8, objects: 26 });
        assert.deepEqual(first, refresh);
        const perObject = calls / refresh.objects;
        console.log(
          `  round trips per inventory object: ${perObject.toFixed(2)} (a refresh: ${calls} calls received by ` +
            `the service for ${refresh.objects} objects: 2 subsystems, 16 drives, 8 LUNs; the first read after ` +
            `opening: ${(firstCalls / first.objects).toFixed(2)}, ${firstCalls} calls; VDS methods and VDS ` +
            `QueryInterface calls counted)`,
        );
        assert.ok(perObject <= 3, `${perObject.toFixed(2)} round trips per object`);
      } finally {
        provider.close();
      }
    },
  },
  {
    name: `QueryStatus stalled ${STALL_MS / 1000} s in the service: JS timers stay within 50 ms, a second creation starts`,
    async run() {
      const provider = await openVds(topology({ rate: GiB / 8 }));
      try {
        const { subsystem, drive } = await inventory(provider);
        const first = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 1').id],
          sizeBytes: 2 * GiB, // 16 s at 128 MiB/s: the percent moves every 160 ms
        });
        first.op.done.catch(() => {}); // settled (and checked) by cancelAndSettle below
        await waitFor(() => first.progress.length > 0, 'the first progress report');
        await service.stallQueryStatus(STALL_MS);
        const stalledAt = Date.now();
        let maxLag = 0;
        let maxLagAt = 0;
        let timers = 0;
        const probe = (async () => {
          while (Date.now() - stalledAt < STALL_MS + 300) {
            const due = Date.now() + 20;
            await sleep(20);
            if (Date.now() - due > maxLag) {
              maxLag = Date.now() - due;
              maxLagAt = due - stalledAt;
            }
            timers += 1;
          }
        })();
        await sleep(500); // the poller is inside a stalled QueryStatus by now
        const reportsInStall = first.progress.length;
        const statsStart = Date.now();
        addon.pollerStats(); // takes the poller's lock on this thread
        const statsMs = Date.now() - statsStart;
        const second = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 2').id],
          sizeBytes: GiB,
        });
        second.op.done.catch(() => {});
        const secondAfterMs = Date.now() - stalledAt;
        await sleep(STALL_MS - 1000 - (Date.now() - stalledAt));
        const reportsLateInStall = first.progress.length;
        await probe;
        console.log(
          `  stall: QueryStatus stalled ${STALL_MS} ms in service pid ${service.pid}; JS timer lag max ` +
            `${maxLag} ms (at +${maxLagAt} ms) over ${timers} timers; pollerStats() ${statsMs} ms; second creation started ` +
            `${secondAfterMs} ms into the stall`,
        );
        assert.equal(reportsLateInStall, reportsInStall, 'the stall held the poller (no progress meanwhile)');
        assert.ok(maxLag <= 50, `JS timer lag ${maxLag} ms > 50 ms`);
        assert.ok(statsMs <= 50, `pollerStats() blocked ${statsMs} ms`);
        assert.ok(secondAfterMs < STALL_MS, `the second creation started only after ${secondAfterMs} ms`);
        const afterStall = first.progress.length;
        await waitFor(() => first.progress.length > afterStall, 'progress after the stall');
        await waitFor(() => second.progress.length > 0, 'progress of the second creation');
        await cancelAndSettle(first.op);
        await cancelAndSettle(second.op);
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'the service process killed mid-session: the creation in flight fails "connection to VDS lost" (not retried); reads reopen the session once',
    async run() {
      const provider = await openVds(topology({ rate: GiB / 8 }));
      try {
        const { subsystem, drive } = await inventory(provider);
        const { op } = await startCreate(provider, {
          subsystemId: subsystem.id,
          type: 'simple',
          driveIds: [drive('Bay 1').id],
          sizeBytes: 2 * GiB, // 16 s: in flight when the service dies
        });
        const settled = op.done.then(
          () => null,
          (error) => error,
        );
        await sleep(300);
        const oldPid = service.pid;
        await service.kill();
        const error = await settled;
        assert.ok(error, 'the creation failed');
        assert.ok(
          [0x800706ba, 0x80010108, 0x800706be].includes(error.hresult >>> 0),
          `an RPC disconnect HRESULT, got 0x${(error.hresult >>> 0).toString(16)}`,
        );
        assert.match(error.message, /connection to VDS was lost/);
        assert.match(error.message, /not retried/);
        // vds.exe comes back (on Windows the SCM starts it again): a new service process, a fresh array.
        service = await startServiceProcess();
        assert.notEqual(service.pid, oldPid);
        await service.configure(topology());
        const subsystems = await provider.listSubsystems(); // the old session is dead: reopened once
        assert.deepEqual(
          subsystems.map((s) => s.name),
          ['Test Array'],
        );
        // A blind retry would have created the LUN on the new array (it creates at once there).
        assert.deepEqual(
          (await provider.listLuns(subsystems[0].id)).map((l) => l.name),
          ['Existing'],
        );
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'the service process killed during an extension: it fails "connection to VDS lost" (not retried), nothing extended twice',
    async run() {
      const provider = await openVds(topology({ rate: GiB / 8 }));
      try {
        const { subsystem } = await inventory(provider);
        const existing = (await provider.listLuns(subsystem.id)).find((l) => l.name === 'Existing');
        const op = await provider.extendLun(
          { lunId: existing.id, bytesToAdd: 2 * GiB, driveIds: [] },
          () => {},
        );
        const settled = op.done.then(
          () => null,
          (error) => error,
        );
        await sleep(300); // 16 s at 128 MiB/s: in flight when the service dies
        await service.kill();
        const error = await settled;
        assert.ok(error, 'the extension failed');
        assert.ok(
          [0x800706ba, 0x80010108, 0x800706be].includes(error.hresult >>> 0),
          `an RPC disconnect HRESULT, got 0x${(error.hresult >>> 0).toString(16)}`,
        );
        assert.match(error.message, /connection to VDS was lost while the LUN was being extended/);
        assert.match(error.message, /not retried/);
        service = await startServiceProcess();
        await service.configure(topology());
        const subsystems = await provider.listSubsystems(); // reopened once
        const luns = await provider.listLuns(subsystems[0].id);
        assert.deepEqual(
          luns.map((l) => [l.name, l.sizeBytes]),
          [['Existing', 2 * GiB]],
          'a blind retry would have extended the LUN on the new array',
        );
      } finally {
        provider.close();
      }
    },
  },
  {
    name: 'the service process killed during a recovery: it fails "connection to VDS lost" (not retried); reads reopen the session once',
    async run() {
      const provider = await openVds(repair.mirrorTopology({ rate: GiB / 8 })); // 1 GiB to rebuild: 8 s
      try {
        const { mirror } = await repair.replacedMirror(provider, service);
        const op = await provider.recoverLun({ lunId: mirror.id }, () => {});
        const settled = op.done.then(
          () => null,
          (error) => error,
        );
        await sleep(300); // in flight when the service dies
        await service.kill();
        const error = await settled;
        assert.ok(error, 'the recovery failed');
        assert.ok(
          [0x800706ba, 0x80010108, 0x800706be].includes(error.hresult >>> 0),
          `an RPC disconnect HRESULT, got 0x${(error.hresult >>> 0).toString(16)}`,
        );
        assert.match(error.message, /connection to VDS was lost while the LUN was being recovered/);
        assert.match(error.message, /not retried/);
        assert.match(error.message, /Refresh the LUN list to see the LUN's health/);
        service = await startServiceProcess();
        await service.configure(repair.mirrorTopology());
        const subsystems = await provider.listSubsystems(); // reopened once
        const luns = await provider.listLuns(subsystems[0].id);
        assert.deepEqual(
          luns.map((l) => [l.name, l.health]),
          [
            ['Existing', 'healthy'],
            ['Mirror', 'healthy'],
          ],
        );
      } finally {
        provider.close();
      }
    },
  },
];

async function releasedEverything() {
  // Providers and operations are freed with their JS objects, by finalizers on this thread. In-process, make
  // it a single-threaded apartment first, as Electron's UI thread is; then collect until the count settles.
  // Across processes the count is the service's: an object is freed there only when the client's proxy let
  // its stub go.
  if (!service.crossProcess) {
    assert.equal(service.enterSingleThreadedApartment(), 0, 'the JS thread became an STA');
  }
  let live = await service.liveObjects();
  for (let i = 0; i < 50 && live !== 0; i += 1) {
    global.gc();
    await new Promise((r) => setTimeout(r, 100));
    live = await service.liveObjects();
  }
  assert.equal(live, 0);
}

async function notRegistered() {
  await service.revoke();
  const error = await rejection(addon.openProvider('vds', {}, POLL_MS));
  assertError(error, 'REGDB_E_CLASSNOTREG', 0x80040154);
  assert.match(error.message, /not registered/);
}

// A hang must fail loudly, not wait for the outer timeout: a watchdog thread sees the case number and the
// counts in shared memory and, when one case runs for over CASE_LIMIT_MS (even with this thread blocked in
// native code), writes the verdict straight to stdout and ends the process.
const CASE_LIMIT_MS = 120_000;
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const state = new Int32Array(workerData.buffer);
let current = -1;
let since = Date.now();
setInterval(() => {
  const now = Atomics.load(state, 0);
  if (now !== current) { current = now; since = Date.now(); return; }
  if (Date.now() - since < workerData.limitMs) return;
  const name = workerData.names[current] || 'case ' + current;
  fs.writeSync(1, 'not ok - ' + name + ': still running after ' + workerData.limitMs / 1000 + ' s (hang)\\n');
  fs.writeSync(1, workerData.label + Atomics.load(state, 1) + ' passed, ' + (Atomics.load(state, 2) + 1) + ' failed\\n');
  process.kill(process.pid);
}, 1000);
`;

async function runPlan(plan, label) {
  const counters = new Int32Array(new SharedArrayBuffer(12)); // [step index, passed, failed]
  const watchdog = new Worker(WATCHDOG, {
    eval: true,
    workerData: {
      buffer: counters.buffer,
      names: plan.map((step) => step.name),
      limitMs: CASE_LIMIT_MS,
      label: label ? `${label}: ` : '',
    },
  });
  watchdog.unref();
  for (const [index, step] of plan.entries()) {
    Atomics.store(counters, 0, index);
    try {
      await step.fn();
      Atomics.add(counters, 1, 1);
      console.log(`ok - ${step.name}`);
    } catch (error) {
      Atomics.add(counters, 2, 1);
      console.log(
        `not ok - ${step.name}\n  ${String(error && error.stack ? error.stack : error)
          .split('\n')
          .join('\n  ')}`,
      );
    }
  }
  await watchdog.terminate();
  return { passed: Atomics.load(counters, 1), failed: Atomics.load(counters, 2) };
}

function startServiceProcess() {
  return serviceClient.startProcess({ hostScript, modulePath: servicePath, logDir });
}

async function main() {
  if (mode === 'boundary') {
    // Run while lun_vds_ps.dll is not registered: the class object lives in the other process, and nothing
    // can marshal IVdsServiceLoader to us, so activation itself must fail.
    service = await startServiceProcess();
    const { passed, failed } = await runPlan(
      [
        {
          name: '[vds, no proxy DLL] CoCreateInstance(CLSID_VdsLoader) fails: the service is in another process',
          async fn() {
            assert.notEqual(service.pid, process.pid, 'the service runs in another process');
            await service.configure(topology());
            const error = await rejection(addon.openProvider('vds', {}, POLL_MS));
            assert.equal(error.hresult >>> 0, 0x80004002, `E_NOINTERFACE (message: ${error.message})`);
            assert.match(error.message, /CoCreateInstance\(CLSID_VdsLoader\) failed/);
          },
        },
      ],
      'boundary',
    );
    await service.revoke(); // Wine's rpcss keeps the class registration of a killed process
    await service.kill();
    console.log(`boundary: ${passed} passed, ${failed} failed`);
    process.exitCode = failed === 0 ? 0 : 1;
    return;
  }

  const crossProcess = mode === 'cross-process';
  service = crossProcess ? await startServiceProcess() : serviceClient.inProcess(servicePath);
  const servicePid = service.pid;
  const tag = crossProcess ? 'vds, cross-process' : 'vds';
  const plan = [
    ...(crossProcess
      ? [
          {
            name: 'the test VDS service runs in its own process',
            fn: async () => {
              assert.notEqual(service.pid, process.pid);
              assert.equal(service.pid, service.childPid, 'the pid the service reports is its process');
            },
          },
        ]
      : []),
    ...shared.cases.map((c) => ({ name: c.name, fn: () => shared.runCase(c, (state) => openVds(state)) })),
    ...lifecycle.cases.map((c) => ({ name: c.name, fn: () => shared.runCase(c, (state) => openVds(state)) })),
    ...repair.cases.map((c) => ({ name: c.name, fn: () => runRepairCase(c) })),
    ...facadeRepair.cases.map((c) => ({ name: c.name, fn: () => runFacadeCase(c) })),
    ...vdsOnlyCases.map((c) => ({ name: c.name, fn: () => c.run() })),
    ...(crossProcess ? crossProcessCases : inProcessCases).map((c) => ({ name: c.name, fn: () => c.run() })),
    {
      name: crossProcess
        ? 'every COM object handed out is released across the boundary (the service counts 0 live objects)'
        : 'every COM object handed out is released (liveObjects() == 0), also from an STA thread',
      fn: releasedEverything,
    },
    { name: 'no VDS registered -> REGDB_E_CLASSNOTREG with a plain message', fn: notRegistered },
  ].map((step) => ({ ...step, name: `[${tag}] ${step.name}` }));

  const label = crossProcess ? 'cross-process' : '';
  const { passed, failed } = await runPlan(plan, label);
  if (crossProcess) {
    await service.kill(); // notRegistered revoked the class object first
    console.log(
      `cross-process: ${passed} passed, ${failed} failed (client pid ${process.pid}, service pid ${servicePid})`,
    );
  } else {
    console.log(`${passed} passed, ${failed} failed`);
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
  console.log(`runner crashed: ${error && error.stack}`);
  process.exitCode = 2;
});
