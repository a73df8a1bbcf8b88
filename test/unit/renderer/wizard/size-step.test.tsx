// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Wizard } from '../../../../renderer/features/wizard/Wizard';
import { selectSizeBytes } from '../../../../renderer/store/wizard-selectors';
import { apiError } from '../helpers/fake-api';
import { TIB } from '../helpers/fixtures';
import { flush, renderWithApp } from '../helpers/render-app';

const MAX = 2 * TIB + 5 * 2 ** 20;

async function atSizeStep(maxFor: () => number | Error = () => MAX, language: 'en' | 'de' = 'en') {
  const r = await renderWithApp(<Wizard onShowMonitor={() => {}} />, { language });
  r.api.maxFor = maxFor;
  await act(async () => {
    const s = r.store.getState();
    s.setSubsystem('sub-a');
    await flush(); // the wizard reads the subsystem's drives
    s.goNext();
    r.store.getState().setType('span');
    r.store.getState().goNext();
    r.store.getState().goNext();
    await flush();
  });
  return r;
}

describe('wizard step 4: size', () => {
  it('shows the largest possible size up front', async () => {
    await atSizeStep();
    expect(screen.getByTestId('largest-possible').textContent).toBe(
      'Largest possible: 2 TiB (2,199,028,498,432 bytes)',
    );
  });

  it('a size above the maximum names the maximum and blocks Next', async () => {
    const { store } = await atSizeStep();
    fireEvent.change(screen.getByTestId('size-unit'), { target: { value: 'TiB' } });
    fireEvent.change(screen.getByTestId('size-input'), { target: { value: '3' } });
    expect(
      screen.getByText('Too large: the largest possible size is 2 TiB (2,199,028,498,432 bytes).'),
    ).toBeTruthy();
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBe('true');
    fireEvent.keyDown(screen.getByTestId('size-input'), { key: 'Enter' });
    expect(store.getState().step).toBe('size');
    fireEvent.change(screen.getByTestId('size-input'), { target: { value: '1.5' } });
    expect(screen.queryByText(/Too large/)).toBeNull();
    fireEvent.keyDown(screen.getByTestId('size-input'), { key: 'Enter' });
    expect(store.getState().step).toBe('options');
  });

  it('Use maximum fills in exactly the maximum; units include GB and TB', async () => {
    const { store } = await atSizeStep();
    const unit = screen.getByTestId('size-unit') as HTMLSelectElement;
    expect([...unit.options].map((o) => o.value)).toEqual(['MiB', 'GiB', 'TiB', 'GB', 'TB']);
    fireEvent.click(screen.getByTestId('use-maximum'));
    expect(selectSizeBytes(store.getState())).toBe(MAX);
    expect((screen.getByTestId('size-input') as HTMLInputElement).value).toBe('2');
    expect(unit.value).toBe('TiB');
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBeNull();
  });

  it('the slider sets a size within the maximum', async () => {
    const { store } = await atSizeStep();
    fireEvent.change(screen.getByRole('slider'), { target: { value: '500' } });
    const bytes = selectSizeBytes(store.getState())!;
    expect(bytes).toBeGreaterThan(MAX * 0.49);
    expect(bytes).toBeLessThanOrEqual(MAX * 0.51);
  });

  it('shows why the maximum is unknown and blocks Next', async () => {
    await atSizeStep(() => apiError('VDS_E_NOT_SUPPORTED', 0x80042400, 'The operation is not supported.'));
    expect(screen.getByTestId('error-code').textContent).toBe('VDS_E_NOT_SUPPORTED');
    expect(screen.getByTestId('error-hresult').textContent).toBe('0x80042400');
    expect(screen.getByTestId('wizard-next').getAttribute('aria-disabled')).toBe('true');
  });

  it('in German the error and the maximum are German', async () => {
    await atSizeStep(() => MAX, 'de');
    expect(screen.getByTestId('largest-possible').textContent).toBe(
      'Größtmöglich: 2 TiB (2.199.028.498.432 Byte)',
    );
    fireEvent.change(screen.getByTestId('size-input'), { target: { value: '99999' } });
    expect(
      screen.getByText('Zu groß: Die größtmögliche Größe ist 2 TiB (2.199.028.498.432 Byte).'),
    ).toBeTruthy();
  });
});
