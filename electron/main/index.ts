// App lifecycle: one instance, host first, then the windows; quitting asks while LUN creations run, then
// shuts the host down (running operations are canceled, queued ones marked interrupted in the journal).
import * as path from 'node:path';
import {
  app,
  BrowserWindow,
  crashReporter,
  dialog,
  ipcMain,
  Menu,
  Notification,
  session,
  shell,
} from 'electron';
import { formatHresult, type Operation } from '../contract/model';
import { isApiError } from '../contract/errors';
import { confirmCancelOnQuit, showAbout } from './dialogs';
import { fileAppLocation, type AppLocation } from './app-location';
import type { HostPort } from './host-port';
import { registerIpc, type IpcBridge } from './ipc';
import { parseLaunchOptions } from './launch-options';
import { buildMenuTemplate } from './menu';
import { createOperationNotifier } from './notifications';
import { createQuitGuard, isActive } from './quit-guard';
import { hardenAllWebContents, hardenSession } from './security';
import { SettingsStore } from './settings';
import { userPaths } from '../contract/user-paths';
import { startDesktopHost } from './start-host';
import { TrustedSenders } from './trusted-sender';
import { WindowManager } from './windows';
import { openHostLog } from '../host/log/host-log';
import { installCrashHandler } from '../host/crash/crash-handler';

const PRELOAD_PATH = path.join(__dirname, '../preload/index.cjs');
const RENDERER_INDEX = path.join(__dirname, '../renderer/index.html');
const ICON_PATH = path.join(__dirname, '../../assets/icons/icon-512.png');

/** What a second launch does; nothing until the main window exists. */
let bringToFront: () => void = () => undefined;

function appLocation(): AppLocation {
  return fileAppLocation(RENDERER_INDEX);
}

function describeStartupError(error: unknown): string {
  if (isApiError(error)) {
    const action = error.action ? `\n\n${error.action}` : '';
    return `${error.message} (${error.code} ${formatHresult(error.hresult)})${action}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function start(): Promise<void> {
  const location = appLocation();
  hardenAllWebContents(app, location);
  hardenSession(session.defaultSession);

  const settings = SettingsStore.inFolder(userPaths().configDir); // the folder every shell uses
  const trusted = new TrustedSenders(location);
  // The guard exists before the host (the main window needs it); it asks the host once there is one.
  const started: { host?: HostPort } = {};
  const quitGuard = createQuitGuard({
    activeOperations: async () => {
      const reply = await started.host?.dispatch('listOperations', undefined);
      return reply?.ok ? (reply.value as Operation[]).filter(isActive) : [];
    },
    confirm: (count) => confirmCancelOnQuit(count, BrowserWindow.getFocusedWindow() ?? undefined),
  });
  const windows = new WindowManager({
    location,
    preloadPath: PRELOAD_PATH,
    iconPath: ICON_PATH,
    onWindowCreated: (window) => trusted.trust(window.webContents),
    mayCloseWizard: () => quitGuard.mayQuit(),
  });

  let host: HostPort;
  try {
    host = await startDesktopHost({
      ...parseLaunchOptions(process.argv),
      openMonitor: () => windows.openMonitor({ focus: true }),
    });
  } catch (error) {
    log.error('the host could not start', error);
    dialog.showErrorBox('LUN Studio could not start', describeStartupError(error));
    app.exit(1);
    return;
  }

  started.host = host;
  const ipc: IpcBridge = registerIpc({ ipcMain, host, trusted, onUnexpected: crash.fatal });

  const notifier = createOperationNotifier({
    isAppFocused: () => windows.isAnyFocused(),
    show: (title, body) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body });
      notification.on('click', () => windows.openMonitor({ focus: true }));
      notification.show();
    },
  });
  const unsubscribe = host.subscribe((event) => {
    ipc.broadcast(event);
    notifier.handle(event);
    if (event.type === 'operationStarted' && settings.get().openMonitorOnOperationStart) {
      windows.openMonitor({ focus: false });
    }
  });

  const installMenu = () => {
    const template = buildMenuTemplate(
      {
        isDev: !app.isPackaged,
        isMac: process.platform === 'darwin',
        openMonitorOnOperationStart: settings.get().openMonitorOnOperationStart,
      },
      {
        newLun: () => windows.openWizard('newLun'),
        openMonitor: () => windows.openMonitor({ focus: true }),
        setOpenMonitorOnOperationStart: (enabled) => {
          settings.update({ openMonitorOnOperationStart: enabled });
          installMenu();
        },
        about: () => showAbout(BrowserWindow.getFocusedWindow() ?? windows.windows()[0]),
        openLogFolder: () => {
          void shell.openPath(log.dir).then((problem) => {
            if (problem)
              dialog.showErrorBox('The log folder could not be opened', `${log.dir}\n\n${problem}`);
          });
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  installMenu();

  bringToFront = () => windows.openWizard();
  app.on('activate', () => windows.openWizard());
  app.on('window-all-closed', () => app.quit());

  // before-quit: ask (operations still running?), then shut the host down, then really quit.
  let shutDown = false;
  let quitting = false;
  app.on('before-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    void quitGuard.mayQuit().then(async (allowed) => {
      if (!allowed) {
        quitting = false;
        return;
      }
      unsubscribe();
      ipc.dispose();
      try {
        await host.shutdown();
      } catch (error) {
        console.error('LUN Studio: host shutdown failed:', describeStartupError(error));
      }
      shutDown = true;
      app.quit();
    });
  });

  windows.openWizard();
}

// Every renderer is sandboxed, whatever a window's preferences say.
app.enableSandbox();

// The log, local crash dumps (never uploaded) next to it, and the fatal path: an error nothing caught is
// logged, shown in a dialog, the host closes (the journal marks running operations interrupted), exit 1.
const log = openHostLog({ shell: 'desktop' });
const crashDumps = path.join(log.dir, 'crash-dumps');
app.setPath('crashDumps', crashDumps);
crashReporter.start({ uploadToServer: false, compress: true });
log.info('desktop starting', { crashDumps, version: app.getVersion() });
const crash = installCrashHandler(process, {
  log,
  tell: (title, message) => dialog.showErrorBox(title, message),
  exit: (code) => app.exit(code),
});

if (!app.requestSingleInstanceLock()) {
  // Another LUN Studio is running: it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => bringToFront());
  app.whenReady().then(start, (error: unknown) => {
    console.error('LUN Studio failed to start:', error);
    app.exit(1);
  });
}
