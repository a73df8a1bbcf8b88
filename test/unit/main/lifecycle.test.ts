// electron/main/index.ts against a fake Electron: single instance, host before windows, clean shutdown.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LunStudioEvent } from '../../../electron/contract/api';
import { LunStudioError } from '../../../electron/contract/errors';

interface FakeWindowShape {
  options: Record<string, unknown>;
  loaded: string[];
  calls: string[];
  emit(event: string, ...args: unknown[]): boolean;
  close(): void;
}

const state = vi.hoisted(() => ({
  lock: true,
  userData: '',
  order: [] as string[],
  windows: [] as FakeWindowShape[],
  hostError: undefined as unknown,
  hostOptions: undefined as Record<string, unknown> | undefined,
  hostHandler: undefined as ((event: unknown) => void) | undefined,
  shutdown: undefined as undefined | { resolve: () => void; calls: number },
  templates: [] as unknown[],
  errorBoxes: [] as [string, string][],
  quit: 0,
  exits: [] as number[],
  app: undefined as unknown as import('node:events').EventEmitter & { enableSandbox: () => void },
  sandboxEnabled: false,
  permissionHandlerSet: false,
  notifications: [] as { title: string; body: string; click: () => void }[],
  operations: [] as unknown[],
  dialogResponse: 0,
  questions: [] as string[],
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  dispatchThrows: undefined as Error | undefined,
  paths: {} as Record<string, string>,
  crashReporter: undefined as Record<string, unknown> | undefined,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  let nextId = 1;
  class FakeWindow extends EventEmitter {
    readonly webContents = Object.assign(new EventEmitter(), { id: nextId++ });
    readonly loaded: string[] = [];
    readonly calls: string[] = [];
    destroyed = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.order.push('window');
      state.windows.push(this);
    }
    static getFocusedWindow() {
      return null;
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    show() {
      this.calls.push('show');
    }
    showInactive() {
      this.calls.push('showInactive');
    }
    focus() {
      this.calls.push('focus');
    }
    restore() {}
    isMinimized() {
      return false;
    }
    isVisible() {
      return true;
    }
    isFocused() {
      return false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    close() {
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    enableSandbox: () => (state.sandboxEnabled = true),
    requestSingleInstanceLock: () => state.lock,
    whenReady: () => Promise.resolve(),
    getPath: () => state.userData,
    getVersion: () => '0.1.0',
    setPath: (name: string, value: string) => (state.paths[name] = value),
    quit: () => {
      state.quit += 1;
    },
    exit: (code: number) => state.exits.push(code),
  });
  state.app = app;
  return {
    app,
    BrowserWindow: FakeWindow,
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (state.permissionHandlerSet = true),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) =>
        state.ipcHandlers.set(channel, handler),
      removeHandler() {},
      on() {},
      removeListener() {},
    },
    shell: { openPath: async () => '' },
    crashReporter: { start: (options: Record<string, unknown>) => (state.crashReporter = options) },
    Menu: {
      buildFromTemplate: (template: unknown) => {
        state.templates.push(template);
        return template;
      },
      setApplicationMenu: () => undefined,
    },
    Notification: class extends EventEmitter {
      constructor(readonly options: { title: string; body: string }) {
        super();
      }
      static isSupported() {
        return true;
      }
      show() {
        state.notifications.push({ ...this.options, click: () => this.emit('click') });
      }
    },
    dialog: {
      showErrorBox: (title: string, text: string) => state.errorBoxes.push([title, text]),
      showMessageBox: async (options: { message: string }) => {
        state.questions.push(options.message);
        return { response: state.dialogResponse };
      },
    },
  };
});

vi.mock('../../../electron/main/start-host', () => ({
  startDesktopHost: async (options: Record<string, unknown>) => {
    state.order.push('host');
    state.hostOptions = options;
    if (state.hostError) throw state.hostError;
    return {
      dispatch: async (method: string) => {
        if (state.dispatchThrows) throw state.dispatchThrows;
        return {
          ok: true,
          value: method === 'listOperations' ? state.operations : undefined,
        };
      },
      subscribe: (handler: (event: unknown) => void) => {
        state.hostHandler = handler;
        return () => undefined;
      },
      shutdown: () =>
        new Promise<void>((resolve) => {
          state.shutdown = { resolve, calls: (state.shutdown?.calls ?? 0) + 1 };
        }),
    };
  },
}));

const started: LunStudioEvent = {
  type: 'operationStarted',
  operation: {
    id: 'op',
    kind: 'createLun',
    subsystemId: 's',
    request: { subsystemId: 's', type: 'simple', sizeBytes: 1 },
    state: 'queued',
    percent: null,
    startedAt: null,
    endedAt: null,
    bytesPerSecond: null,
    etaSeconds: null,
  },
};

async function launch(argv: string[] = []) {
  const saved = process.argv;
  process.argv = ['/opt/lun-studio/lun-studio', ...argv];
  try {
    vi.resetModules();
    await import('../../../electron/main/index');
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    process.argv = saved;
  }
}

function menuItem(id: string): MenuItemConstructorOptions {
  const template = state.templates.at(-1) as MenuItemConstructorOptions[];
  const item = template
    .flatMap((top) => (top.submenu as MenuItemConstructorOptions[] | undefined) ?? [])
    .find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}

let processListeners: Record<'uncaughtException' | 'unhandledRejection', unknown[]> = {
  uncaughtException: [],
  unhandledRejection: [],
};

describe('desktop app lifecycle', () => {
  beforeEach(() => {
    // The fake Electron lives across launches: drop the listeners an earlier launch left on app.
    state.app?.removeAllListeners();
    state.lock = true;
    state.userData = fs.mkdtempSync(path.join(os.tmpdir(), 'lun-studio-userdata-'));
    // The desktop keeps its settings in the per-user folder every shell uses (contract/user-paths.ts).
    process.env.LUN_STUDIO_HOME = state.userData;
    state.order = [];
    state.windows = [];
    state.hostError = undefined;
    state.hostOptions = undefined;
    state.hostHandler = undefined;
    state.shutdown = undefined;
    state.templates = [];
    state.errorBoxes = [];
    state.quit = 0;
    state.exits = [];
    state.sandboxEnabled = false;
    state.permissionHandlerSet = false;
    state.notifications = [];
    state.operations = [];
    state.dialogResponse = 0;
    state.questions = [];
    state.ipcHandlers = new Map();
    state.dispatchThrows = undefined;
    state.paths = {};
    state.crashReporter = undefined;
    processListeners = {
      uncaughtException: process.listeners('uncaughtException'),
      unhandledRejection: process.listeners('unhandledRejection'),
    };
  });
  afterEach(() => {
    // Each launch installs the app's crash handler on this (real) process: take it off again.
    const events = process as unknown as import('node:events').EventEmitter;
    for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
      for (const listener of events.listeners(event) as ((...args: unknown[]) => void)[]) {
        if (!processListeners[event].includes(listener)) events.removeListener(event, listener);
      }
    }
    delete process.env.LUN_STUDIO_HOME;
    fs.rmSync(state.userData, { recursive: true, force: true });
  });

  it('quits at once when another instance holds the lock, starting nothing', async () => {
    state.lock = false;
    await launch();
    expect(state.quit).toBe(1);
    expect(state.order).toEqual([]);
  });

  it('sandboxes every renderer, hardens the session, starts the host, then opens the main window', async () => {
    await launch();
    expect(state.sandboxEnabled).toBe(true);
    expect(state.permissionHandlerSet).toBe(true);
    expect(state.order).toEqual(['host', 'window']);
    expect(state.windows[0]!.loaded[0]).toMatch(/^file:\/\/.*\/renderer\/index\.html#\/$/);
    expect(state.windows[0]!.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      preload: expect.stringMatching(/[\\/]preload[\\/]index\.cjs$/),
    });
  });

  it('keeps crash dumps locally in the log folder (never uploaded) and writes where to the log', async () => {
    await launch();
    const logDir = path.join(state.userData, 'logs');
    expect(state.crashReporter).toMatchObject({ uploadToServer: false });
    expect(state.paths.crashDumps).toBe(path.join(logDir, 'crash-dumps'));
    const log = fs.readFileSync(path.join(logDir, 'lun-studio.log'), 'utf8');
    expect(log).toContain(JSON.stringify(path.join(logDir, 'crash-dumps')));
  });

  it('a throw inside an IPC handler is logged, shown in a dialog, and the app exits 1', async () => {
    await launch();
    state.dispatchThrows = new Error('fake host bug');
    const window = state.windows[0] as FakeWindowShape & { webContents: { id: number } };
    const event = { sender: window.webContents, senderFrame: { url: window.loaded[0] } };
    const reply = (await state.ipcHandlers.get('lun-studio:getInventory')!(event, {})) as {
      ok: boolean;
      error: { code: string; hresult: number; message: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.code).toBe('E_UNEXPECTED');
    expect(reply.error.message).toContain('fake host bug');
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]![0]).toBe('LUN Studio stopped after an unexpected error');
    expect(state.errorBoxes[0]![1]).toContain('fake host bug (E_UNEXPECTED 0x8000FFFF)');
    expect(state.errorBoxes[0]![1]).toContain(path.join(state.userData, 'logs'));
    await vi.waitFor(() => expect(state.exits).toEqual([1]));
    const fatal = fs
      .readFileSync(path.join(state.userData, 'logs', 'lun-studio.log'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.level === 'fatal');
    expect(fatal).toMatchObject({ msg: 'fatal: IPC handler getInventory', error: 'fake host bug' });
  });

  it('passes --provider and --sim-state from the command line to the host', async () => {
    await launch(['--provider=sim', '--sim-state', '/tmp/state.json']);
    expect(state.hostOptions).toMatchObject({ provider: 'sim', simStatePath: '/tmp/state.json' });
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await launch();
    state.app.emit('second-instance');
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0]!.calls).toContain('focus');
  });

  it('shuts the host down before the app quits, once', async () => {
    await launch();
    const first = { preventDefault: vi.fn() };
    state.app.emit('before-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.shutdown?.calls).toBe(1));
    expect(state.questions).toEqual([]);
    expect(state.quit).toBe(0);
    state.shutdown!.resolve();
    await vi.waitFor(() => expect(state.quit).toBe(1));
    const second = { preventDefault: vi.fn() };
    state.app.emit('before-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(state.shutdown?.calls).toBe(1);
  });

  it('explains a host that cannot start (code and HRESULT) and exits with 1, opening no window', async () => {
    state.hostError = new LunStudioError({
      code: 'E_ADDON_MISSING',
      hresult: 0x8007007e,
      message: 'The native addon was not found.',
      action: 'Run `npm run build:native`.',
    });
    await launch();
    expect(state.errorBoxes).toEqual([
      [
        'LUN Studio could not start',
        'The native addon was not found. (E_ADDON_MISSING 0x8007007E)\n\nRun `npm run build:native`.',
      ],
    ]);
    expect(state.exits).toEqual([1]);
    expect(state.windows).toHaveLength(0);
  });

  it('opens the monitor without taking the focus when an operation starts, unless the user turned that off', async () => {
    await launch();
    state.hostHandler!(started);
    expect(state.windows).toHaveLength(2);
    const monitor = state.windows[1]!;
    expect(monitor.loaded[0]).toMatch(/#\/monitor$/);
    monitor.emit('ready-to-show');
    expect(monitor.calls).toEqual(['showInactive']);
    monitor.close();

    const toggle = menuItem('open-monitor-on-start');
    expect(toggle.checked).toBe(true);
    toggle.click!({ checked: false } as never, undefined, {} as never);
    expect(menuItem('open-monitor-on-start').checked).toBe(false);
    state.hostHandler!(started);
    expect(state.windows).toHaveLength(2);

    const saved = JSON.parse(fs.readFileSync(path.join(state.userData, 'desktop-settings.json'), 'utf8'));
    expect(saved).toEqual({ openMonitorOnOperationStart: false });
  });

  it('View → Progress Monitor opens and focuses the monitor', async () => {
    await launch();
    menuItem('progress-monitor').click!({} as never, undefined, {} as never);
    const monitor = state.windows[1]!;
    expect(monitor.loaded[0]).toMatch(/#\/monitor$/);
    monitor.emit('ready-to-show');
    expect(monitor.calls).toEqual(['show']);
  });

  it('notifies when a LUN is created while no window has the focus; clicking shows the monitor', async () => {
    await launch();
    vi.useFakeTimers();
    try {
      state.hostHandler!({
        type: 'operationFinished',
        operation: {
          ...started.operation,
          state: 'succeeded',
          result: {
            id: 'l1',
            subsystemId: 's',
            name: 'Data 1',
            identification: 'D1',
            type: 'simple',
            sizeBytes: 2 * 1024 ** 4,
            status: 'online',
            health: 'healthy',
            unmaskingList: '*',
            driveIds: ['d1'],
          },
        },
      });
      vi.advanceTimersByTime(2000);
    } finally {
      vi.useRealTimers();
    }
    expect(state.notifications.map(({ title, body }) => ({ title, body }))).toEqual([
      { title: 'LUN created', body: 'Data 1, 2 TiB' },
    ]);
    const before = state.windows.length;
    state.notifications[0]!.click();
    expect(state.windows).toHaveLength(before + 1);
    expect(state.windows.at(-1)!.loaded[0]).toMatch(/#\/monitor$/);
  });

  it('asks before quitting while a LUN creation runs, and stays when the user keeps it running', async () => {
    await launch();
    state.operations = [{ ...started.operation, state: 'running' }];
    state.dialogResponse = 0;
    state.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(state.questions).toEqual(['1 LUN creation is still running.']));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.shutdown).toBeUndefined();
    expect(state.quit).toBe(0);

    state.dialogResponse = 1;
    state.app.emit('before-quit', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(state.shutdown?.calls).toBe(1));
    state.shutdown!.resolve();
    await vi.waitFor(() => expect(state.quit).toBe(1));
  });
});
