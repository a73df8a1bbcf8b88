// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { walkTo } from './later-steps.helpers';

describe('wizard step 7: number of LUNs', () => {
  it('accepts 1–64 and shows the total; anything else blocks Next with the range', async () => {
    const { store } = await walkTo('count');
    const input = screen.getByTestId('count-input');
    fireEvent.change(input, { target: { value: '65' } });
    expect(screen.getByText('Enter a whole number from 1 to 64.')).toBeTruthy();
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(input, { target: { value: '0' } });
    expect(screen.getByText('Enter a whole number from 1 to 64.')).toBeTruthy();
    fireEvent.change(input, { target: { value: '3' } });
    expect(screen.getByText('3 LUNs of 1 GiB: 3 GiB in total')).toBeTruthy();
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(store.getState().step).toBe('summary');
  });
});
