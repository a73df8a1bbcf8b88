// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError } from '../helpers/fake-api';
import { inventory } from '../helpers/fixtures';
import { FakeApi } from '../helpers/fake-api';
import { flush } from '../helpers/render-app';
import { apiWithLuns, lun, openAction, submit, type } from './lun-actions.helpers';

describe('delete dialog', () => {
  it("keeps Delete disabled until the LUN's name is typed exactly, then deletes", async () => {
    const api = apiWithLuns();
    await openAction('Data 1', /^Delete/, { api });
    const dialog = screen.getByRole('dialog', { name: 'Delete LUN Data 1' });
    expect(dialog.textContent).toContain('LUN Data 1 (10 GiB) and all data on it will be deleted.');
    expect(within(dialog).queryByTestId('delete-confirm-unmasked')).toBeNull();
    const button = within(dialog).getByRole('button', { name: 'Delete Data 1' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    for (const almost of ['data 1', 'Data ', 'Data 1 ', ' Data 1']) {
      type('delete-typed', almost);
      expect(button.getAttribute('aria-disabled'), almost).toBe('true');
      fireEvent.click(button);
      await act(flush);
    }
    fireEvent.blur(screen.getByTestId('delete-typed'));
    expect(within(dialog).getByText('Type Data 1 exactly to confirm.')).toBeTruthy();
    expect(api.deleteLun).not.toHaveBeenCalled();
    type('delete-typed', 'Data 1');
    expect(button.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(button);
    await act(flush);
    expect(api.lunRequests).toEqual([{ kind: 'deleteLun', request: { subsystemId: 'sub-a', lunId: '1' } }]);
  });

  it('a LUN without a name is confirmed by its id', async () => {
    const snap = inventory();
    snap.luns['sub-a'] = [lun('7f3a', { name: '' })];
    const api = new FakeApi(snap);
    await openAction('7f3a', /^Delete/, { api });
    expect(screen.getByText('Type 7f3a to confirm')).toBeTruthy();
    type('delete-typed', '7f3a');
    submit();
    await act(flush);
    expect(api.lunRequests[0]!.request).toEqual({ subsystemId: 'sub-a', lunId: '7f3a' });
  });

  it('a LUN hosts can see needs a second confirmation and sends confirmUnmasked', async () => {
    const api = apiWithLuns();
    await openAction('Data 2', /^Delete/, { api });
    type('delete-typed', 'Data 2');
    submit();
    expect(screen.getByText('Confirm that hosts lose this LUN.')).toBeTruthy();
    expect(api.deleteLun).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Hosts can still see this LUN (All hosts): delete it anyway.' }),
    );
    submit();
    await act(flush);
    expect(api.lunRequests[0]!.request).toEqual({ subsystemId: 'sub-a', lunId: '2', confirmUnmasked: true });
  });

  it('shows E_LUN_BUSY naming the running operation (in German: translated, the host wording kept)', async () => {
    const api = apiWithLuns();
    const message =
      'extension (operation op-9) is running on LUN "Data 1" (1): one operation at a time per LUN, so this one was not queued.';
    api.lunOperationError = apiError('E_LUN_BUSY', 0x80042413, message);
    await openAction('Data 1', /^Löschen/, { api, language: 'de' });
    type('delete-typed', 'Data 1');
    submit();
    await act(flush);
    expect(screen.getByTestId('error-code').textContent).toBe('E_LUN_BUSY');
    expect(screen.getByTestId('error-message').textContent).toContain('pro LUN nur ein Vorgang');
    expect(screen.getByTestId('error-original').textContent).toContain('operation op-9');
    expect(screen.queryByTestId('action-operation')).toBeNull();
  });
});
