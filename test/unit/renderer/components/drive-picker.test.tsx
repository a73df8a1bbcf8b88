// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Drive } from '../../../../electron/contract/model';
import { DrivePicker } from '../../../../renderer/components/DrivePicker';
import { moveInOrder, toggleInOrder } from '../../../../renderer/lib/drive-order';
import { drive } from '../helpers/fixtures';
import { renderWithApp } from '../helpers/render-app';

// Two enclosures listed as a provider might return them: by slot, buses interleaved.
const DRIVES: Drive[] = [
  drive('d10', { name: 'Shelf 2 Bay 0', bus: 1, slot: 0 }),
  drive('d0', { name: 'Shelf 1 Bay 0', bus: 0, slot: 0 }),
  drive('d11', { name: 'Shelf 2 Bay 1', bus: 1, slot: 1, health: 'degraded', freeBytes: 2 ** 39 }),
  drive('d1', { name: 'Shelf 1 Bay 1', bus: 0, slot: 1, freeBytes: 2 ** 38 }),
];

function Picker({ drives }: { drives: Drive[] }) {
  const [ids, setIds] = useState<string[]>([]);
  return (
    <DrivePicker
      drives={drives}
      selectedIds={ids}
      onToggle={(id) => setIds((s) => toggleInOrder(s, id))}
      onMove={(id, delta) => setIds((s) => moveInOrder(s, id, delta))}
    />
  );
}

const names = () =>
  within(screen.getByTestId('drive-picker'))
    .getAllByRole('checkbox')
    .map((box) => box.getAttribute('aria-label') ?? box.closest('div')!.textContent!.split(' · ')[0]);

describe('drive picker', () => {
  it('lists drives by bus, then slot, and says where each sits and how healthy it is', async () => {
    await renderWithApp(<Picker drives={DRIVES} />);
    expect(names()).toEqual(['Shelf 1 Bay 0', 'Shelf 1 Bay 1', 'Shelf 2 Bay 0', 'Shelf 2 Bay 1']);
    const picker = screen.getByTestId('drive-picker');
    expect(within(picker).getByText('Bus 1, slot 1 · Degraded')).toBeTruthy();
    expect(within(picker).getAllByText(/^Bus 0, slot \d · Healthy$/)).toHaveLength(2);
  });

  it('filters by name, bus or health and counts what is shown', async () => {
    await renderWithApp(<Picker drives={DRIVES} />);
    fireEvent.change(screen.getByTestId('drive-filter'), { target: { value: 'shelf 2' } });
    expect(names()).toEqual(['Shelf 2 Bay 0', 'Shelf 2 Bay 1']);
    expect(screen.getByTestId('drive-count').textContent).toBe('2 of 4 drives shown');
    fireEvent.change(screen.getByTestId('drive-filter'), { target: { value: 'degraded' } });
    expect(names()).toEqual(['Shelf 2 Bay 1']);
  });

  it('sorts by most free space on request', async () => {
    await renderWithApp(<Picker drives={DRIVES} />);
    fireEvent.change(screen.getByTestId('drive-sort'), { target: { value: 'free' } });
    expect(names()).toEqual(['Shelf 1 Bay 0', 'Shelf 2 Bay 0', 'Shelf 2 Bay 1', 'Shelf 1 Bay 1']);
  });

  it('warns when a degraded drive is picked, naming it, and the warning goes when it is unpicked', async () => {
    await renderWithApp(<Picker drives={DRIVES} />);
    const picker = screen.getByTestId('drive-picker');
    fireEvent.click(within(picker).getByRole('checkbox', { name: /^Shelf 1 Bay 0/ }));
    expect(screen.queryByTestId('drive-degraded-warning')).toBeNull();
    const degraded = within(picker).getByRole('checkbox', { name: /^Shelf 2 Bay 1/ });
    fireEvent.click(degraded);
    expect(screen.getByTestId('drive-degraded-warning').textContent).toContain(
      'Shelf 2 Bay 1 is not healthy (degraded or rebuilding)',
    );
    await act(async () => fireEvent.click(degraded));
    expect(screen.queryByTestId('drive-degraded-warning')).toBeNull();
  });

  it('speaks German', async () => {
    await renderWithApp(<Picker drives={DRIVES} />, { language: 'de' });
    expect(screen.getByTestId('drive-count').textContent).toBe('4 von 4 Laufwerken angezeigt');
    expect(within(screen.getByTestId('drive-picker')).getByText(/^Bus 1, Steckplatz 1 · /)).toBeTruthy();
  });
});
