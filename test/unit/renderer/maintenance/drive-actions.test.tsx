// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lun } from '../../../../electron/contract/model';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { apiError, type FakeApi } from '../helpers/fake-api';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithMap } from './maintenance.helpers';

const driveRow = (id: string) =>
  screen.getAllByTestId('drive-row').find((r) => r.getAttribute('data-drive-id') === id)!;

async function driveAction(api: FakeApi, driveName: string, item: RegExp, language?: 'en' | 'de') {
  const rendered = await renderWithApp(<InventoryView />, { api, language });
  await act(flush);
  fireEvent.click(
    screen.getByRole('button', {
      name: new RegExp(`^(Actions for drive|Aktionen für Laufwerk) ${driveName}$`),
    }),
  );
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
  await act(flush);
  return rendered;
}

describe('drive actions', () => {
  it('identify on: sends the request, says when the light is on, and the drive shows the identify flag', async () => {
    const api = apiWithMap();
    await driveAction(api, 'Bay d0', /^Turn identify light on$/);
    expect(api.driveRequests).toEqual([
      { kind: 'identifyDrive', request: { subsystemId: 'sub-a', driveId: 'd0', on: true } },
    ]);
    api.patchDrive({ subsystemId: 'sub-a', driveId: 'd0' }, { identifying: true });
    act(() => void api.finish(api.history.at(-1)!));
    await act(flush);
    expect(screen.getByTestId('drive-feedback-done').textContent).toBe('The identify light of Bay d0 is on.');
    expect(api.getInventory).toHaveBeenLastCalledWith({ refresh: true });
    expect(within(driveRow('d0')).getAllByRole('cell')[7]!.textContent).toContain('Identify light on');
    // the menu now offers to turn it off
    fireEvent.click(screen.getByRole('button', { name: 'Actions for drive Bay d0' }));
    expect(await screen.findByRole('menuitem', { name: 'Turn identify light off' })).toBeTruthy();
  });

  it('hot spare on a drive in use: the refusal is shown with its code and reason', async () => {
    const api = apiWithMap();
    api.driveOperationError = apiError(
      'VDS_E_DEVICE_IN_USE',
      0x80042413,
      'Bay d1 holds extents of LUN Data 2 and Data 3: it cannot be a hot spare.',
      'Move or delete those LUNs first.',
    );
    await driveAction(api, 'Bay d1', /^Make hot spare$/);
    expect(api.setHotSpare).toHaveBeenCalledWith({ subsystemId: 'sub-a', driveId: 'd1', hotSpare: true });
    const feedback = screen.getByTestId('drive-feedback');
    expect(within(feedback).getByTestId('error-code').textContent).toBe('VDS_E_DEVICE_IN_USE');
    expect(within(feedback).getByTestId('error-hresult').textContent).toBe('0x80042413');
    expect(feedback.textContent).toContain('Hot spare of Bay d1 not changed');
    expect(feedback.textContent).toContain('it cannot be a hot spare');
  });

  it('hot spare off on a spare (German): the request and the result', async () => {
    const api = apiWithMap();
    await driveAction(api, 'Bay d4', /^Hot Spare aufheben$/, 'de');
    expect(api.driveRequests[0]).toEqual({
      kind: 'setHotSpare',
      request: { subsystemId: 'sub-a', driveId: 'd4', hotSpare: false },
    });
    act(() => void api.finish(api.history.at(-1)!));
    await act(flush);
    expect(screen.getByTestId('drive-feedback-done').textContent).toBe('Bay d4 ist kein Hot Spare mehr.');
  });

  it('only a failed drive offers Replace', async () => {
    await renderWithApp(<InventoryView />, { api: apiWithMap() });
    fireEvent.click(screen.getByRole('button', { name: 'Actions for drive Bay d0' }));
    const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
    expect(items).toEqual(['Turn identify light on', 'Make hot spare']);
  });

  it('replace a failed drive: offers only empty unassigned drives and standby spares large enough, needs a yes, then recovers the LUN it hurt with live progress', async () => {
    const api = apiWithMap();
    await driveAction(api, 'Bay d3', /^Replace drive/);
    const dialog = screen.getByRole('dialog', { name: 'Replace drive Bay d3' });
    expect(dialog.textContent).toContain(
      'The extents of Data 1 on Bay d3 (10 GiB) move to the drive you pick.',
    );
    const offered = within(dialog)
      .getAllByRole('radio')
      .map((r) => (r as HTMLInputElement).labels?.[0]?.textContent);
    expect(offered).toEqual([
      'Bay d4 · 1 TiB · bus 0, slot 4 · standby hot spare',
      'Shelf 1 Bay 0 · 1 TiB · bus 1, slot 0 · unassigned',
    ]);
    fireEvent.click(within(dialog).getByTestId('replace-submit'));
    expect(dialog.textContent).toContain('Choose the drive that takes its place.');
    expect(dialog.textContent).toContain('Confirm the replacement.');
    expect(api.replaceDrive).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Bay d4/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Replace Bay d3 by Bay d4' }));
    fireEvent.click(within(dialog).getByTestId('replace-submit'));
    await act(flush);
    expect(api.driveRequests).toEqual([
      { kind: 'replaceDrive', request: { subsystemId: 'sub-a', driveId: 'd3', replacementDriveId: 'd4' } },
    ]);
    const replace = api.history.at(-1)!;
    const lun1: Lun = { ...api.snapshot.luns['sub-a']![0]!, driveIds: ['d0', 'd4'] };
    act(() => void api.finish(replace, { lunsToRecover: [lun1] }));
    await act(flush);
    expect(within(dialog).getByTestId('action-result').textContent).toBe('Bay d3 is replaced by Bay d4.');
    // (jsdom: once the Replace button is gone Tabster marks the surface aria-hidden; query by test id)
    const recoverButton = within(dialog).getByTestId('replace-recover-lun');
    expect(recoverButton.textContent).toBe('Recover LUN Data 1');
    fireEvent.click(recoverButton);
    await act(flush);
    expect(api.lunRequests).toEqual([{ kind: 'recoverLun', request: { subsystemId: 'sub-a', lunId: '1' } }]);
    const recover = api.history.at(-1)!;
    act(() =>
      api.emit({
        type: 'operationsProgress',
        operations: [{ ...recover, state: 'running', percent: 50, etaSeconds: 3 }],
      }),
    );
    const inPlace = within(dialog)
      .getAllByTestId('action-operation')
      .find((s) => s.getAttribute('data-operation-id') === recover.id)!;
    expect(within(inPlace).getByTestId('action-operation-line').textContent).toBe(
      'Running · 50 % · Remaining: 0:03',
    );
    expect(within(inPlace).getByTestId('action-progress').getAttribute('aria-valuenow')).toBe('0.5');
    act(() => void api.finish(recover, { result: { ...lun1, health: 'healthy' } }));
    await act(flush);
    expect(within(inPlace).getByTestId('action-result').textContent).toBe('LUN Data 1 is recovered.');
    fireEvent.click(within(dialog).getByTestId('replace-close'));
    await act(flush);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('replace refused by the host: the reason is shown and the form stays', async () => {
    const api = apiWithMap();
    api.driveOperationError = apiError(
      'VDS_E_NOT_ENOUGH_SPACE',
      0x80042415,
      'Bay d4 is too small: 10 GiB are needed.',
    );
    await driveAction(api, 'Bay d3', /^Replace drive/);
    const dialog = screen.getByRole('dialog', { name: 'Replace drive Bay d3' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Bay d4/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Replace Bay d3 by Bay d4' }));
    fireEvent.click(within(dialog).getByTestId('replace-submit'));
    await act(flush);
    expect(within(dialog).getByTestId('error-code').textContent).toBe('VDS_E_NOT_ENOUGH_SPACE');
    expect(within(dialog).getByTestId('replace-submit')).toBeTruthy();
  });

  it('replace that failed on the array: the error is shown, and "Change and try again" brings the form back with the choices kept', async () => {
    const api = apiWithMap();
    await driveAction(api, 'Bay d3', /^Replace drive/);
    const dialog = screen.getByRole('dialog', { name: 'Replace drive Bay d3' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Bay d4/ }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Replace Bay d3 by Bay d4' }));
    fireEvent.click(within(dialog).getByTestId('replace-submit'));
    await act(flush);
    const replace = api.history.at(-1)!;
    act(
      () =>
        void api.finish(replace, {
          state: 'failed',
          error: { code: 'VDS_E_IO_ERROR', hresult: 0x8004242b, message: 'The drive stopped answering.' },
        }),
    );
    await act(flush);
    expect(within(dialog).queryByTestId('replace-recover')).toBeNull();
    fireEvent.click(within(dialog).getByTestId('replace-again'));
    await act(flush);
    expect(within(dialog).queryByTestId('replace-again')).toBeNull();
    // (jsdom: Tabster leaves the surface aria-hidden after the buttons changed; find the inputs by label)
    expect(within(dialog).getByLabelText(/^Bay d4/)).toHaveProperty('checked', true);
    expect(within(dialog).getByLabelText('Replace Bay d3 by Bay d4')).toHaveProperty('checked', true);
    fireEvent.click(within(dialog).getByTestId('replace-submit'));
    await act(flush);
    expect(api.driveRequests).toHaveLength(2);
    expect(api.driveRequests[1]).toEqual(api.driveRequests[0]);
  });
});
