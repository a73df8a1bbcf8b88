// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithLuns, GIB } from '../lun-actions/lun-actions.helpers';

const ref = { subsystemId: 'sub-a', lunId: '1' };

function seed() {
  const api = apiWithLuns();
  const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
  const done = (s: number) => ({
    state: 'succeeded' as const,
    percent: 100,
    startedAt: at(s),
    endedAt: at(s - 1),
  });
  api.operation({ subsystemId: 'sub-a', type: 'mirror', sizeBytes: 10 * GIB }, done(60));
  api.kindOperation(
    { kind: 'setLunMask', request: { ...ref, unmaskingList: 'iqn.1991-05.com.microsoft:host1' } },
    done(50),
  );
  api.kindOperation({ kind: 'shrinkLun', request: { ...ref, newSizeBytes: 9.5 * GIB } }, done(40));
  api.kindOperation({ kind: 'deleteLun', request: ref }, { state: 'queued', percent: null, startedAt: null });
  api.kindOperation(
    { kind: 'extendLun', request: { ...ref, bytesToAdd: GIB } },
    { state: 'running', percent: 42, startedAt: at(5) },
  );
  return api;
}

const rowOf = (kind: string) =>
  screen.getAllByTestId('operation-row').find((r) => r.getAttribute('data-kind') === kind)!;

describe('monitor: every operation kind with its own label', () => {
  it('labels and describes each kind; progress and cancel only for async kinds', async () => {
    await renderWithApp(<MonitorView monitorWindow={false} />, { api: seed() });
    await act(flush);
    const label = (kind: string) => within(rowOf(kind)).getByTestId('operation-kind').textContent;
    const title = (kind: string) => within(rowOf(kind)).getByTestId('operation-title').textContent;
    expect(label('createLun')).toBe('Create LUN');
    expect(title('createLun')).toBe('Create Mirror (RAID 1) LUN of 10 GiB on Contoso Array A');
    expect(label('extendLun')).toBe('Extend LUN');
    expect(title('extendLun')).toBe('Extend LUN Data 1 by 1 GiB on Contoso Array A');
    expect(label('shrinkLun')).toBe('Shrink LUN');
    expect(title('shrinkLun')).toBe('Shrink LUN Data 1 to 9.5 GiB on Contoso Array A');
    expect(label('setLunMask')).toBe('Host access');
    expect(title('setLunMask')).toBe(
      'Host access of LUN Data 1 on Contoso Array A: iqn.1991-05.com.microsoft:host1',
    );
    expect(label('deleteLun')).toBe('Delete LUN');
    expect(title('deleteLun')).toBe('Delete LUN Data 1 on Contoso Array A');

    const extend = within(rowOf('extendLun'));
    expect(extend.getByTestId('operation-percent').textContent).toBe('Progress: 42 %');
    expect(extend.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.42');
    expect(
      extend.getByRole('button', { name: 'Cancel: Extend LUN Data 1 by 1 GiB on Contoso Array A' }),
    ).toBeTruthy();
    // synchronous kinds: an instant entry, no progress bar, no cancel (even while queued)
    for (const kind of ['deleteLun', 'setLunMask']) {
      const row = within(rowOf(kind));
      expect(row.getByTestId('operation-instant').textContent).toBe('Instant: one call to the provider');
      expect(row.queryByRole('progressbar')).toBeNull();
      expect(row.queryByRole('button', { name: /^Cancel/ })).toBeNull();
    }
  });

  it('in German', async () => {
    await renderWithApp(<MonitorView monitorWindow={false} />, { api: seed(), language: 'de' });
    await act(flush);
    expect(within(rowOf('extendLun')).getByTestId('operation-kind').textContent).toBe('LUN erweitern');
    expect(within(rowOf('extendLun')).getByTestId('operation-title').textContent).toBe(
      'LUN Data 1 auf Contoso Array A um 1 GiB erweitern',
    );
    expect(within(rowOf('shrinkLun')).getByTestId('operation-title').textContent).toBe(
      'LUN Data 1 auf Contoso Array A auf 9,5 GiB verkleinern',
    );
    expect(within(rowOf('setLunMask')).getByTestId('operation-kind').textContent).toBe('Hostzugriff');
    expect(within(rowOf('deleteLun')).getByTestId('operation-kind').textContent).toBe('LUN löschen');
  });
});
