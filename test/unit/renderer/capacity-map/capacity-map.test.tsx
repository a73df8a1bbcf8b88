// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InventoryView } from '../../../../renderer/features/inventory/InventoryView';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithMap } from '../maintenance/maintenance.helpers';

const grid = () => screen.getByRole('grid', { name: 'Capacity map: drives and their extents' });
const mapRows = () => within(grid()).getAllByRole('row');
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('gridcell');
const names = (cells: HTMLElement[]) => cells.map((c) => c.getAttribute('aria-label'));
const rowOf = (driveId: string) => mapRows().find((r) => r.getAttribute('data-drive-id') === driveId)!;

async function renderMap(language?: 'en' | 'de') {
  const rendered = await renderWithApp(<InventoryView />, { api: apiWithMap(), language });
  await act(flush);
  return rendered;
}

describe('capacity map', () => {
  it('draws one bar per drive in bus then slot order, each extent named with its LUN, size and drive', async () => {
    const { api } = await renderMap();
    expect(api.listExtents).toHaveBeenCalledWith({ subsystemId: 'sub-a' });
    expect(mapRows().map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Bay d0bus 0, slot 0',
      'Bay d1bus 0, slot 1',
      'Bay d3Failed · bus 0, slot 3',
      'Bay d4bus 0, slot 4',
      'Shelf 1 Bay 0bus 1, slot 0',
    ]);
    expect(names(cellsOf(rowOf('d0')))).toEqual([
      'LUN Data 1 (Mirror (RAID 1)), 10 GiB on Bay d0',
      'LUN Data 3 (Stripe (RAID 0)), 5 GiB on Bay d0',
      'Free space, 1,009 GiB on Bay d0',
    ]);
    expect(names(cellsOf(rowOf('d4')))).toEqual(['Free space, 1 TiB on Bay d4']);
    // each LUN its own colour, the same on every drive; free space has none
    const color = (driveId: string, i: number) => cellsOf(rowOf(driveId))[i]!.style.backgroundColor;
    expect(color('d0', 0)).not.toBe(color('d0', 1));
    expect(color('d0', 1)).toBe(color('d1', 1));
    expect(color('d0', 0)).toBe(color('d3', 0));
    expect(color('d0', 2)).toBe('');
  });

  it('marks a failed drive: its row says Failed and its extents say the drive failed', async () => {
    await renderMap();
    const row = rowOf('d3');
    expect(row.getAttribute('data-attention')).toBe('failed');
    expect(within(row).getByRole('rowheader').textContent).toContain('Failed');
    expect(cellsOf(row)[0]!.getAttribute('aria-label')).toBe(
      'LUN Data 1 (Mirror (RAID 1)), 10 GiB on Bay d3, drive Failed',
    );
  });

  it('one tab stop; arrow keys move between extents and drives, Enter opens the LUN details', async () => {
    const { store } = await renderMap();
    const tabStops = within(grid())
      .getAllByRole('gridcell')
      .filter((c) => c.tabIndex === 0);
    expect(tabStops).toHaveLength(1);
    const first = tabStops[0]!;
    act(() => first.focus());
    expect(screen.getByTestId('capacity-map-info').textContent).toBe(first.getAttribute('aria-label'));
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    await act(flush);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'LUN Data 3 (Stripe (RAID 0)), 5 GiB on Bay d0',
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    await act(flush);
    // the extent of Bay d1 closest to where we were: Data 2 covers 0–20 GiB, Data 3 sits at 20–25 GiB
    expect(document.activeElement?.getAttribute('aria-label')).toBe('LUN Data 2 (Simple), 20 GiB on Bay d1');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await act(flush);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Free space, 999 GiB on Bay d1');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    await act(flush);
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await act(flush);
    expect(store.getState().selectedLun).toEqual({ subsystemId: 'sub-a', lunId: '2' });
    expect(screen.getByRole('region', { name: 'LUN Data 2' })).toBeTruthy();
  });

  it('clicking an extent opens its LUN; the selected LUN marks its drives and extents', async () => {
    const { store } = await renderMap();
    fireEvent.click(cellsOf(rowOf('d1'))[1]!);
    await act(flush);
    expect(store.getState().selectedLun).toEqual({ subsystemId: 'sub-a', lunId: '3' });
    const marked = mapRows().filter((r) => r.getAttribute('data-of-selected-lun') === 'true');
    expect(marked.map((r) => r.getAttribute('data-drive-id'))).toEqual(['d0', 'd1']);
    expect(within(rowOf('d0')).getByRole('img', { name: 'Used by LUN Data 3' })).toBeTruthy();
    const selected = within(grid())
      .getAllByRole('gridcell')
      .filter((c) => c.getAttribute('aria-selected') === 'true');
    expect(selected.map((c) => c.getAttribute('data-lun-id'))).toEqual(['3', '3']);
    // the drives table marks them too
    const driveRows = screen.getAllByTestId('drive-row');
    const ofLun = driveRows.filter((r) => within(r).queryByRole('img', { name: 'Used by LUN Data 3' }));
    expect(ofLun.map((r) => r.getAttribute('data-drive-id'))).toEqual(['d0', 'd1']);
  });

  it('hovering an extent names it in the line above the map', async () => {
    await renderMap();
    const info = screen.getByTestId('capacity-map-info');
    expect(info.textContent).toBe('Point at or focus an extent to see what it holds.');
    fireEvent.mouseOver(cellsOf(rowOf('d1'))[0]!);
    expect(info.textContent).toBe('LUN Data 2 (Simple), 20 GiB on Bay d1');
  });

  it('as a table: every extent of every drive in bus, slot and offset order', async () => {
    await renderMap();
    fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table', { name: /Every extent of every drive/ });
    const rows = within(table).getAllByTestId('capacity-table-row');
    expect(rows.map((r) => [r.getAttribute('data-drive-id'), r.getAttribute('data-lun-id')])).toEqual([
      ['d0', '1'],
      ['d0', '3'],
      ['d0', null],
      ['d1', '2'],
      ['d1', '3'],
      ['d1', null],
      ['d3', '1'],
      ['d3', null],
      ['d4', null],
      ['d9', null],
    ]);
    expect(rows[6]!.textContent).toBe('Bay d3bus 0, slot 3Failed · FailedLUN Data 10 B10 GiB');
  });

  it('re-reads the extents when the inventory changes', async () => {
    const { api } = await renderMap();
    const calls = api.listExtents.mock.calls.length;
    api.extents['sub-a'] = api.extents['sub-a']!.map((e) => (e.lunId === '2' ? { ...e, lunId: null } : e));
    act(() => api.emitInventory(structuredClone(api.snapshot)));
    await act(flush);
    expect(api.listExtents.mock.calls.length).toBe(calls + 1);
    expect(names(cellsOf(rowOf('d1')))[0]).toBe('Free space, 20 GiB on Bay d1');
  });

  it('German: the names of extents and free space', async () => {
    await renderMap('de');
    const g = screen.getByRole('grid', { name: 'Kapazitätskarte: Laufwerke und ihre Bereiche' });
    const d3 = within(g)
      .getAllByRole('row')
      .find((r) => r.getAttribute('data-drive-id') === 'd3')!;
    expect(names(cellsOf(d3))).toEqual([
      'LUN Data 1 (Spiegel (RAID 1)), 10 GiB auf Bay d3, Laufwerk Ausgefallen',
      'Freier Speicher, 1.014 GiB auf Bay d3',
    ]);
  });
});
