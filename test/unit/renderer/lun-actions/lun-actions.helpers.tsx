import { act, fireEvent, screen } from '@testing-library/react';
import type { Lun } from '../../../../electron/contract/model';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import type { Language } from '../../../../renderer/i18n/i18n';
import { FakeApi } from '../helpers/fake-api';
import { inventory } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';

export const GIB = 2 ** 30;

export function lun(id: string, patch: Partial<Lun> = {}): Lun {
  return {
    id,
    subsystemId: 'sub-a',
    name: `Data ${id}`,
    identification: `LUN-${id}`,
    type: 'mirror',
    sizeBytes: 10 * GIB,
    status: 'online',
    health: 'healthy',
    unmaskingList: '',
    driveIds: ['d0', 'd1'],
    ...patch,
  };
}

/** The inventory with LUN "Data 1" (10 GiB mirror, no host) and "Data 2" (unmasked to all hosts). */
export function apiWithLuns(): FakeApi {
  const snap = inventory();
  snap.luns['sub-a'] = [lun('1'), lun('2', { unmaskingList: '*' })];
  return new FakeApi(snap);
}

/** Renders the inventory and opens one LUN's action from its row menu. */
export async function openAction(
  lunName: string,
  item: RegExp,
  options: { api?: FakeApi; language?: Language } = {},
) {
  const rendered = await renderWithApp(<InventoryView />, { api: options.api ?? apiWithLuns(), ...options });
  fireEvent.click(
    screen.getByRole('button', { name: new RegExp(`^(Actions for|Aktionen für) LUN ${lunName}$`) }),
  );
  fireEvent.click(await screen.findByRole('menuitem', { name: item }));
  await act(flush);
  return rendered;
}

export const submit = () => fireEvent.click(screen.getByTestId('action-submit'));
export const type = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
