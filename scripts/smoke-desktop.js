#!/usr/bin/env node
// Smoke test of the BUILT desktop bundles without the Electron runtime (run `npm run build:app` first):
// out/main/index.js runs in Node against a fake 'electron' module and the real host + native addon
// (simulated array in a temp folder); out/preload/index.cjs runs in a bare VM context that can only
// require('electron'), as a sandboxed preload can.
'use strict';
const assert = require('node:assert/strict');
const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'out', 'main', 'index.js');
const PRELOAD = path.join(ROOT, 'out', 'preload', 'index.cjs');

function fakeElectron(work) {
  const handlers = new Map();
  const listeners = new Map();
  const windows = [];
  let nextId = 1;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    quitCount: 0,
    enableSandbox() {},
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getPath: () => work,
    paths: {},
    setPath(name, value) {
      this.paths[name] = value;
    },
    getVersion: () => '0.0.0-smoke',
    quit() {
      this.quitCount += 1;
    },
    exit(code) {
      throw new Error(`app.exit(${code}) during the smoke test`);
    },
  });
  class BrowserWindow extends EventEmitter {
    constructor(options) {
      super();
      this.options = options;
      this.webContents = Object.assign(new EventEmitter(), {
        id: nextId++,
        sent: [],
        isDestroyed: () => false,
        send(channel, payload) {
          this.sent.push({ channel, payload });
        },
      });
      this.url = undefined;
      windows.push(this);
    }
    static getFocusedWindow() {
      return null;
    }
    loadURL(url) {
      this.url = url;
      return Promise.resolve();
    }
    show() {}
    showInactive() {}
    focus() {}
    isDestroyed() {
      return false;
    }
    isFocused() {
      return true;
    }
    isVisible() {
      return true;
    }
    isMinimized() {
      return false;
    }
  }
  const electron = {
    app,
    BrowserWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler() {},
        setPermissionCheckHandler() {},
        webRequest: { onHeadersReceived() {} },
      },
    },
    ipcMain: {
      handle: (channel, handler) => handlers.set(channel, handler),
      removeHandler: (channel) => handlers.delete(channel),
      on: (channel, listener) => listeners.set(channel, listener),
      removeListener: (channel) => listeners.delete(channel),
    },
    Menu: { buildFromTemplate: (template) => template, setApplicationMenu() {} },
    crashReporter: {
      start(options) {
        assert.equal(options.uploadToServer, false, 'crash dumps stay on this machine');
      },
    },
    Notification: class {
      static isSupported() {
        return false;
      }
    },
    dialog: {
      showErrorBox(title, message) {
        throw new Error(`${title}: ${message}`);
      },
      showMessageBox: async () => ({ response: 0 }),
    },
  };
  return { electron, app, handlers, listeners, windows };
}

async function waitFor(check, what, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function smokeMain() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-studio-smoke-'));
  process.env.LUN_STUDIO_HOME = work; // settings, journal, owner lock and control endpoint of this run
  const fake = fakeElectron(work);
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'electron' ? fake.electron : load.call(this, request, ...rest);
  };
  process.argv = [
    process.argv[0],
    MAIN,
    '--provider=sim',
    `--sim-state=${path.join(work, 'sim-state.json')}`,
  ];
  require(MAIN);

  const wizard = await waitFor(() => fake.windows[0], 'the main window');
  assert.match(wizard.url, /out\/renderer\/index\.html#\/$/);
  assert.ok(fs.existsSync(new URL(wizard.url).pathname), 'the renderer page exists');
  assert.equal(wizard.options.webPreferences.preload, PRELOAD);
  assert.ok(fs.existsSync(PRELOAD), 'the preload exists');

  const fromWizard = { sender: wizard.webContents, senderFrame: { url: wizard.url } };
  const call = (method, payload, event = fromWizard) =>
    fake.handlers.get(`lun-studio:${method}`)(event, payload);
  fake.listeners.get('lun-studio:subscribe')(fromWizard, true);

  const inventory = await call('getInventory', {});
  assert.equal(inventory.ok, true, JSON.stringify(inventory));
  const subsystem = inventory.value.subsystems[0];
  assert.ok(subsystem, 'the simulated array has a subsystem');
  console.log(
    `  getInventory: ${inventory.value.subsystems.length} subsystem(s), provider ${inventory.value.provider.label}`,
  );

  const bad = await call('createLuns', {
    request: { subsystemId: subsystem.id, type: 'simple', sizeBytes: -1 },
    count: 1,
  });
  assert.equal(bad.ok, false);
  assert.equal(bad.error.code, 'E_INVALIDARG');
  console.log(`  malformed createLuns: ${bad.error.code} (${bad.error.message})`);

  const stranger = { sender: { id: 999 }, senderFrame: { url: 'https://evil.example/' } };
  const refused = await call('getInventory', {}, stranger);
  assert.equal(refused.ok, false);
  assert.equal(refused.error.code, 'E_ACCESSDENIED');
  console.log(`  untrusted sender: ${refused.error.code}`);

  const created = await call('createLuns', {
    request: { subsystemId: subsystem.id, type: 'simple', sizeBytes: 64 * 1024 * 1024 },
    count: 1,
  });
  assert.equal(created.ok, true, JSON.stringify(created));
  const finished = await waitFor(
    () =>
      wizard.webContents.sent.find(
        (message) => message.channel === 'lun-studio:event' && message.payload.type === 'operationFinished',
      ),
    'operationFinished',
  );
  assert.equal(
    finished.payload.operation.state,
    'succeeded',
    JSON.stringify(finished.payload.operation.error),
  );
  console.log(`  createLuns: ${finished.payload.operation.result.name} created, events reached the window`);
  assert.ok(
    fake.windows.some((window) => /#\/monitor$/.test(window.url)),
    'the monitor opened when the operation started',
  );

  fake.app.emit('before-quit', { preventDefault() {} });
  await waitFor(() => fake.app.quitCount > 0, 'the host to shut down and the app to quit');
  console.log('  quit: host shut down, app quit');
  Module._load = load;
  fs.rmSync(work, { recursive: true, force: true });
}

async function smokePreload() {
  let exposed;
  const invoked = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => (exposed = { key, api }) },
    ipcRenderer: {
      invoke: async (channel, ...args) => {
        invoked.push([channel, args]);
        return {
          ok: false,
          error: { code: 'E_INVALIDARG', hresult: 0x80070057, message: 'x: bad', field: 'x' },
        };
      },
      send() {},
      on() {},
      removeListener() {},
    },
  };
  const sandbox = {
    require: (name) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    },
    module: { exports: {} },
    exports: {},
    console,
  };
  vm.runInNewContext(fs.readFileSync(PRELOAD, 'utf8'), sandbox, { filename: PRELOAD });
  assert.equal(exposed.key, 'lunStudio');
  const keys = Object.keys(exposed.api).sort();
  // Every method of the contract, and subscribe: the built contract (npm run build:node) is the list.
  const { API_METHOD_NAMES } = require('../dist/electron/contract/api.js');
  assert.deepEqual(keys, [...API_METHOD_NAMES, 'subscribe'].sort());
  const rejection = await exposed.api.maxLunSize({}).then(
    () => null,
    (error) => error,
  );
  assert.equal(structuredClone(rejection).code, 'E_INVALIDARG');
  console.log(`  preload: window.lunStudio = { ${keys.join(', ')} }`);
}

async function main() {
  for (const file of [MAIN, PRELOAD]) {
    if (!fs.existsSync(file)) {
      console.error(
        `smoke-desktop: ${path.relative(ROOT, file)} is missing; run \`npm run build:app\` first.`,
      );
      process.exit(1);
    }
  }
  console.log('Desktop smoke test (built bundles, fake Electron):');
  await smokePreload();
  await smokeMain();
  console.log('smoke-desktop: ok');
  process.exit(0);
}

main().catch((error) => {
  console.error(`smoke-desktop: FAILED: ${error.message}`);
  process.exit(1);
});
