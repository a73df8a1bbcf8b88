// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { holdCalls } from '../helpers/fake-api';
import { flush } from '../helpers/render-app';
import { apiWithLuns, GIB, openAction, submit, type } from './lun-actions.helpers';

describe('extend dialog', () => {
  it('shows the most the LUN can grow, refuses an empty or too large amount naming the rule, sends bytesToAdd', async () => {
    const api = apiWithLuns();
    api.maxExtendFor = () => 4 * GIB;
    await openAction('Data 1', /^Extend/, { api });
    const dialog = screen.getByRole('dialog', { name: 'Extend LUN Data 1' });
    expect(api.maxLunExtendSize).toHaveBeenCalledWith({ subsystemId: 'sub-a', lunId: '1' });
    expect(within(dialog).getByTestId('max-extend').textContent).toBe(
      'At most 4 GiB more (to 14 GiB) on these drives',
    );
    submit();
    expect(within(dialog).getByText('Enter a size.')).toBeTruthy();
    type('amount-input', '5');
    expect(within(dialog).getByText('Too large: at most 4 GiB can be added.')).toBeTruthy();
    submit();
    expect(api.extendLun).not.toHaveBeenCalled();
    type('amount-input', '1.5');
    expect(within(dialog).getByTestId('extend-after').textContent).toContain('11.5 GiB');
    submit();
    await act(flush);
    expect(api.lunRequests).toEqual([
      { kind: 'extendLun', request: { subsystemId: 'sub-a', lunId: '1', bytesToAdd: 1.5 * GIB } },
    ]);
  });

  it('manual drives while the drives are still being read: says so, offers no empty picker, then the drives', async () => {
    const api = apiWithLuns();
    const release = holdCalls(api.listDrives);
    await openAction('Data 1', /^Extend/, { api });
    fireEvent.click(screen.getByRole('radio', { name: /^Manual/ }));
    const dialog = screen.getByRole('dialog', { name: 'Extend LUN Data 1' });
    expect(within(dialog).getByTestId('drives-loading').textContent).toContain('Reading the drives…');
    expect(within(dialog).queryByRole('checkbox', { name: /^Bay d2/ })).toBeNull();
    await act(async () => {
      release();
      await flush();
    });
    expect(within(dialog).queryByTestId('drives-loading')).toBeNull();
    expect(within(dialog).getByRole('checkbox', { name: /^Bay d2/ })).toBeTruthy();
  });

  it('to a total size: must be larger than now; sends newSizeBytes (German number format)', async () => {
    const api = apiWithLuns();
    await openAction('Data 1', /^Erweitern/, { api, language: 'de' });
    fireEvent.click(screen.getByRole('radio', { name: 'Auf eine Gesamtgröße' }));
    type('amount-input', '10');
    expect(screen.getByText('Die neue Größe muss größer als die aktuelle (10 GiB) sein.')).toBeTruthy();
    type('amount-input', '10.5');
    expect(screen.getByText(/„10\.5“ ist in dieser Sprache mehrdeutig/)).toBeTruthy();
    type('amount-input', '10,5');
    submit();
    await act(flush);
    expect(api.lunRequests[0]).toEqual({
      kind: 'extendLun',
      request: { subsystemId: 'sub-a', lunId: '1', newSizeBytes: 10.5 * GIB },
    });
  });

  it('use maximum on chosen drives in order: the maximum is asked for those drives, useMaximum is sent', async () => {
    const api = apiWithLuns();
    api.maxExtendFor = (r) => (r.driveIds ? 2 * GIB : 8 * GIB);
    await openAction('Data 1', /^Extend/, { api });
    fireEvent.click(screen.getByRole('radio', { name: 'Use maximum' }));
    fireEvent.click(screen.getByRole('radio', { name: /^Manual/ }));
    submit();
    expect(screen.getByText('Choose at least one drive, or let the subsystem choose.')).toBeTruthy();
    expect(api.extendLun).not.toHaveBeenCalled();
    // the wizard's picker: unusable drives are offered disabled with the reason
    expect((screen.getByRole('checkbox', { name: /^Bay d3/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Bay d2/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^Bay d0/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Move Bay d0 up' }));
    await act(flush);
    expect(api.maxLunExtendSize).toHaveBeenLastCalledWith({
      subsystemId: 'sub-a',
      lunId: '1',
      driveIds: ['d0', 'd2'],
    });
    expect(screen.getByTestId('max-extend').textContent).toBe(
      'At most 2 GiB more (to 12 GiB) on these drives',
    );
    submit();
    await act(flush);
    expect(api.lunRequests[0]).toEqual({
      kind: 'extendLun',
      request: { subsystemId: 'sub-a', lunId: '1', driveIds: ['d0', 'd2'], useMaximum: true },
    });
  });

  it('follows the queued extension live in place: percent, progress bar, then the new size', async () => {
    const api = apiWithLuns();
    await openAction('Data 1', /^Extend/, { api });
    type('amount-input', '1');
    submit();
    await act(flush);
    const queued = api.history.at(-1)!;
    const inPlace = () => screen.getByTestId('action-operation');
    expect(inPlace().getAttribute('data-state')).toBe('queued');
    expect((screen.getByTestId('action-fields') as HTMLFieldSetElement).disabled).toBe(true);
    act(() =>
      api.emit({
        type: 'operationsProgress',
        operations: [{ ...queued, state: 'running', percent: 25, etaSeconds: 30 }],
      }),
    );
    expect(screen.getByTestId('action-operation-line').textContent).toBe('Running · 25 % · Remaining: 0:30');
    expect(within(inPlace()).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.25');
    act(() =>
      api.emit({
        type: 'operationsProgress',
        operations: [{ ...queued, state: 'running', percent: 60, etaSeconds: 12 }],
      }),
    );
    expect(within(inPlace()).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.6');
    expect(screen.getByTestId('action-cancel')).toBeTruthy();
    const result = { ...api.snapshot.luns['sub-a']![0]!, sizeBytes: 11 * GIB };
    api.snapshot.luns['sub-a']![0] = result;
    act(() =>
      api.emit({
        type: 'operationFinished',
        operation: { ...queued, state: 'succeeded', percent: 100, endedAt: new Date().toISOString(), result },
      }),
    );
    await act(flush);
    expect(screen.getByTestId('action-result').textContent).toBe('LUN Data 1 is now 11 GiB.');
    expect(screen.queryByTestId('action-cancel')).toBeNull();
    expect(api.getInventory).toHaveBeenLastCalledWith({ refresh: true });
    fireEvent.click(screen.getByTestId('action-close'));
    await act(flush);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
