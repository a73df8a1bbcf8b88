// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Wizard } from '../../../../renderer/features/wizard/Wizard';
import { renderWithApp } from '../helpers/render-app';

describe('wizard step 1: subsystem', () => {
  it('lists subsystems, disables one that is not online with the reason, and Next moves on', async () => {
    const { store } = await renderWithApp(<Wizard onShowMonitor={() => {}} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Subsystem' })).toBeTruthy();
    const next = screen.getByTestId('wizard-next');
    expect(next.getAttribute('aria-disabled')).toBe('true');
    const offline = screen.getByRole('radio', { name: /Fabrikam B/ });
    expect((offline as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText("Can't be used: the subsystem is Offline")).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Contoso Array A/ }));
    expect(store.getState().subsystemId).toBe('sub-a');
    expect(next.getAttribute('aria-disabled')).toBeNull();
    await act(async () => fireEvent.click(next));
    expect(store.getState().step).toBe('type');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2, name: 'LUN type' }));
  });

  it('Enter moves on when the step is valid and shows the error when it is not', async () => {
    const { store } = await renderWithApp(<Wizard onShowMonitor={() => {}} />);
    const form = screen.getByRole('form');
    fireEvent.keyDown(form, { key: 'Enter' });
    expect(store.getState().step).toBe('subsystem');
    expect(screen.getByText('Choose a subsystem.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Contoso Array A/ }));
    fireEvent.keyDown(screen.getByRole('radio', { name: /Contoso Array A/ }), { key: 'Enter' });
    expect(store.getState().step).toBe('type');
  });

  it('Cancel discards the choices and Back returns to the previous step', async () => {
    const { store } = await renderWithApp(<Wizard onShowMonitor={() => {}} />);
    act(() => {
      store.getState().setSubsystem('sub-a');
      store.getState().goNext();
    });
    fireEvent.click(screen.getByTestId('wizard-back'));
    expect(store.getState().step).toBe('subsystem');
    fireEvent.click(screen.getByTestId('wizard-cancel'));
    expect(store.getState().subsystemId).toBeNull();
  });
});
