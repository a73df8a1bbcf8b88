// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Wizard } from '../../../../renderer/features/wizard/Wizard';
import { TIB } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';

async function atDrivesStep(type: 'stripe' | 'parity' | 'auto' = 'parity') {
  const r = await renderWithApp(<Wizard onShowMonitor={() => {}} />);
  r.api.maxFor = (req) => (req.driveIds?.length ?? 3) * TIB;
  await act(async () => {
    r.store.getState().setSubsystem('sub-a');
    await flush(); // the wizard reads the subsystem's drives
    r.store.getState().goNext();
    r.store.getState().setType(type);
    r.store.getState().goNext();
    await flush();
  });
  return r;
}

describe('wizard step 3: drives', () => {
  it('automatic selection lets Next through', async () => {
    const { store } = await atDrivesStep();
    expect(screen.getByRole('heading', { level: 2, name: 'Drives' })).toBeTruthy();
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBeNull();
    expect(store.getState().driveMode).toBe('auto');
  });

  it('manual: unusable drives are disabled with the reason; too few blocks Next with a reason', async () => {
    const { store } = await atDrivesStep('parity');
    fireEvent.click(screen.getByRole('radio', { name: /Manual/ }));
    const picker = screen.getByTestId('drive-picker');
    expect(within(picker).getByText("Can't be used: the drive has failed")).toBeTruthy();
    expect(within(picker).getByText("Can't be used: the drive is a hot spare")).toBeTruthy();
    const failed = within(picker).getByRole('checkbox', { name: /Bay d3/ }) as HTMLInputElement;
    expect(failed.disabled).toBe(true);
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Bay d0/ }));
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Bay d1/ }));
    await act(flush);
    expect(screen.getByTestId('drive-errors').textContent).toContain(
      'Parity (RAID 5) needs at least 3 drives; 2 selected.',
    );
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(store.getState().step).toBe('drives');
    fireEvent.click(within(picker).getByRole('checkbox', { name: /Bay d2/ }));
    await act(flush);
    expect(screen.queryByTestId('drive-errors')).toBeNull();
    // live capacity math: parity over 1 TiB, 1 TiB, 0.5 TiB free = 2 × 0.5 TiB
    expect(screen.getByTestId('capacity-math').textContent).toContain(
      '3 drives selected · usable capacity about 1 TiB',
    );
    expect(screen.getByTestId('capacity-math').textContent).toContain('Largest possible: 3 TiB');
    fireEvent.click(screen.getByRole('button', { name: 'Move Bay d2 up' }));
    expect(store.getState().driveIds).toEqual(['d0', 'd2', 'd1']);
    fireEvent.click(screen.getByTestId('wizard-next'));
    expect(store.getState().step).toBe('size');
  });

  it('manual selection is not offered when the subsystem chooses the type', async () => {
    const r = await renderWithApp(<Wizard onShowMonitor={() => {}} />);
    await act(async () => {
      const s = r.store.getState();
      r.store.setState({
        inventory: {
          ...s.inventory!,
          subsystems: [{ ...s.inventory!.subsystems[0]!, supportedTypes: ['auto'] }],
        },
      });
      r.store.getState().setSubsystem('sub-a');
      await flush(); // the wizard reads the subsystem's drives
      r.store.getState().goNext();
      r.store.getState().setType('auto');
      r.store.getState().goNext();
      await flush();
    });
    expect((screen.getByRole('radio', { name: /Manual/ }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Not available when the subsystem chooses the type')).toBeTruthy();
  });
});
