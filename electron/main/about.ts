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
