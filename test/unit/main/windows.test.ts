import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];

class FakeWindow extends EventEmitter {
  static nextId = 1;
  readonly webContents = { id: FakeWindow.nextId++ };
  readonly loaded: string[] = [];
  visible = false;
  focused = false;
  destroyed = false;
  minimized = false;
  readonly calls: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    created.push(this);
  }
  loadURL(url: string) {
    this.loaded.push(url);
    return Promise.resolve();
  }
  show() {
    this.calls.push('show');
    this.visible = true;
  }
  showInactive() {
    this.calls.push('showInactive');
    this.visible = true;
  }
  focus() {
    this.calls.push('focus');
    this.focused = true;
  }
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isFocused() {
    return this.focused;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { WindowManager } = await import('../../../electron/main/windows');
const { fileAppLocation } = await import('../../../electron/main/app-location');

const location = fileAppLocation('/app/out/renderer/index.html');
const PRELOAD = '/app/out/preload/index.cjs';

describe('windows', () => {
  let order: string[];
  let manager: InstanceType<typeof WindowManager>;
  beforeEach(() => {
    created.length = 0;
    order = [];
    manager = new WindowManager({
      location,
      preloadPath: PRELOAD,
      onWindowCreated: (window) => order.push(`created:${(window as unknown as FakeWindow).loaded.length}`),
    });
  });

  it('creates every window isolated, sandboxed, without Node and with our CommonJS preload', () => {
    manager.openWizard();
    manager.openMonitor({ focus: true });
    expect(created).toHaveLength(2);
    for (const window of created) {
      expect(window.options['webPreferences']).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        disableBlinkFeatures: 'Auxclick',
        preload: PRELOAD,
      });
    }
  });

  it('hands each window over (to be trusted) before it loads anything', () => {
    manager.openWizard();
    expect(order).toEqual(['created:0']);
    expect(created[0]!.loaded).toHaveLength(1);
  });

  it('loads the wizard at #/ and the monitor at #/monitor of the built page', () => {
    manager.openWizard();
    manager.openMonitor({ focus: true });
    expect(created[0]!.loaded).toEqual(['file:///app/out/renderer/index.html#/']);
    expect(created[1]!.loaded).toEqual(['file:///app/out/renderer/index.html#/monitor']);
  });

  it('opens one monitor window and brings it back instead of opening a second', () => {
    const first = manager.openMonitor({ focus: true });
    const again = manager.openMonitor({ focus: true });
    expect(again).toBe(first);
    expect(created).toHaveLength(1);
  });

  it('opens the monitor automatically without taking the focus', () => {
    const monitor = manager.openMonitor({ focus: false }) as unknown as FakeWindow;
    monitor.emit('ready-to-show');
    expect(monitor.calls).toEqual(['showInactive']);
  });

  it('shows and focuses a monitor opened from the menu', () => {
    const monitor = manager.openMonitor({ focus: true }) as unknown as FakeWindow;
    monitor.emit('ready-to-show');
    expect(monitor.calls).toContain('show');
  });

  it('opens a new monitor after the old one was closed', () => {
    (manager.openMonitor({ focus: true }) as unknown as FakeWindow).close();
    manager.openMonitor({ focus: true });
    expect(created).toHaveLength(2);
  });

  it('closes the monitor when the wizard window closes', () => {
    const wizard = manager.openWizard() as unknown as FakeWindow;
    const monitor = manager.openMonitor({ focus: false }) as unknown as FakeWindow;
    wizard.close();
    expect(monitor.destroyed).toBe(true);
    expect(manager.windows()).toEqual([]);
  });

  it('File → New LUN… switches the existing wizard to #/create without a second window', () => {
    const wizard = manager.openWizard() as unknown as FakeWindow;
    manager.openWizard('newLun');
    expect(created).toHaveLength(1);
    expect(wizard.loaded.at(-1)).toBe('file:///app/out/renderer/index.html#/create');
    expect(wizard.calls).toContain('focus');
  });

  it('knows whether one of its windows has the focus', () => {
    const wizard = manager.openWizard() as unknown as FakeWindow;
    expect(manager.isAnyFocused()).toBe(false);
    wizard.focused = true;
    expect(manager.isAnyFocused()).toBe(true);
  });

  it('keeps the main window open when closing it is not confirmed, closes it when it is', async () => {
    let allow = false;
    const guarded = new WindowManager({
      location,
      preloadPath: PRELOAD,
      onWindowCreated: () => undefined,
      mayCloseWizard: async () => allow,
    });
    const wizard = guarded.openWizard() as unknown as FakeWindow;
    wizard.close();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wizard.destroyed).toBe(false);
    allow = true;
    wizard.close();
    await vi.waitFor(() => expect(wizard.destroyed).toBe(true));
  });
});
