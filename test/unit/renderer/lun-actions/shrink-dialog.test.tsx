// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError } from '../helpers/fake-api';
import { flush } from '../helpers/render-app';
import { apiWithLuns, GIB, openAction, submit, type } from './lun-actions.helpers';

describe('shrink dialog', () => {
  it('warns that data past the new end is lost and sends nothing until the user confirms, naming the LUN', async () => {
    const api = apiWithLuns();
    await openAction('Data 1', /^Shrink/, { api });
    const dialog = screen.getByRole('dialog', { name: 'Shrink LUN Data 1' });
    expect(dialog.textContent).toContain('Data past the new end of the LUN is lost. Shrink the file system');
    expect(within(dialog).getByTestId('shrink-minimum').textContent).toContain(
      'at least one allocation unit (1 MiB',
    );
    expect(within(dialog).getByRole('button', { name: 'Shrink Data 1' })).toBeTruthy();
    type('amount-input', '512');
    fireEvent.change(screen.getByTestId('amount-unit'), { target: { value: 'MiB' } });
    expect(screen.getByTestId('shrink-after').textContent).toBe(
      'The LUN will be about 9.5 GiB; the last 512 MiB are lost.',
    );
    submit();
    expect(within(dialog).getByText('Confirm that the data past the new end may be lost.')).toBeTruthy();
    expect(api.shrinkLun).not.toHaveBeenCalled();
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'I understand that data past the new end of LUN Data 1 is lost.',
      }),
    );
    submit();
    await act(flush);
    expect(api.lunRequests).toEqual([
      { kind: 'shrinkLun', request: { subsystemId: 'sub-a', lunId: '1', bytesToRemove: 512 * 2 ** 20 } },
    ]);
  });

  it('refuses removing the whole LUN or a total that is not smaller, naming the sizes', async () => {
    const api = apiWithLuns();
    await openAction('Data 1', /^Shrink/, { api });
    type('amount-input', '10');
    expect(screen.getByText('Too much: the LUN is 10 GiB and must keep at least 1 MiB.')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'To a total size' }));
    type('amount-input', '12');
    expect(screen.getByText('The new size must be smaller than the current 10 GiB.')).toBeTruthy();
    type('amount-input', '9,5');
    expect(screen.getByText(/"9,5" is ambiguous in this language/)).toBeTruthy();
    type('amount-input', '9.5');
    fireEvent.click(screen.getByTestId('shrink-confirm'));
    submit();
    await act(flush);
    expect(api.lunRequests[0]!.request).toEqual({
      subsystemId: 'sub-a',
      lunId: '1',
      newSizeBytes: 9.5 * GIB,
    });
  });

  it("shows the host's refusal (e.g. the provider's minimum) with code, HRESULT and message, and lets the user edit", async () => {
    const api = apiWithLuns();
    api.lunOperationError = apiError(
      'VDS_E_NOT_SUPPORTED',
      0x80042400,
      'The provider keeps at least 256 MiB of a mirror LUN.',
    );
    await openAction('Data 1', /^Shrink/, { api });
    type('amount-input', '9.9');
    fireEvent.click(screen.getByTestId('shrink-confirm'));
    submit();
    await act(flush);
    expect(screen.getByTestId('error-code').textContent).toBe('VDS_E_NOT_SUPPORTED');
    expect(screen.getByTestId('error-hresult').textContent).toBe('0x80042400');
    expect(screen.getByTestId('error-message').textContent).toBe(
      'The provider keeps at least 256 MiB of a mirror LUN.',
    );
    expect((screen.getByTestId('action-fields') as HTMLFieldSetElement).disabled).toBe(false);
    expect((screen.getByTestId('amount-input') as HTMLInputElement).value).toBe('9.9');
  });
});
