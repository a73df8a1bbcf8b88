// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError } from '../helpers/fake-api';
import { flush } from '../helpers/render-app';
import { walkTo } from './later-steps.helpers';

describe('wizard step 8: summary and create', () => {
  it('summarises the choices, creates, locks while running, shows progress and Cancel, then the re-read LUN', async () => {
    const { store, api } = await walkTo('summary', 'stripe');
    const summary = screen.getByTestId('summary');
    expect(within(summary).getByText('Contoso Array A')).toBeTruthy();
    expect(within(summary).getByText('Stripe (RAID 0)')).toBeTruthy();
    expect(within(summary).getByText('1 GiB (1,073,741,824 bytes)')).toBeTruthy();
    expect(within(summary).getByText('No host')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('wizard-create'));
      await flush();
    });
    expect(api.created[0]?.request).toMatchObject({ type: 'stripe', sizeBytes: 2 ** 30, unmaskingList: '' });
    expect((screen.getByTestId('wizard-fields') as HTMLFieldSetElement).disabled).toBe(true);
    // Never locked by running work: the run view offers a fresh wizard right away.
    expect(screen.queryByTestId('wizard-back')).toBeNull();
    expect(screen.getByTestId('create-another')).toBeTruthy();
    const opId = store.getState().run.operationIds[0]!;
    act(() =>
      api.emit({
        type: 'operationsProgress',
        operations: [{ ...store.getState().operations[opId]!, state: 'running', percent: 40 }],
      }),
    );
    expect(screen.getByTestId('run-operation').textContent).toContain('LUN 1 of 1: Running · 40 %');
    expect(screen.getByTestId('run-cancel')).toBeTruthy();
    await act(async () => {
      api.succeed(store.getState().operations[opId]!, { name: 'Stripe LUN 7' });
      await flush();
    });
    expect(screen.getByTestId('run-result').textContent).toBe(
      'Created Stripe LUN 7: Stripe (RAID 0), 1 GiB, Online, Healthy, masked from every host',
    );
    expect(screen.getByTestId('run-heading').textContent).toBe('Done');
    expect(screen.queryByTestId('run-cancel')).toBeNull();
    fireEvent.click(screen.getByTestId('create-another'));
    expect(store.getState().step).toBe('type');
    expect(screen.queryByTestId('run-panel')).toBeNull();
    // "Create another" keeps the last choices as defaults.
    expect(store.getState()).toMatchObject({ type: 'stripe', sizeText: '1', sizeUnit: 'GiB' });
  });

  it('shows a failed operation with code, 0xHRESULT, message and action', async () => {
    const { store, api } = await walkTo('summary', 'stripe');
    await act(async () => {
      fireEvent.click(screen.getByTestId('wizard-create'));
      await flush();
    });
    const op = store.getState().operations[store.getState().run.operationIds[0]!]!;
    await act(async () => {
      api.emit({
        type: 'operationFinished',
        operation: {
          ...op,
          state: 'failed',
          error: {
            code: 'VDS_E_NOT_ENOUGH_SPACE',
            hresult: 0x8004240f,
            message: 'There is not enough free space.',
            action: 'Choose a smaller size.',
          },
        },
      });
      await flush();
    });
    expect(screen.getByTestId('error-code').textContent).toBe('VDS_E_NOT_ENOUGH_SPACE');
    expect(screen.getByTestId('error-hresult').textContent).toBe('0x8004240F');
    expect(screen.getByTestId('error-message').textContent).toBe('There is not enough free space.');
    expect(screen.getByTestId('error-action').textContent).toBe('What you can do: Choose a smaller size.');
    expect(screen.getByTestId('create-another')).toBeTruthy();
  });

  it('Cancel during the run asks the host to cancel; a refusal is shown', async () => {
    const { store, api } = await walkTo('summary', 'stripe');
    await act(async () => {
      fireEvent.click(screen.getByTestId('wizard-create'));
      await flush();
    });
    api.cancelError = apiError('VDS_E_CANCEL_TOO_LATE', 0x8004240c, 'It is too late to cancel.');
    await act(async () => {
      fireEvent.click(screen.getByTestId('run-cancel'));
      await flush();
    });
    expect(api.cancelOperation).toHaveBeenCalledWith({ operationId: store.getState().run.operationIds[0] });
    expect(screen.getByText('It is too late to cancel.')).toBeTruthy();
  });

  it('lists what is still wrong and keeps Create blocked', async () => {
    const { store } = await walkTo('summary', 'stripe');
    act(() => store.getState().setSizeText('5000'));
    expect(screen.getByText(/Too large: the largest possible size is 1 TiB/)).toBeTruthy();
    expect(screen.getByTestId('wizard-create').getAttribute('aria-disabled')).toBe('true');
  });
});
