// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithLuns, GIB } from '../lun-actions/lun-actions.helpers';

const canceled = {
  state: 'canceled' as const,
  percent: 40,
  endedAt: new Date().toISOString(),
  error: { code: 'VDS_E_OPERATION_CANCELED', hresult: 0x8004240d, message: 'The operation was canceled.' },
};

describe('monitor: a canceled operation says what it left behind', () => {
  it.each([
    ['en', 'Canceled: nothing was created', 'Canceled: the LUN is as it was'],
    ['de', 'Abgebrochen: Es wurde nichts erstellt', 'Abgebrochen: Die LUN ist unverändert'],
  ] as const)(
    '%s: a creation created nothing, an extend or shrink left its LUN as it was',
    async (language, created, resized) => {
      const api = apiWithLuns();
      api.operation({ subsystemId: 'sub-a', type: 'mirror', sizeBytes: GIB }, canceled);
      api.kindOperation(
        { kind: 'extendLun', request: { subsystemId: 'sub-a', lunId: '1', bytesToAdd: GIB } },
        canceled,
      );
      api.kindOperation(
        { kind: 'shrinkLun', request: { subsystemId: 'sub-a', lunId: '1', bytesToRemove: GIB } },
        canceled,
      );
      await renderWithApp(<MonitorView monitorWindow={false} />, { api, language });
      await act(flush);
      const heading = (kind: string) => {
        const row = screen.getAllByTestId('operation-row').find((r) => r.getAttribute('data-kind') === kind)!;
        return within(row).getByTestId('error-details').textContent;
      };
      expect(heading('createLun')).toContain(created);
      expect(heading('extendLun')).toContain(resized);
      expect(heading('shrinkLun')).toContain(resized);
      expect(heading('extendLun')).not.toContain(created);
    },
  );
});
