// @vitest-environment jsdom
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../../../electron/contract/model';
import { AUTO_CLOSE_DELAY_MS } from '../../../../renderer/features/monitor/keep-open';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { FakeApi } from '../helpers/fake-api';
import { flush, renderWithApp } from '../helpers/render-app';

const request = { subsystemId: 'sub-a', type: 'mirror' as const, sizeBytes: 2 ** 30 };

function history(api: FakeApi): Operation[] {
  const now = Date.now();
  return [
    api.operation(request, {
      state: 'succeeded',
      percent: 100,
      startedAt: new Date(now - 60_000).toISOString(),
      endedAt: new Date(now - 50_000).toISOString(),
    }),
    api.operation(request, {
      state: 'failed',
      percent: 40,
      startedAt: new Date(now - 40_000).toISOString(),
      endedAt: new Date(now - 30_000).toISOString(),
      error: {
        code: 'VDS_E_IO_ERROR',
        hresult: 0x80042442,
        message: 'A drive failed.',
        action: 'Replace it.',
      },
    }),
    api.operation(request, {
      state: 'running',
      percent: null,
      startedAt: new Date(now - 5_000).toISOString(),
    }),
  ];
}

describe('progress monitor', () => {
  it('lists the journal, running first, with state, percent, elapsed and remaining', async () => {
    const api = new FakeApi();
    const [done, failed, running] = history(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const rows = screen.getAllByTestId('operation-row');
    expect(rows.map((r) => r.getAttribute('data-operation-id'))).toEqual([running!.id, failed!.id, done!.id]);
    const first = within(rows[0]!);
    expect(first.getByText('Create Mirror (RAID 1) LUN of 1 GiB on Contoso Array A')).toBeTruthy();
    expect(first.getByTestId('operation-percent').textContent).toBe('Progress: estimating');
    // indeterminate while the provider cannot estimate
    expect(first.getByRole('progressbar').getAttribute('aria-valuenow')).toBeNull();
    expect(rows[0]!.textContent).toMatch(/Elapsed: 0:0[5-6]/);
    expect(rows[0]!.textContent).toContain('Remaining: unknown');
    expect(first.getByRole('button', { name: /^Cancel/ })).toBeTruthy();
    expect(within(rows[2]!).queryByRole('button', { name: /^Cancel/ })).toBeNull();
    expect(rows[2]!.textContent).toContain('Elapsed: 0:10');
    expect(screen.queryByRole('checkbox', { name: 'Keep open after completion' })).toBeNull();
  });

  it('shows a failure with code, HRESULT, message and action', async () => {
    const api = new FakeApi();
    history(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const failedRow = screen.getAllByTestId('operation-row')[1]!;
    expect(within(failedRow).getByTestId('error-code').textContent).toBe('VDS_E_IO_ERROR');
    expect(within(failedRow).getByTestId('error-hresult').textContent).toBe('0x80042442');
    expect(within(failedRow).getByTestId('error-message').textContent).toBe('A drive failed.');
    expect(within(failedRow).getByTestId('error-action').textContent).toBe('What you can do: Replace it.');
  });

  it('shows a failure in German without English: translated by code, the host wording folded away', async () => {
    const api = new FakeApi();
    history(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api, language: 'de' });
    await act(flush);
    const failedRow = screen.getAllByTestId('operation-row')[1]!;
    expect(within(failedRow).getByTestId('error-code').textContent).toBe('VDS_E_IO_ERROR');
    expect(within(failedRow).getByTestId('error-message').textContent).toBe(
      'Auf dem Array ist ein E/A-Fehler aufgetreten.',
    );
    expect(within(failedRow).getByTestId('error-action').textContent).toMatch(
      /^Was Sie tun können: Sehen Sie in der Verwaltungskonsole/,
    );
    const original = within(failedRow).getByTestId('error-original') as HTMLDetailsElement;
    expect(original.open).toBe(false);
    expect(original.querySelector('summary')?.textContent).toBe('Originalmeldung (auf Englisch)');
    expect(original.textContent).toContain('A drive failed.');
  });

  it('names the field at fault by its wizard step in German, the request field beside it', async () => {
    const api = new FakeApi();
    api.operation(request, {
      state: 'failed',
      percent: 0,
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      error: {
        code: 'E_INVALIDARG',
        hresult: 0x80070057,
        message: 'sizeBytes: must be a whole number of bytes',
        action: 'Correct the highlighted field.',
        field: 'sizeBytes',
      },
    });
    await renderWithApp(<MonitorView monitorWindow={false} />, { api, language: 'de' });
    await act(flush);
    const row = screen.getByTestId('operation-row');
    expect(within(row).getByTestId('error-message').textContent).toBe(
      'Ein Wert in der Anfrage ist ungültig.',
    );
    expect(within(row).getByTestId('error-field').textContent).toBe('Feld: Größe (sizeBytes)');
    expect(within(row).getByTestId('error-action').textContent).toBe(
      'Was Sie tun können: Korrigieren Sie das markierte Feld.',
    );
    expect(within(row).getByTestId('error-original').textContent).toContain(
      'must be a whole number of bytes',
    );
  });

  it('shows a canceled creation as canceled at its last percent, not as a failure', async () => {
    const api = new FakeApi();
    const now = Date.now();
    api.operation(request, {
      state: 'canceled',
      percent: 35,
      startedAt: new Date(now - 20_000).toISOString(),
      endedAt: new Date(now - 10_000).toISOString(),
      error: {
        code: 'VDS_E_OPERATION_CANCELED',
        hresult: 0x8004240d,
        message: 'The operation was canceled.',
      },
    });
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const row = screen.getByTestId('operation-row');
    expect(row.textContent).toContain('Canceled: nothing was created');
    expect(row.textContent).not.toContain('The operation failed');
    expect(within(row).getByTestId('operation-percent').textContent).toBe('Progress: 35 %');
  });

  it('follows progress events and cancels a running operation', async () => {
    const api = new FakeApi();
    const [, , running] = history(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    act(() =>
      api.emit({ type: 'operationsProgress', operations: [{ ...running!, percent: 37, etaSeconds: 65 }] }),
    );
    const row = screen.getAllByTestId('operation-row')[0]!;
    expect(within(row).getByTestId('operation-percent').textContent).toBe('Progress: 37 %');
    expect(row.textContent).toContain('Remaining: 1:05');
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.37');
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: /^Cancel/ }));
      await flush();
    });
    expect(api.cancelOperation).toHaveBeenCalledWith({ operationId: running!.id });
    const canceled = screen
      .getByText('Canceled', { selector: '[data-testid="operation-state"]' })
      .closest('[data-testid="operation-row"]')!;
    expect(canceled.getAttribute('data-operation-id')).toBe(running!.id);
  });

  it('offers "Keep open after completion" only in the desktop monitor window', async () => {
    await renderWithApp(<MonitorView monitorWindow={true} />);
    expect(screen.getByRole('checkbox', { name: 'Keep open after completion' })).toBeTruthy();
  });
});

describe('desktop monitor window auto-close', () => {
  async function finishRunning(keepOpen: boolean) {
    localStorage.setItem('lun-studio.monitor.keepOpen', String(keepOpen));
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    const api = new FakeApi();
    const running = api.operation(request, { state: 'running', percent: 50 });
    await renderWithApp(<MonitorView monitorWindow={true} />, { api });
    await act(flush);
    vi.useFakeTimers();
    act(() => {
      api.succeed(running);
    });
    act(() => vi.advanceTimersByTime(AUTO_CLOSE_DELAY_MS + 100));
    vi.useRealTimers();
    return close;
  }

  it('closes a little after the last operation finished', async () => {
    const close = await finishRunning(false);
    expect(close).toHaveBeenCalledTimes(1);
    close.mockRestore();
  });

  it('stays open when "Keep open after completion" is checked', async () => {
    const close = await finishRunning(true);
    expect(screen.getByRole('checkbox', { name: 'Keep open after completion' })).toHaveProperty(
      'checked',
      true,
    );
    expect(close).not.toHaveBeenCalled();
    close.mockRestore();
  });
});
