// The application menu. The template is built from plain options so it can be tested without Electron.
import type { MenuItemConstructorOptions } from 'electron';

export const MONITOR_SHORTCUT = 'CmdOrCtrl+Shift+M';

export interface MenuState {
  isDev: boolean;
  isMac: boolean;
  openMonitorOnOperationStart: boolean;
}

export interface MenuActions {
  newLun(): void;
  openMonitor(): void;
  setOpenMonitorOnOperationStart(enabled: boolean): void;
  about(): void;
  /** Opens the per-user log folder (lun-studio.log, audit.log, crash-dumps) in the file manager. */
  openLogFolder(): void;
}

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'new-lun', label: '&New LUN…', accelerator: 'CmdOrCtrl+N', click: () => actions.newLun() },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const devItems: MenuItemConstructorOptions[] = state.isDev
    ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      {
        id: 'progress-monitor',
        label: '&Progress Monitor',
        accelerator: MONITOR_SHORTCUT,
        click: () => actions.openMonitor(),
      },
      {
        id: 'open-monitor-on-start',
        label: 'Open Monitor When an Operation &Starts',
        type: 'checkbox',
        checked: state.openMonitorOnOperationStart,
        click: (item) => actions.setOpenMonitorOnOperationStart(item.checked),
      },
      { type: 'separator' },
      ...devItems,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { id: 'open-log-folder', label: 'Open &Log Folder', click: () => actions.openLogFolder() },
      { type: 'separator' },
      { id: 'about', label: '&About LUN Studio', click: () => actions.about() },
    ],
  };
  // macOS puts Quit in the app menu and needs an Edit menu for the clipboard shortcuts.
  return state.isMac ? [{ role: 'appMenu' }, file, { role: 'editMenu' }, view, help] : [file, view, help];
}
