// @vitest-environment jsdom
// The monitor as an admin lives with it: times, order, filter and search, clear finished, export, and the
// live region that says when something ended.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../../../electron/contract/model';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { toCsv, toNdjson } from '../../../../renderer/features/monitor/export-operations';
import { FIRST_PAGE_OPERATIONS } from '../../../../renderer/store/operations-slice';
import { apiError, FakeApi, holdCalls } from '../helpers/fake-api';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithLuns, GIB } from '../lun-actions/lun-actions.helpers';

const ref = { subsystemId: 'sub-a', lunId: '1' };
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/** Newest first: a running extend of "Data 1", a failed creation on sub-b, a queued job canceled before it
 * started (ended 20 min ago), a mask change of "Data 2" (30 min ago), a creation on sub-a (60 min ago). */
function seed(api: FakeApi = apiWithLuns()) {
  const running = api.kindOperation(
    { kind: 'extendLun', request: { ...ref, bytesToAdd: GIB } },
    { state: 'running', percent: 40, startedAt: at(1) },
  );
  const failed = api.operation(
    { subsystemId: 'sub-b', type: 'simple', sizeBytes: 2 * GIB },
    {
      state: 'failed',
      percent: 10,
      startedAt: at(11),
      endedAt: at(10),
      error: { code: 'VDS_E_IO_ERROR', hresult: 0x80042442, message: 'A drive failed, "bay 3".' },
    },
  );
  const neverRan = api.operation(
    { subsystemId: 'sub-a', type: 'mirror', sizeBytes: GIB },
    { state: 'canceled', percent: null, startedAt: null, endedAt: at(20) },
  );
  const mask = api.kindOperation(
    { kind: 'setLunMask', request: { subsystemId: 'sub-a', lunId: '2', unmaskingList: '' } },
    { state: 'succeeded', percent: 100, startedAt: at(31), endedAt: at(30) },
  );
  const created = api.operation(
    { subsystemId: 'sub-a', type: 'mirror', sizeBytes: 4 * GIB },
    { state: 'succeeded', percent: 100, startedAt: at(61), endedAt: at(60) },
  );
  return { api, running, failed, neverRan, mask, created };
}

const rowIds = () => screen.queryAllByTestId('operation-row').map((r) => r.getAttribute('data-operation-id'));
const row = (op: Operation) =>
  screen.getAllByTestId('operation-row').find((r) => r.getAttribute('data-operation-id') === op.id)!;

afterEach(() => vi.restoreAllMocks());

describe('monitor: times and order', () => {
  it('shows start and end times in the UI language; a job canceled while queued sorts by when it ended, without progress', async () => {
    const { api, running, failed, neverRan, mask, created } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    expect(rowIds()).toEqual([running.id, failed.id, neverRan.id, mask.id, created.id]);

    const failedRow = within(row(failed));
    expect(failedRow.getByTestId('operation-started').textContent).toMatch(
      /^Started: \d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}:\d{2}\s?(AM|PM)$/,
    );
    expect(failedRow.getByTestId('operation-ended').textContent).toMatch(/^Ended: \d{1,2}\/\d{1,2}\/\d{4}, /);
    expect(within(row(running)).queryByTestId('operation-ended')).toBeNull();

    const never = within(row(neverRan));
    expect(never.getByTestId('operation-state').textContent).toBe('Canceled');
    expect(never.getByTestId('operation-never-started').textContent).toBe(
      'Never started: it ended while still queued',
    );
    expect(row(neverRan).textContent).not.toContain('Progress');
    expect(row(neverRan).textContent).not.toContain('estimating');
    expect(never.queryByRole('progressbar')).toBeNull();
    expect(never.queryByTestId('operation-started')).toBeNull();
    expect(never.getByTestId('operation-ended').textContent).toMatch(/^Ended: /);
  });

  it('in German: German date format and words', async () => {
    const { api, failed, neverRan } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api, language: 'de' });
    await act(flush);
    expect(within(row(failed)).getByTestId('operation-started').textContent).toMatch(
      /^Gestartet: \d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}:\d{2}$/,
    );
    expect(within(row(failed)).getByTestId('operation-ended').textContent).toMatch(/^Beendet: \d{1,2}\.\d/);
    expect(within(row(neverRan)).getByTestId('operation-never-started').textContent).toBe(
      'Nie gestartet: beendet, während er noch wartete',
    );
    expect(screen.getByTestId('operation-count').textContent).toBe('5 von 5 Vorgängen');
  });
});

describe('monitor: filter and search', () => {
  it('narrows by state, kind and subsystem and says how many of all are shown', async () => {
    const { api, running, failed, neverRan, mask, created } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const count = () => screen.getByTestId('operation-count').textContent;
    expect(count()).toBe('5 of 5 operations');

    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'succeeded' } });
    expect(rowIds()).toEqual([mask.id, created.id]);
    expect(count()).toBe('2 of 5 operations');

    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'setLunMask' } });
    expect(rowIds()).toEqual([mask.id]);
    expect(count()).toBe('1 of 5 operations');

    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'all' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'createLun' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Subsystem' }), { target: { value: 'sub-b' } });
    expect(rowIds()).toEqual([failed.id]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Subsystem' }), { target: { value: 'sub-a' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'failed' } });
    expect(rowIds()).toEqual([]);
    expect(screen.getByTestId('no-match').textContent).toBe('No operation matches the filter.');
    expect(count()).toBe('0 of 5 operations');

    fireEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(rowIds()).toEqual([running.id, failed.id, neverRan.id, mask.id, created.id]);
    expect(screen.queryByRole('button', { name: 'Show all' })).toBeNull();
  });

  it('searches the LUN name and id, the subsystem name and the error code, typed from the keyboard', async () => {
    const { api, running, failed, mask } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const user = userEvent.setup();
    const search = screen.getByRole('searchbox', { name: /^Search/ });
    // Native form controls, in the tab order (walking them with Tab is checked in a real browser: monitor.spec.ts).
    for (const control of [
      screen.getByRole('combobox', { name: 'State' }),
      screen.getByRole('combobox', { name: 'Kind' }),
      screen.getByRole('combobox', { name: 'Subsystem' }),
      search,
    ])
      expect(control.tabIndex).toBe(0);
    await user.click(search);
    await user.keyboard('data 2');
    expect(rowIds()).toEqual([mask.id]);
    await user.clear(search);
    await user.keyboard('vds_e_io');
    expect(rowIds()).toEqual([failed.id]);
    await user.clear(search);
    await user.keyboard('Fabrikam');
    expect(rowIds()).toEqual([failed.id]);
    await user.clear(search);
    await user.keyboard('1');
    expect(rowIds()).toContain(running.id); // LUN id "1" (and "Data 1")
    expect(rowIds()).not.toContain(mask.id);
    expect(screen.getByTestId('operation-count').textContent).toMatch(/^\d of 5 operations$/);
  });
});

describe('monitor: clear finished', () => {
  it('asks first, naming how many go; "Keep them" keeps them', async () => {
    const { api } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: 'Clear finished…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Clear finished operations?' });
    expect(dialog.textContent).toContain('4 finished entries are removed from the history for good');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep them' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.clearFinishedOperations).not.toHaveBeenCalled();
    expect(rowIds()).toHaveLength(5);
  });

  it('confirmed, clears the finished ones and leaves queued and running ones; then there is nothing to clear', async () => {
    const { api, running } = seed();
    const queued = api.kindOperation(
      { kind: 'deleteLun', request: { subsystemId: 'sub-a', lunId: '2' } },
      { state: 'queued', percent: null, startedAt: null },
    );
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: 'Clear finished…' }));
    const dialog = await screen.findByRole('alertdialog');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Clear 4 entries' }));
      await flush();
    });
    expect(api.clearFinishedOperations).toHaveBeenCalledTimes(1);
    expect(rowIds()).toEqual([running.id, queued.id]);
    expect(screen.getByRole('status').textContent).toBe('Cleared 4 finished entries.');
    expect(screen.getByRole('button', { name: 'Clear finished…' })).toHaveProperty('disabled', true);
  });

  it('in German, and a refusal shows the error with its code; the list stays', async () => {
    const { api } = seed();
    api.clearError = apiError(
      'E_JOURNAL_UNWRITABLE',
      0x80070070,
      'The operation journal /x/journal.ndjson cannot be written (disk full).',
    );
    await renderWithApp(<MonitorView monitorWindow={false} />, { api, language: 'de' });
    await act(flush);
    fireEvent.click(screen.getByRole('button', { name: 'Abgeschlossene entfernen…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Abgeschlossene Vorgänge entfernen?' });
    expect(dialog.textContent).toContain(
      '4 abgeschlossene Einträge werden endgültig aus dem Verlauf entfernt',
    );
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: '4 Einträge entfernen' }));
      await flush();
    });
    expect(screen.getByText('Der Verlauf konnte nicht geleert werden')).toBeTruthy();
    expect(screen.getAllByTestId('error-code').map((e) => e.textContent)).toContain('E_JOURNAL_UNWRITABLE');
    expect(rowIds()).toHaveLength(5);
  });

  it('drops what another window cleared (operationsCleared), never an unfinished one', async () => {
    const { api, running, failed, created } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    act(() => api.emit({ type: 'operationsCleared', operationIds: [failed.id, created.id, running.id] }));
    expect(rowIds()).not.toContain(failed.id);
    expect(rowIds()).not.toContain(created.id);
    expect(rowIds()).toContain(running.id);
    expect(screen.getByTestId('operation-count').textContent).toBe('3 of 3 operations');
  });
});

describe('monitor: export', () => {
  it('CSV and NDJSON carry every field of the journal, quoted where needed', () => {
    const { failed, mask, neverRan } = seed();
    const csv = toCsv([failed, mask, neverRan]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,kind,state,subsystemId,lunId,lunName,sizeBytes,bytesToAdd,bytesToRemove,newSizeBytes,' +
        'sizeBeforeBytes,sizeAfterBytes,percent,startedAt,endedAt,errorCode,hresult,message',
    );
    expect(lines[1]).toBe(
      `${failed.id},createLun,failed,sub-b,,,${2 * GIB},,,,,,10,${failed.startedAt},${failed.endedAt},` +
        'VDS_E_IO_ERROR,0x80042442,"A drive failed, ""bay 3""."',
    );
    expect(lines[2]).toBe(
      `${mask.id},setLunMask,succeeded,sub-a,2,Data 2,,,,,${10 * GIB},,100,${mask.startedAt},${mask.endedAt},,,`,
    );
    expect(lines[3]).toBe(`${neverRan.id},createLun,canceled,sub-a,,,${GIB},,,,,,,,${neverRan.endedAt},,,`);
    expect(lines[4]).toBe('');

    const records = toNdjson([failed, mask])
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toEqual({
      id: failed.id,
      kind: 'createLun',
      state: 'failed',
      subsystemId: 'sub-b',
      lunId: null,
      lunName: null,
      sizeBytes: 2 * GIB,
      bytesToAdd: null,
      bytesToRemove: null,
      newSizeBytes: null,
      sizeBeforeBytes: null,
      sizeAfterBytes: null,
      percent: 10,
      startedAt: failed.startedAt,
      endedAt: failed.endedAt,
      errorCode: 'VDS_E_IO_ERROR',
      hresult: '0x80042442',
      message: 'A drive failed, "bay 3".',
    });
    expect(records[1]).toMatchObject({
      id: mask.id,
      lunId: '2',
      lunName: 'Data 2',
      sizeBeforeBytes: 10 * GIB,
    });
  });

  it('waits for the whole history: while only its first page is here, both exports are off', async () => {
    const api = apiWithLuns();
    for (let i = 0; i < FIRST_PAGE_OPERATIONS + 5; i += 1)
      api.operation(
        { subsystemId: 'sub-a', type: 'simple', sizeBytes: GIB },
        { state: 'succeeded', percent: 100, startedAt: at(i + 1), endedAt: at(i) },
      );
    // The whole history waits; the first page answers at once.
    const release = holdCalls(api.listOperations, (filter) => !filter || filter.limit === undefined);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    expect(screen.getAllByTestId('operation-row').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Export CSV' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Export NDJSON' }).hasAttribute('disabled')).toBe(true);
    await act(async () => {
      release();
      await flush();
    });
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Export CSV' }).hasAttribute('disabled')).toBe(false),
    );
    expect(screen.getByRole('button', { name: 'Export NDJSON' }).hasAttribute('disabled')).toBe(false);
  });

  it('downloads the filtered list as a .csv and an .ndjson file', async () => {
    const { api, mask, created } = seed();
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const blobs: Blob[] = [];
    const names: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:monitor-export';
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'State' }), { target: { value: 'succeeded' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export NDJSON' }));
    expect(names[0]).toMatch(/^lun-studio-operations-\d{8}-\d{6}\.csv$/);
    expect(names[1]).toMatch(/^lun-studio-operations-\d{8}-\d{6}\.ndjson$/);
    const csv = await blobs[0]!.text();
    expect(
      csv
        .split('\r\n')
        .filter(Boolean)
        .slice(1)
        .map((line) => line.split(',')[0]),
    ).toEqual([mask.id, created.id]);
    const ndjson = (await blobs[1]!.text()).trimEnd().split('\n');
    expect(ndjson.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual([mask.id, created.id]);
  });
});

describe('monitor: live announcements', () => {
  it('announces an operation that ends, in English and German, and stays quiet on progress ticks', async () => {
    for (const language of ['en', 'de'] as const) {
      const api = apiWithLuns();
      const running = api.kindOperation(
        { kind: 'extendLun', request: { ...ref, bytesToAdd: GIB } },
        { state: 'running', percent: 10, startedAt: at(1) },
      );
      const { unmount } = await renderWithApp(<MonitorView monitorWindow={false} />, { api, language });
      await act(flush);
      const status = screen.getByRole('status');
      expect(status.getAttribute('aria-live')).toBe('polite');
      act(() => api.emit({ type: 'operationsProgress', operations: [{ ...running, percent: 55 }] }));
      expect(status.textContent).toBe('');
      act(() =>
        api.emit({
          type: 'operationFinished',
          operation: {
            ...running,
            state: 'failed',
            endedAt: new Date().toISOString(),
            error: { code: 'VDS_E_IO_ERROR', hresult: 0x80042442, message: 'A drive failed.' },
          },
        }),
      );
      expect(status.textContent).toBe(
        language === 'en'
          ? 'Failed: Extend LUN Data 1 by 1 GiB on Contoso Array A'
          : 'Fehlgeschlagen: LUN Data 1 auf Contoso Array A um 1 GiB erweitern',
      );
      unmount();
    }
  });
});
