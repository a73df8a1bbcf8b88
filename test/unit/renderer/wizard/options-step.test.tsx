// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { flush } from '../helpers/render-app';
import { walkTo } from './later-steps.helpers';

describe('wizard step 5: options', () => {
  it('offers the subsystem stripe sizes for a striped type and refreshes the maximum with it', async () => {
    const { store, api } = await walkTo('options', 'stripe');
    const select = screen.getByTestId('stripe-size') as HTMLSelectElement;
    expect(select.disabled).toBe(false);
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Subsystem default',
      '64 KiB',
      '128 KiB',
      '1 MiB',
    ]);
    await act(async () => {
      fireEvent.change(select, { target: { value: '131072' } });
      await flush();
    });
    expect(store.getState().stripeSizeBytes).toBe(131072);
    expect(api.maxLunSize).toHaveBeenLastCalledWith({
      subsystemId: 'sub-a',
      type: 'stripe',
      hints: { stripeSizeBytes: 131072 },
    });
  });

  it('disables stripe size with the reason where the type is not striped, and hints for specific types', async () => {
    await walkTo('options', 'mirror');
    expect((screen.getByTestId('stripe-size') as HTMLSelectElement).disabled).toBe(true);
    expect(
      screen.getByText('Mirror (RAID 1) LUNs are not striped, so a stripe size does not apply.'),
    ).toBeTruthy();
    expect(screen.getByText('Hints apply only when the subsystem chooses the type.')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: 'Mostly reads' }) as HTMLInputElement).disabled).toBe(true);
  });

  it('hints can be set when the subsystem chooses the type', async () => {
    const { store } = await walkTo('options', 'auto');
    const { inventory } = store.getState();
    act(() =>
      store.setState({
        inventory: {
          ...inventory!,
          subsystems: [{ ...inventory!.subsystems[0]!, supportedTypes: ['auto'] }],
        },
      }),
    );
    const box = screen.getByRole('checkbox', { name: 'Mostly reads' }) as HTMLInputElement;
    expect(box.disabled).toBe(false);
    fireEvent.click(box);
    expect(store.getState().hints.mostlyReads).toBe(true);
  });
});
