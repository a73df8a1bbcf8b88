// @vitest-environment jsdom
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LunStudioError } from '../../../electron/contract/errors';
import { ProviderPicker } from '../../../renderer/app/ProviderPicker';
import { FakeApi } from './helpers/fake-api';
import { flush, renderWithApp } from './helpers/render-app';

const RUNNING = new LunStudioError({
  code: 'E_OPERATIONS_RUNNING',
  hresult: 0x800700aa,
  message: '1 operation is queued or running (1 createLun): the provider cannot be changed while they run.',
  action:
    'Wait for them to finish or cancel them (progress monitor, or lun-studio cancel), then choose again.',
});

async function openPicker(api: FakeApi, language: 'en' | 'de' = 'en') {
  const rendered = await renderWithApp(<ProviderPicker />, { api, language });
  fireEvent.click(screen.getByTestId('provider-picker-open'));
  await act(flush);
  await screen.findByTestId('provider-current');
  return rendered;
}

describe('provider picker', () => {
  it('shows the provider in use, its state file, and VDS disabled with the reason', async () => {
    const api = new FakeApi();
    await openPicker(api);
    expect(screen.getByTestId('provider-picker-open').textContent).toBe('Provider: Simulated array');
    expect(screen.getByTestId('provider-current').textContent).toContain('In use: Simulated array');
    expect(screen.getByTestId('provider-current').textContent).toContain('State file: /tmp/state.json');
    expect(screen.getByTestId('provider-saved').textContent).toMatch(/^No choice remembered yet/);
    const vds = screen.getByRole('radio', { name: 'Virtual Disk Service' });
    expect((vds as HTMLInputElement).disabled).toBe(true);
    expect(vds.getAttribute('aria-describedby')).toBe('provider-reason-vds');
    expect(screen.getByTestId('provider-reason-vds').textContent).toBe('VDS is available on Windows only.');
    expect((screen.getByRole('radio', { name: 'Simulated array' }) as HTMLInputElement).checked).toBe(true);
  });

  it('sends the choice and says it is remembered; Use is off when there is nothing to change', async () => {
    const api = new FakeApi();
    await openPicker(api);
    fireEvent.click(screen.getByTestId('provider-apply'));
    await screen.findByTestId('provider-done');
    expect(api.chooseProvider).toHaveBeenCalledWith({ provider: 'sim' });
    expect(screen.getByTestId('provider-done').textContent).toBe(
      'Now using Simulated array; remembered for the next start.',
    );
    expect(screen.getByTestId('provider-saved').textContent).toBe(
      'Remembered for every start without --provider: Simulated array',
    );
    expect((screen.getByTestId('provider-apply') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows a refusal with code, HRESULT, message and action; nothing changes', async () => {
    const api = new FakeApi();
    api.chooseError = RUNNING;
    await openPicker(api);
    fireEvent.click(screen.getByTestId('provider-apply'));
    const details = await screen.findByTestId('error-details');
    expect(details.textContent).toContain('The provider was not changed');
    expect(screen.getByTestId('error-code').textContent).toBe('E_OPERATIONS_RUNNING');
    expect(screen.getByTestId('error-hresult').textContent).toBe('0x800700AA');
    expect(screen.getByTestId('error-message').textContent).toBe(RUNNING.message);
    expect(screen.getByTestId('error-action').textContent).toContain(
      'Wait for them to finish or cancel them',
    );
    expect(api.savedProvider).toBeUndefined();
    // Once they are done the same choice goes through.
    api.chooseError = null;
    fireEvent.click(screen.getByTestId('provider-apply'));
    await waitFor(() => expect(screen.queryByTestId('error-details')).toBeNull());
    expect(api.savedProvider).toBe('sim');
  });

  it('in German: labels, the standard reason and the translated refusal with the host wording kept', async () => {
    const api = new FakeApi();
    api.chooseError = RUNNING;
    await openPicker(api, 'de');
    expect(screen.getByTestId('provider-picker-open').textContent).toBe('Anbieter: Simuliertes Array');
    expect(screen.getByTestId('provider-reason-vds').textContent).toMatch(/nur unter Windows verfügbar/);
    fireEvent.click(screen.getByRole('button', { name: 'Verwenden und merken' }));
    await screen.findByTestId('error-details');
    expect(screen.getByTestId('error-message').textContent).toMatch(/^Es warten oder laufen Vorgänge/);
    expect(screen.getByTestId('error-original').textContent).toContain(RUNNING.message);
  });
});
