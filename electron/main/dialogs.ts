import { app, dialog, type BrowserWindow } from 'electron';

export function showAbout(parent: BrowserWindow | undefined): void {
  const options = {
    type: 'info' as const,
    title: 'About LUN Studio',
    message: `LUN Studio ${app.getVersion()}`,
    detail: [
      'A console for storage administrators: subsystems, drives and LUNs over the Windows Virtual Disk Service,',
      'with a built-in simulated array.',
      '',
      `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['OK'],
  };
  void (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

/** Quitting with LUN creations still running: true = cancel them and quit. */
export async function confirmCancelOnQuit(
  activeCount: number,
  parent: BrowserWindow | undefined,
): Promise<boolean> {
  const what = activeCount === 1 ? '1 LUN creation is' : `${activeCount} LUN creations are`;
  const options = {
    type: 'warning' as const,
    title: 'LUN Studio',
    message: `${what} still running.`,
    detail: 'Quitting cancels them: a LUN whose creation is canceled is not created.',
    buttons: ['Keep Running', 'Cancel Them and Quit'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = await (parent
    ? dialog.showMessageBox(parent, options)
    : dialog.showMessageBox(options));
  return response === 1;
}
