// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { FakeApi } from '../helpers/fake-api';
import { inventory } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';
import { GIB, lun, openAction } from './lun-actions.helpers';

/** An inventory whose LUN is named as the simulator names them: "LUN 3". */
function apiWithSimName(): FakeApi {
  const snap = inventory();
  snap.luns['sub-a'] = [lun('3', { name: 'LUN 3' })];
  return new FakeApi(snap);
}

const ref = { subsystemId: 'sub-a', lunId: '3' };

describe('a LUN named "LUN 3" is never called "LUN LUN 3"', () => {
  it('in the row, its menu and the details panel', async () => {
    await renderWithApp(<InventoryView />, { api: apiWithSimName() });
    expect(screen.getByRole('button', { name: 'Actions for LUN 3' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show details of LUN 3' }));
    const panel = screen.getByRole('region', { name: 'LUN 3' });
    expect(within(panel).getByRole('group', { name: 'Actions for LUN 3' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/LUN LUN/);
  });

  it.each([
    [/^Extend/, 'Extend LUN 3'],
    [/^Shrink/, 'Shrink LUN 3'],
    [/^Host access/, 'Host access of LUN 3'],
    [/^Delete/, 'Delete LUN 3'],
  ])('in the title of the dialog %s', async (item, title) => {
    await openAction('3', item, { api: apiWithSimName() });
    expect(screen.getByRole('dialog', { name: title })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/LUN LUN/);
  });

  it('in the dialogs in German', async () => {
    await openAction('3', /^Löschen/, { api: apiWithSimName(), language: 'de' });
    const dialog = screen.getByRole('dialog', { name: 'LUN 3 löschen' });
    expect(dialog.textContent).toContain('LUN 3 (10 GiB) und alle Daten darauf werden gelöscht.');
    expect(document.body.textContent).not.toMatch(/LUN LUN/);
  });

  it('in the monitor rows, English and German', async () => {
    const seed = () => {
      const api = apiWithSimName();
      api.kindOperation({ kind: 'extendLun', request: { ...ref, bytesToAdd: GIB } });
      api.kindOperation(
        { kind: 'setLunMask', request: { ...ref, unmaskingList: '*' } },
        { state: 'succeeded' },
      );
      api.kindOperation({ kind: 'deleteLun', request: ref }, { state: 'succeeded' });
      return api;
    };
    await renderWithApp(<MonitorView monitorWindow={false} />, { api: seed() });
    await act(flush);
    const titles = () =>
      screen
        .getAllByTestId('operation-title')
        .map((t) => t.textContent)
        .sort();
    expect(titles()).toEqual([
      'Delete LUN 3 on Contoso Array A',
      'Extend LUN 3 by 1 GiB on Contoso Array A',
      'Host access of LUN 3 on Contoso Array A: All hosts',
    ]);
    expect(
      screen.getByRole('button', { name: 'Cancel: Extend LUN 3 by 1 GiB on Contoso Array A' }),
    ).toBeTruthy();
    cleanup();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api: seed(), language: 'de' });
    await act(flush);
    expect(titles()).toEqual([
      'Hostzugriff auf LUN 3 auf Contoso Array A: Alle Hosts',
      'LUN 3 auf Contoso Array A löschen',
      'LUN 3 auf Contoso Array A um 1 GiB erweitern',
    ]);
  });
});
