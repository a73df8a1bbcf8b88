import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions, type MenuState } from '../../../electron/main/menu';

function build(state: Partial<MenuState> = {}) {
  const actions: MenuActions = {
    newLun: vi.fn(),
    openMonitor: vi.fn(),
    setOpenMonitorOnOperationStart: vi.fn(),
    about: vi.fn(),
    openLogFolder: vi.fn(),
  };
  const template = buildMenuTemplate(
    { isDev: false, isMac: false, openMonitorOnOperationStart: true, ...state },
    actions,
  );
  return { template, actions };
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((top) => [
    top,
    ...((top.submenu as MenuItemConstructorOptions[] | undefined) ?? []),
  ]);
}
function find(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = items(template).find((candidate) => candidate.id === id);
  if (!item) throw new Error(`no menu item ${id}`);
  return item;
}
function click(item: MenuItemConstructorOptions, checked = false) {
  item.click?.({ checked } as MenuItem, undefined, {} as never);
}

describe('application menu', () => {
  it('has File, View and Help on Windows and Linux', () => {
    expect(build().template.map((top) => top.label)).toEqual(['&File', '&View', '&Help']);
  });

  it('File → New LUN… starts the wizard and File → Quit quits', () => {
    const { template, actions } = build();
    click(find(template, 'new-lun'));
    expect(actions.newLun).toHaveBeenCalledTimes(1);
    expect(items(template).some((item) => item.role === 'quit')).toBe(true);
  });

  it('View → Progress Monitor opens the monitor with CmdOrCtrl+Shift+M', () => {
    const { template, actions } = build();
    const item = find(template, 'progress-monitor');
    expect(item.accelerator).toBe('CmdOrCtrl+Shift+M');
    click(item);
    expect(actions.openMonitor).toHaveBeenCalledTimes(1);
  });

  it('shows the "open monitor when an operation starts" setting as a checkbox and saves changes', () => {
    const on = build({ openMonitorOnOperationStart: true });
    expect(find(on.template, 'open-monitor-on-start')).toMatchObject({ type: 'checkbox', checked: true });
    const off = build({ openMonitorOnOperationStart: false });
    const item = find(off.template, 'open-monitor-on-start');
    expect(item.checked).toBe(false);
    click(item, true);
    expect(off.actions.setOpenMonitorOnOperationStart).toHaveBeenCalledWith(true);
  });

  it('offers Reload only in development, Toggle Full Screen always', () => {
    expect(items(build({ isDev: false }).template).some((item) => item.role === 'reload')).toBe(false);
    expect(items(build({ isDev: true }).template).some((item) => item.role === 'reload')).toBe(true);
    expect(items(build().template).some((item) => item.role === 'togglefullscreen')).toBe(true);
  });

  it('Help → About shows the about box', () => {
    const { template, actions } = build();
    click(find(template, 'about'));
    expect(actions.about).toHaveBeenCalledTimes(1);
  });

  it('Help → Open Log Folder opens the log folder', () => {
    const { template, actions } = build();
    click(find(template, 'open-log-folder'));
    expect(actions.openLogFolder).toHaveBeenCalledTimes(1);
    expect(actions.about).not.toHaveBeenCalled();
  });
});
