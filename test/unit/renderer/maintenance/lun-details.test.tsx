// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { holdCalls } from '../helpers/fake-api';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithMap } from './maintenance.helpers';

const NAA = '6001405' + 'abcdef0123456789abcdef012';

async function showDetails(name: string, api = apiWithMap(), language?: 'en' | 'de') {
  const rendered = await renderWithApp(<InventoryView />, { api, language });
  await act(flush);
  fireEvent.click(
    screen.getByRole('button', {
      name: new RegExp(`^(Show details of LUN ${name}|Details von LUN ${name} anzeigen)$`),
    }),
  );
  await act(flush);
  return rendered;
}

describe('LUN details panel', () => {
  it('shows type, size, stripe size, status, health with the drive that hurts it, identifiers and the extents on each drive', async () => {
    const api = apiWithMap();
    api.details['1'] = {
      failedDriveIds: ['d3'],
      identificationData: {
        vendorId: 'LUNSTUD',
        productId: 'SIM ARRAY',
        productRevision: '1.0',
        serialNumber: 'LUN-1',
        identifiers: [
          { type: 'naa', codeSet: 'binary', association: 'device', value: NAA },
          { type: 'scsiName', codeSet: 'utf8', association: 'device', value: `naa.${NAA}` },
        ],
      },
    };
    await showDetails('Data 1', api);
    expect(api.lunDetails).toHaveBeenCalledWith({ subsystemId: 'sub-a', lunId: '1' });
    const panel = screen.getByRole('region', { name: 'LUN Data 1' });
    expect(panel.textContent).toContain('Stripe size–');
    expect(panel.textContent).toContain('HealthDegraded · Hurt by drive Bay d3');
    const ids = within(panel).getByTestId('lun-identifiers');
    expect(ids.textContent).toContain('VendorLUNSTUD');
    expect(ids.textContent).toContain('ProductSIM ARRAY');
    expect(ids.textContent).toContain('Serial numberLUN-1');
    expect(ids.textContent).toContain(`NAA (binary, device)${NAA}`);
    expect(ids.textContent).toContain(`SCSI name string (utf8, device)naa.${NAA}`);
    const placement = within(panel).getAllByTestId('lun-placement-row');
    expect(placement.map((r) => r.textContent)).toEqual([
      'Bay d0Online · Healthyat 0 B: 10 GiB10 GiB',
      'Bay d3Failed · Failed · hurts this LUNat 0 B: 10 GiB10 GiB',
    ]);
    expect(placement[1]!.getAttribute('data-hurts')).toBe('true');
  });

  it('a stripe LUN shows its stripe size and its extents on both drives; no identification data is said so', async () => {
    await showDetails('Data 3');
    const panel = screen.getByRole('region', { name: 'LUN Data 3' });
    expect(panel.textContent).toContain('Stripe size64 KiB');
    expect(panel.textContent).toContain('The provider gives no identification data for this LUN.');
    expect(
      within(panel)
        .getAllByTestId('lun-placement-row')
        .map((r) => r.textContent),
    ).toEqual(['Bay d0Online · Healthyat 10 GiB: 5 GiB5 GiB', 'Bay d1Online · Healthyat 20 GiB: 5 GiB5 GiB']);
    expect(within(panel).queryByRole('button', { name: 'Recover' })).toBeNull();
  });

  it('Recover on a degraded LUN: warns while a failed drive still holds it, queues recoverLun and follows its progress in place', async () => {
    const { api } = await showDetails('Data 1');
    fireEvent.click(screen.getByRole('button', { name: 'Recover' }));
    const dialog = await screen.findByRole('dialog', { name: 'Recover LUN Data 1' });
    expect(within(dialog).getByTestId('recover-replace-first').textContent).toBe(
      'Drive Bay d3 still holds an extent of this LUN: replace it first.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Recover LUN Data 1' }));
    await act(flush);
    expect(api.lunRequests).toEqual([{ kind: 'recoverLun', request: { subsystemId: 'sub-a', lunId: '1' } }]);
    const queued = api.history.at(-1)!;
    act(() =>
      api.emit({
        type: 'operationsProgress',
        operations: [{ ...queued, state: 'running', percent: 40, etaSeconds: 6 }],
      }),
    );
    expect(within(dialog).getByTestId('action-operation-line').textContent).toBe(
      'Running · 40 % · Remaining: 0:06',
    );
    const healthy = { ...api.snapshot.luns['sub-a']![0]!, health: 'healthy' as const };
    api.snapshot.luns['sub-a']![0] = healthy;
    act(() => void api.finish(queued, { result: healthy }));
    await act(flush);
    expect(within(dialog).getByTestId('action-result').textContent).toBe('LUN Data 1 is recovered.');
    expect(screen.getByRole('region', { name: 'LUN Data 1' }).textContent).toContain('HealthHealthy');
  });

  it('before the drives are read, no drive is taken for failed: no warning, Recover waits for them', async () => {
    const api = apiWithMap();
    const release = holdCalls(api.listDrives);
    await showDetails('Data 1', api);
    fireEvent.click(screen.getByRole('button', { name: 'Recover' }));
    const dialog = await screen.findByRole('dialog', { name: 'Recover LUN Data 1' });
    expect(within(dialog).queryByTestId('recover-replace-first')).toBeNull();
    expect(within(dialog).getByTestId('drives-loading').textContent).toContain('Reading the drives…');
    const recover = within(dialog).getByRole('button', { name: 'Recover LUN Data 1' });
    fireEvent.click(recover);
    await act(flush);
    expect(api.lunRequests).toEqual([]);
    await act(async () => {
      release();
      await flush();
    });
    expect(within(dialog).getByTestId('recover-replace-first').textContent).toBe(
      'Drive Bay d3 still holds an extent of this LUN: replace it first.',
    );
    expect(within(dialog).queryByTestId('drives-loading')).toBeNull();
  });

  it('German: stripe size and placement headings', async () => {
    await showDetails('Data 3', apiWithMap(), 'de');
    const panel = screen.getByRole('region', { name: 'LUN Data 3' });
    expect(panel.textContent).toContain('Stripe-Größe64 KiB');
    expect(within(panel).getByRole('table', { name: 'Laufwerke und Bereiche' })).toBeTruthy();
  });
});
