// @vitest-environment jsdom
// Found by the B3 benchmark (docs/PERFORMANCE.md): typing in the drive filter of a 32,768-drive subsystem
// took about a second per keystroke in Chromium, because every keystroke translated the status, health and
// flag labels of every drive again. A keystroke's work must not grow with the number of drives beyond the
// plain text match: the translations it needs are the same for 1,024 drives as for 32,768.
import { fireEvent, screen } from '@testing-library/react';
import { getI18n } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InventoryView } from '../../renderer/features/inventory/InventoryView';
import { FakeApi } from '../unit/renderer/helpers/fake-api';
import { drive, inventory, TIB } from '../unit/renderer/helpers/fixtures';
import { renderWithApp } from '../unit/renderer/helpers/render-app';

async function translationsPerKeystroke(driveCount: number): Promise<number> {
  const snap = inventory();
  snap.drives['sub-a'] = Array.from({ length: driveCount }, (_, i) =>
    drive(`x${i}`, { name: `Drive ${String(i).padStart(5, '0')}`, slot: i, freeBytes: TIB }),
  );
  const { unmount } = await renderWithApp(<InventoryView />, { api: new FakeApi(snap) });
  const filter = screen.getByRole('searchbox', { name: 'Filter drives' });
  fireEvent.change(filter, { target: { value: 'Drive 0' } }); // warm: the first filter may build caches
  const translate = vi.spyOn(getI18n(), 't'); // the instance the rendered app uses
  fireEvent.change(filter, { target: { value: 'Drive 00' } });
  const calls = translate.mock.calls.length;
  translate.mockRestore();
  expect(screen.getByText(`${Math.min(driveCount, 1000)} of ${driveCount} drives shown`)).toBeTruthy();
  unmount();
  return calls;
}

describe('drive filter cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a keystroke translates no more labels for 32,768 drives than for 1,024', async () => {
    const small = await translationsPerKeystroke(1024);
    const large = await translationsPerKeystroke(32_768);
    console.log(`drive filter: ${small} translations per keystroke (1,024 drives), ${large} (32,768 drives)`);
    expect(small).toBeGreaterThan(0); // the spy sees the table's translations at all
    expect(large).toBeLessThanOrEqual(small + 50);
  });
});
