// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { renderWithApp } from '../helpers/render-app';
import { apiWithLuns } from './lun-actions.helpers';

describe('LUN table actions and details', () => {
  it('each row has an actions menu named after its LUN with Extend, Shrink, Host access, Delete', async () => {
    await renderWithApp(<InventoryView />, { api: apiWithLuns() });
    fireEvent.click(screen.getByRole('button', { name: 'Actions for LUN Data 2' }));
    const items = (await screen.findAllByRole('menuitem')).map((i) => i.textContent);
    expect(items).toEqual(['Extend…', 'Shrink…', 'Host access…', 'Delete…']);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Host access…' }));
    expect(await screen.findByRole('dialog', { name: 'Host access of LUN Data 2' })).toBeTruthy();
  });

  it('selecting a row shows its details panel with type, size, status, health, hosts and drives', async () => {
    await renderWithApp(<InventoryView />, { api: apiWithLuns() });
    expect(screen.queryByTestId('lun-details')).toBeNull();
    const select = screen.getByRole('button', { name: 'Show details of LUN Data 2' });
    fireEvent.click(select);
    expect(select.getAttribute('aria-pressed')).toBe('true');
    const panel = screen.getByRole('region', { name: 'LUN Data 2' });
    expect(panel.textContent).toContain('TypeMirror (RAID 1)');
    expect(panel.textContent).toContain('Size10 GiB (10,737,418,240 bytes)');
    expect(panel.textContent).toContain('StatusOnline');
    expect(panel.textContent).toContain('HealthHealthy');
    expect(panel.textContent).toContain('Unmasked toAll hosts');
    expect(panel.textContent).toContain('DrivesBay d0, Bay d1');
    fireEvent.click(within(panel).getByRole('button', { name: 'Delete…' }));
    expect(await screen.findByRole('dialog', { name: 'Delete LUN Data 2' })).toBeTruthy();
  });
});
