// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { renderWithApp } from '../helpers/render-app';
import { apiWithMap } from '../maintenance/maintenance.helpers';

const driveRow = (id: string) =>
  screen.getAllByTestId('drive-row').find((r) => r.getAttribute('data-drive-id') === id)!;
const lunRow = (id: string) =>
  screen.getAllByTestId('lun-row').find((r) => r.getAttribute('data-lun-id') === id)!;

describe('health you can see', () => {
  it('a failed drive and a degraded LUN stand out with a named icon; the degraded LUN names the drive that hurts it', async () => {
    const api = apiWithMap();
    api.snapshot.drives['sub-a']![0]!.flags = ['hotSpare', 'hotSpareInUse'];
    await renderWithApp(<InventoryView />, { api });
    expect(driveRow('d3').getAttribute('data-attention')).toBe('failed');
    expect(within(driveRow('d3')).getByRole('img', { name: 'Failed' })).toBeTruthy();
    expect(within(driveRow('d9')).getByRole('img', { name: 'Hot spare in use' })).toBeTruthy();
    expect(driveRow('d0').getAttribute('data-attention')).toBeNull();
    expect(within(driveRow('d0')).queryByRole('img')).toBeNull();

    expect(lunRow('1').getAttribute('data-attention')).toBe('degraded');
    expect(within(lunRow('1')).getByRole('img', { name: 'Degraded' })).toBeTruthy();
    expect(within(lunRow('1')).getByTestId('lun-hurt-by').textContent).toBe('Hurt by drive Bay d3');
    expect(within(lunRow('2')).queryByTestId('lun-hurt-by')).toBeNull();
    expect(lunRow('2').getAttribute('data-attention')).toBeNull();
  });

  it('each subsystem card counts the drives and LUNs that need attention (en and de)', async () => {
    await renderWithApp(<InventoryView />, { api: apiWithMap() });
    const [a, b] = screen.getAllByTestId('subsystem-attention');
    expect(a!.textContent).toBe('Needs attention: 1 drive · 1 LUN');
    expect(b!.textContent).toBe('All drives and LUNs are fine');
  });

  it('German: the counts and the drive that hurts a LUN', async () => {
    await renderWithApp(<InventoryView />, { api: apiWithMap(), language: 'de' });
    expect(screen.getAllByTestId('subsystem-attention')[0]!.textContent).toBe(
      'Braucht Aufmerksamkeit: 1 Laufwerk · 1 LUN',
    );
    expect(within(lunRow('1')).getByTestId('lun-hurt-by').textContent).toBe(
      'Beeinträchtigt durch Laufwerk Bay d3',
    );
    expect(within(driveRow('d3')).getByRole('img', { name: 'Ausgefallen' })).toBeTruthy();
  });
});
