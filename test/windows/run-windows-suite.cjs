// Runs under Windows node.exe (Wine): the shared provider cases against the `vds` provider, reached through the
// product's unchanged CoCreateInstance(CLSID_VdsLoader, LOCAL_SERVER); then the service-level cases only VDS has
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
const { topology, inventory, startCreate, rejection, assertError, GiB, POLL_MS } = shared;

const hostScript = path.join(__dirname, 'service-host.cjs');
let service; // the test VDS service: in this process, or a client of the other one

function openVds(state, knobs = {}) {
  return service.configure(state, knobs).then(() => addon.openProvider('vds', {}, POLL_MS));
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
    name: 'service never ready -> the WaitForServiceReady failure, explained',
    async run() {
      const error = await rejection(openVds(topology(), { notReady: true }));
      assertError(error, 'VDS_E_INITIALIZED_FAILED', 0x80042401);
      assert.match(error.message, /did not become ready/);
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
    name: 'a stripe size for a specific LUN type -> E_INVALIDARG naming hints.stripeSizeBytes, nothing created',
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
    ...vdsOnlyCases.map((c) => ({ name: c.name, fn: () => c.run() })),
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
