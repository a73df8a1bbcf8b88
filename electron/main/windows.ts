// The two windows: the wizard (main window) and the progress monitor. Both load the same renderer page;
// the hash tells it which view to show.
import { BrowserWindow } from 'electron';
import type { AppLocation, AppView } from './app-location';

export interface WindowManagerOptions {
  location: AppLocation;
  preloadPath: string;
  iconPath?: string;
  /** Called for each new window before it loads anything (trust its webContents, …). */
  onWindowCreated(window: BrowserWindow): void;
  /** Closing the main window ends the app: resolves true when it may close. */
  mayCloseWizard?: () => Promise<boolean>;
}

interface WindowSpec {
  view: AppView;
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

const WIZARD: WindowSpec = {
  view: 'wizard',
  title: 'LUN Studio',
  width: 1280,
  height: 820,
  minWidth: 900,
  minHeight: 600,
};
const MONITOR: WindowSpec = {
  view: 'monitor',
  title: 'LUN Studio — Progress Monitor',
  width: 720,
  height: 560,
  minWidth: 480,
  minHeight: 320,
};

export class WindowManager {
  private wizard: BrowserWindow | null = null;
  private monitor: BrowserWindow | null = null;

  constructor(private readonly options: WindowManagerOptions) {}

  private create(spec: WindowSpec, focus: boolean): BrowserWindow {
    const window = new BrowserWindow({
      title: spec.title,
      width: spec.width,
      height: spec.height,
      minWidth: spec.minWidth,
      minHeight: spec.minHeight,
      show: false,
      ...(this.options.iconPath !== undefined && { icon: this.options.iconPath }),
      // Written out here, not built by a helper, so static checks (electronegativity) can read them.
      webPreferences: {
        preload: this.options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        // Middle-click must not open links in new windows (window.open is denied too).
        disableBlinkFeatures: 'Auxclick',
      },
    });
    this.options.onWindowCreated(window);
    window.once('ready-to-show', () => (focus ? window.show() : window.showInactive()));
    this.show(window, spec.view);
    return window;
  }

  /** Loads a view; a load cut short by the next one (ERR_ABORTED) is not an error worth more than a log line. */
  private show(window: BrowserWindow, view: AppView): void {
    window.loadURL(this.options.location.urlFor(view)).catch((error: unknown) => {
      console.warn(`LUN Studio: loading the ${view} view: ${error instanceof Error ? error.message : error}`);
    });
  }

  private reveal(window: BrowserWindow, focus: boolean): void {
    if (window.isMinimized()) window.restore();
    if (focus) {
      window.show();
      window.focus();
    } else if (!window.isVisible()) {
      window.showInactive();
    }
  }

  /** Opens the wizard window, or brings the existing one to the front. */
  openWizard(view: 'wizard' | 'newLun' = 'wizard'): BrowserWindow {
    if (this.wizard && !this.wizard.isDestroyed()) {
      this.reveal(this.wizard, true);
      // Only the hash changes: a same-document navigation, the page is not reloaded.
      if (view === 'newLun') this.show(this.wizard, view);
      return this.wizard;
    }
    const wizard = this.create({ ...WIZARD, view }, true);
    let closeAllowed = false;
    wizard.on('close', (event) => {
      const mayClose = this.options.mayCloseWizard;
      if (closeAllowed || !mayClose) return;
      event.preventDefault();
      void mayClose().then((allowed) => {
        if (!allowed || wizard.isDestroyed()) return;
        closeAllowed = true;
        wizard.close();
      });
    });
    wizard.on('closed', () => {
      this.wizard = null;
      // The monitor belongs to the wizard's session of work: closing the main window ends the app.
      if (this.monitor && !this.monitor.isDestroyed()) this.monitor.close();
    });
    this.wizard = wizard;
    return wizard;
  }

  /** Opens the progress monitor; `focus: false` (automatic opening) leaves the focus where it is. */
  openMonitor(options: { focus: boolean }): BrowserWindow {
    if (this.monitor && !this.monitor.isDestroyed()) {
      this.reveal(this.monitor, options.focus);
      return this.monitor;
    }
    const monitor = this.create(MONITOR, options.focus);
    monitor.on('closed', () => {
      this.monitor = null;
    });
    this.monitor = monitor;
    return monitor;
  }

  windows(): BrowserWindow[] {
    return [this.wizard, this.monitor].filter(
      (window): window is BrowserWindow => window !== null && !window.isDestroyed(),
    );
  }

  isAnyFocused(): boolean {
    return this.windows().some((window) => window.isFocused());
  }
}
