// @vitest-environment jsdom
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../../electron/contract/model';
import type { Language } from '../../../../renderer/i18n/i18n';
import { flush } from '../helpers/render-app';
import { apiWithLuns, openAction, submit, type } from './lun-actions.helpers';

const VDS_E_CANCEL_TOO_LATE = 0x8004240c;
const VDS_E_OPERATION_PENDING = 0x80042409;

/** Queues an extend or shrink of "Data 1" from its dialog, lets it run, and cancels it with the provider's answer. */
async function cancelWith(action: 'extend' | 'shrink', hresult: number, language: Language = 'en') {
  const api = apiWithLuns();
  const item = { extend: { en: /^Extend/, de: /^Erweitern/ }, shrink: { en: /^Shrink/, de: /^Verkleinern/ } };
  await openAction('Data 1', item[action][language], { api, language });
  type('amount-input', '1');
  if (action === 'shrink') fireEvent.click(screen.getByTestId('shrink-confirm'));
  submit();
  await act(flush);
  const running: Operation = { ...api.history.at(-1)!, state: 'running', percent: 96 };
  act(() => api.emit({ type: 'operationsProgress', operations: [running] }));
  api.cancelOperation.mockImplementation(async () => ({ hresult, operation: running }));
  fireEvent.click(screen.getByTestId('action-cancel'));
  await act(flush);
  return screen.getByTestId('cancel-outcome').textContent;
}

describe('the cancel note in a LUN dialog names what goes on anyway', () => {
  it('a cancel too late for an extend: the LUN is extended (not "created")', async () => {
    expect(await cancelWith('extend', VDS_E_CANCEL_TOO_LATE)).toBe(
      'The cancel came too late: the array was past the point of no return, so LUN Data 1 is extended anyway.',
    );
  });

  it('a cancel not yet confirmed for a shrink: the LUN is still being shrunk', async () => {
    expect(await cancelWith('shrink', VDS_E_OPERATION_PENDING)).toBe(
      'The provider has not confirmed the cancel yet; LUN Data 1 is still being shrunk.',
    );
  });

  it('in German: an extend not yet confirmed', async () => {
    expect(await cancelWith('extend', VDS_E_OPERATION_PENDING, 'de')).toBe(
      'Der Anbieter hat den Abbruch noch nicht bestätigt; LUN Data 1 wird weiter erweitert.',
    );
  });

  it('in German: a shrink canceled too late', async () => {
    expect(await cancelWith('shrink', VDS_E_CANCEL_TOO_LATE, 'de')).toBe(
      'Der Abbruch kam zu spät: Das Array hatte den Punkt ohne Umkehr überschritten, LUN Data 1 wird trotzdem verkleinert.',
    );
  });
});
