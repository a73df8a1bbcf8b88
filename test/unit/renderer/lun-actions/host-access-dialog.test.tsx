// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { flush } from '../helpers/render-app';
import { apiWithLuns, openAction, submit, type } from './lun-actions.helpers';

describe('host access dialog', () => {
  it("shows the current list and checks each entry with the wizard's rule before sending", async () => {
    const api = apiWithLuns();
    await openAction('Data 1', /^Host access/, { api });
    const dialog = screen.getByRole('dialog', { name: 'Host access of LUN Data 1' });
    expect(within(dialog).getByTestId('access-current').textContent).toBe('Now unmasked to: No host');
    submit();
    expect(within(dialog).getByText('This is the current host access: change it, or cancel.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Only these initiators' }));
    type('initiators', 'iqn.1991-05.com.microsoft:host1\nnot-a-host');
    expect(screen.getByText('"not-a-host" is not an IQN, EUI, NAA name or 16-digit hex WWN.')).toBeTruthy();
    submit();
    expect(api.setLunMask).not.toHaveBeenCalled();
    type('initiators', 'iqn.1991-05.com.microsoft:host1\nIQN.1991-05.com.microsoft:HOST1');
    expect(screen.getByText('"IQN.1991-05.com.microsoft:HOST1" is listed more than once.')).toBeTruthy();
    type('initiators', 'iqn.1991-05.com.microsoft:host1, eui.0123456789ABCDEF');
    submit();
    await act(flush);
    expect(api.lunRequests).toEqual([
      {
        kind: 'setLunMask',
        request: {
          subsystemId: 'sub-a',
          lunId: '1',
          unmaskingList: 'iqn.1991-05.com.microsoft:host1;eui.0123456789ABCDEF',
        },
      },
    ]);
  });

  it('from all hosts to none sends "" and shows the instant result', async () => {
    const api = apiWithLuns();
    await openAction('Data 2', /^Host access/, { api });
    expect(screen.getByTestId('access-current').textContent).toBe('Now unmasked to: All hosts');
    expect((screen.getByRole('radio', { name: 'All hosts' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /^No host/ }));
    submit();
    await act(flush);
    expect(api.lunRequests[0]!.request).toEqual({ subsystemId: 'sub-a', lunId: '2', unmaskingList: '' });
    const op = api.history.at(-1)!;
    act(() =>
      api.emit({
        type: 'operationFinished',
        operation: { ...op, state: 'succeeded', percent: 100, endedAt: new Date().toISOString() },
      }),
    );
    expect(screen.getByTestId('action-result').textContent).toBe('Host access is changed.');
    // a synchronous kind: no progress bar, no cancel
    expect(within(screen.getByTestId('action-operation')).queryByRole('progressbar')).toBeNull();
    expect(screen.queryByTestId('action-cancel')).toBeNull();
  });

  it('the same field in German, with the German per-entry message', async () => {
    await openAction('Data 1', /^Hostzugriff/, { language: 'de' });
    fireEvent.click(screen.getByRole('radio', { name: 'Nur diese Initiatoren' }));
    type('initiators', 'xyz');
    expect(
      screen.getByText('„xyz“ ist weder ein IQN noch ein EUI- oder NAA-Name noch ein WWN aus 16 Hexziffern.'),
    ).toBeTruthy();
  });
});
