// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeApi } from '../helpers/fake-api';
import { inventory, subsystem } from '../helpers/fixtures';
import { walkTo } from './later-steps.helpers';

describe('wizard step 6: host access', () => {
  it('no host and all hosts need nothing more', async () => {
    const { store } = await walkTo('access');
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'All hosts' }));
    expect(store.getState().accessMode).toBe('all');
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(store.getState().step).toBe('count');
  });

  it('names the bad entry of an initiator list and blocks Next', async () => {
    const { store } = await walkTo('access');
    fireEvent.click(screen.getByRole('radio', { name: 'Only these initiators' }));
    fireEvent.change(screen.getByTestId('initiators'), {
      target: { value: 'iqn.1991-05.com.microsoft:host1\n0123456789abcdeX\neui.0123456789ABCDEF' },
    });
    expect(
      screen.getByText('"0123456789abcdeX" is not an IQN, EUI, NAA name or 16-digit hex WWN.'),
    ).toBeTruthy();
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(screen.getByTestId('initiators'), {
      target: { value: 'iqn.1991-05.com.microsoft:host1\n0123456789abcdef\nnaa.0123456789ABCDEF' },
    });
    expect(screen.queryByText(/is not an IQN/)).toBeNull();
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(store.getState().step).toBe('count');
  });

  it('an initiator list is not offered when the subsystem cannot mask', async () => {
    const snap = inventory();
    snap.subsystems[0] = subsystem({ maskingCapable: false });
    await walkTo('access', 'stripe', { api: new FakeApi(snap) });
    expect((screen.getByRole('radio', { name: /Only these initiators/ }) as HTMLInputElement).disabled).toBe(
      true,
    );
    expect(screen.getByText('This subsystem cannot restrict access to chosen hosts')).toBeTruthy();
  });
});
