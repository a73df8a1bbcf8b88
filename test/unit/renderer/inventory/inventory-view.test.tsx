// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { apiError, FakeApi } from '../helpers/fake-api';
import { drive, inventory, TIB } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';

const rowNames = () =>
  screen.getAllByTestId('drive-row').map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('inventory view', () => {
  it('shows the provider and state file, subsystem capacity, drives and an empty LUN list', async () => {
    await renderWithApp(<InventoryView />);
    expect(screen.getByTestId('provider-info').textContent).toContain(
      'Provider: Simulated array · State file: /tmp/state.json',
    );
    expect(screen.queryByTestId('log-folder')).toBeNull();
    const card = screen.getAllByTestId('subsystem-card')[0]!;
    expect(card.textContent).toContain('1 TiB used · 4 TiB free of 5 TiB');
    expect(card.textContent).toContain(
      'LUN types: Simple, Span, Stripe (RAID 0), Mirror (RAID 1), Parity (RAID 5)',
    );
    expect(rowNames()).toEqual(['Bay d0', 'Bay d1', 'Bay d2', 'Bay d3', 'Bay d4']);
    expect(screen.getByText('This subsystem has no LUNs yet.')).toBeTruthy();
  });

  it('names each subsystem card in words: counts in the right number, no raw 0–1 capacity value', async () => {
    const snapshot = inventory();
    snapshot.subsystems[1] = { ...snapshot.subsystems[1]!, driveCount: 1, lunCount: 1 };
    await renderWithApp(<InventoryView />, { api: new FakeApi(snapshot) });
    const [a, b] = screen.getAllByRole('button', { name: /Contoso Array A|Fabrikam B/ });
    expect(a!.textContent).toContain('5 drives · 0 LUNs');
    expect(b!.textContent).toContain('1 drive · 1 LUN');
    expect(b!.textContent).not.toContain('1 drives');
    // jsdom computes no accessible name; the bar that would put "0.2" into it must be hidden from the tree
    expect(within(a!).queryByRole('progressbar')).toBeNull();
    expect(within(a!).getByRole('progressbar', { hidden: true }).getAttribute('aria-hidden')).toBe('true');
  });

  it('shows where the owner keeps its log, in English and German', async () => {
    const snapshot = inventory();
    snapshot.provider.logDir = '/home/alice/.local/share/lun-studio/logs';
    await renderWithApp(<InventoryView />, { api: new FakeApi(snapshot) });
    expect(screen.getByTestId('log-folder').textContent).toBe(
      'Log folder: /home/alice/.local/share/lun-studio/logs',
    );
  });

  it('sorts drives by a column (again = reverse) and filters them', async () => {
    await renderWithApp(<InventoryView />);
    fireEvent.click(screen.getByRole('button', { name: 'Free' }));
    expect(rowNames()[0]).toBe('Bay d2');
    expect(screen.getByRole('columnheader', { name: /Free/ }).getAttribute('aria-sort')).toBe('ascending');
    // the arrow is for the eye: the button's name stays "Free", aria-sort says the direction
    fireEvent.click(screen.getByRole('button', { name: 'Free' }));
    expect(screen.getByRole('columnheader', { name: /Free/ }).getAttribute('aria-sort')).toBe('descending');
    expect(rowNames().at(-1)).toBe('Bay d2');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter drives' }), {
      target: { value: 'hot spare' },
    });
    expect(rowNames()).toEqual(['Bay d4']);
    expect(screen.getByText('1 of 5 drives shown')).toBeTruthy();
    // a sort change keeps the filter; clearing the filter brings every drive back in the sort order
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    expect(rowNames()).toEqual(['Bay d4']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter drives' }), { target: { value: '' } });
    expect(screen.getByText('5 of 5 drives shown')).toBeTruthy();
    expect(rowNames()[0]).toBe('Bay d0');
  });

  it('renders only a window of rows for 32,768 drives', async () => {
    const snap = inventory();
    snap.drives['sub-a'] = Array.from({ length: 32_768 }, (_, i) =>
      drive(`x${i}`, { name: `Drive ${String(i).padStart(5, '0')}`, slot: i, freeBytes: TIB }),
    );
    await renderWithApp(<InventoryView />, { api: new FakeApi(snap) });
    expect(screen.getByText('32768 of 32768 drives shown')).toBeTruthy();
    expect(screen.getAllByTestId('drive-row').length).toBeLessThan(60);
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(rowNames()[0]).toBe('Drive 32767');
  });

  it('Refresh asks the host to re-read; a pushed inventory shows up', async () => {
    const { api, store } = await renderWithApp(<InventoryView />);
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(api.getInventory).toHaveBeenLastCalledWith({ refresh: true });
    const snap = inventory();
    snap.luns['sub-a'] = [
      {
        id: 'l1',
        subsystemId: 'sub-a',
        name: 'Data 1',
        identification: '',
        type: 'mirror',
        sizeBytes: 2 ** 30,
        status: 'online',
        health: 'healthy',
        unmaskingList: '*',
        driveIds: [],
      },
    ];
    act(() => api.emitInventory(snap));
    const row = screen.getByTestId('lun-row');
    expect(row.textContent).toBe('Data 1Mirror (RAID 1)1 GiBOnlineHealthyAll hostsActions');
    expect(store.getState().inventory?.luns['sub-a']).toHaveLength(1);
  });

  it("reads the shown subsystem's drives on demand; a failed read shows code, HRESULT and message with Retry", async () => {
    const api = new FakeApi();
    api.listDrivesError = apiError('VDS_E_PROVIDER_FAILURE', 0x80042404, 'The provider failed.');
    await renderWithApp(<InventoryView />, { api });
    expect(api.listDrives).toHaveBeenCalledWith({ subsystemId: 'sub-a' });
    expect(screen.queryByTestId('drive-row')).toBeNull();
    const failure = screen.getByTestId('drives-load-error');
    expect(within(failure).getByTestId('error-code').textContent).toBe('VDS_E_PROVIDER_FAILURE');
    expect(within(failure).getByTestId('error-hresult').textContent).toBe('0x80042404');
    expect(within(failure).getByTestId('error-message').textContent).toContain('The provider failed.');
    api.listDrivesError = null;
    fireEvent.click(within(failure).getByRole('button', { name: 'Retry' }));
    expect(screen.getByTestId('drives-loading')).toBeTruthy();
    await act(flush);
    expect(screen.queryByTestId('drives-load-error')).toBeNull();
    expect(rowNames()).toHaveLength(5);
    // the card counts the failed drive without any drive list
    expect(screen.getAllByTestId('subsystem-card')[0]!.textContent).toContain('1 drive');
  });
});
