// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Wizard } from '../../../../renderer/features/wizard/Wizard';
import { FakeApi } from '../helpers/fake-api';
import { inventory, subsystem } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';

async function atTypeStep(api?: FakeApi) {
  const r = await renderWithApp(<Wizard onShowMonitor={() => {}} />, api ? { api } : {});
  act(() => {
    r.store.getState().setSubsystem('sub-a');
    r.store.getState().goNext();
  });
  await act(flush); // the subsystem's drives are read
  return r;
}

describe('wizard step 2: LUN type', () => {
  it('enables supported types, disables the rest with the reason, explains each with its minimum drives', async () => {
    const { store } = await atTypeStep();
    const parity = screen.getByRole('radio', { name: /Parity \(RAID 5\)/ }) as HTMLInputElement;
    expect(parity.disabled).toBe(false);
    const raid6 = screen.getByRole('radio', { name: /RAID 6/ }) as HTMLInputElement;
    expect(raid6.disabled).toBe(true);
    expect(screen.getAllByText('Not supported by Contoso Array A').length).toBeGreaterThanOrEqual(5);
    expect(screen.getByText('Striped with parity. Survives one drive failure.')).toBeTruthy();
    expect(screen.getByText('Needs at least 3 drives')).toBeTruthy();
    // not hidden from screen readers: each automagic type is described by it
    const heading = screen.getByText('Let the subsystem choose');
    expect(heading.getAttribute('aria-hidden')).toBeNull();
    const auto = screen.getByRole('radio', { name: /^Automatic/ });
    expect(auto.getAttribute('aria-describedby')).toBe(heading.id);
    expect(parity.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(parity);
    expect(store.getState().type).toBe('parity');
  });

  it('offers the automagic types when the subsystem supports them', async () => {
    const snap = inventory();
    snap.subsystems[0] = subsystem({ supportedTypes: ['simple', 'auto', 'faultTolerant'] });
    const { store } = await atTypeStep(new FakeApi(snap));
    const auto = screen.getByRole('radio', { name: /^Automatic/ }) as HTMLInputElement;
    expect(auto.disabled).toBe(false);
    expect(
      (screen.getByRole('radio', { name: /Any non-fault-tolerant type/ }) as HTMLInputElement).disabled,
    ).toBe(true);
    fireEvent.click(auto);
    expect(store.getState().type).toBe('auto');
  });

  it('disables a type that needs more usable drives than the subsystem has', async () => {
    const snap = inventory();
    snap.drives['sub-a'] = snap.drives['sub-a']!.slice(0, 2);
    await atTypeStep(new FakeApi(snap));
    expect((screen.getByRole('radio', { name: /Parity/ }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('Needs at least 3 usable drives; this subsystem has 2')).toBeTruthy();
  });
});
