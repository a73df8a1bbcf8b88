// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { flush, renderWithApp } from '../helpers/render-app';
import { apiWithMap } from '../maintenance/maintenance.helpers';

function seed() {
  const api = apiWithMap();
  const at = (s: number) => new Date(Date.now() - s * 1000).toISOString();
  const done = (s: number) => ({
    state: 'succeeded' as const,
    percent: 100,
    startedAt: at(s),
    endedAt: at(s - 1),
  });
  api.kindOperation(
    { kind: 'identifyDrive', request: { subsystemId: 'sub-a', driveId: 'd0', on: true } },
    done(50),
  );
  api.kindOperation(
    { kind: 'setHotSpare', request: { subsystemId: 'sub-a', driveId: 'd4', hotSpare: false } },
    done(40),
  );
  api.kindOperation(
    { kind: 'replaceDrive', request: { subsystemId: 'sub-a', driveId: 'd3', replacementDriveId: 'd9' } },
    done(30),
  );
  api.kindOperation(
    { kind: 'recoverLun', request: { subsystemId: 'sub-a', lunId: '1' } },
    { state: 'running', percent: 30, startedAt: at(5) },
  );
  return api;
}

const rowOf = (kind: string) =>
  screen.getAllByTestId('operation-row').find((r) => r.getAttribute('data-kind') === kind)!;
const label = (kind: string) => within(rowOf(kind)).getByTestId('operation-kind').textContent;
const title = (kind: string) => within(rowOf(kind)).getByTestId('operation-title').textContent;

describe('monitor: the drive and repair kinds', () => {
  it('names each kind and what it did; recovery streams progress and can be canceled, drive kinds are instant', async () => {
    await renderWithApp(<MonitorView monitorWindow={false} />, { api: seed() });
    await act(flush);
    expect(label('recoverLun')).toBe('Recover LUN');
    expect(title('recoverLun')).toBe('Recover LUN Data 1 on Contoso Array A');
    expect(label('identifyDrive')).toBe('Identify drive');
    expect(title('identifyDrive')).toBe('Turn on the identify light of drive Bay d0 on Contoso Array A');
    expect(label('setHotSpare')).toBe('Hot spare');
    expect(title('setHotSpare')).toBe('Drive Bay d4 on Contoso Array A no longer a hot spare');
    expect(label('replaceDrive')).toBe('Replace drive');
    expect(title('replaceDrive')).toBe('Replace drive Bay d3 by Shelf 1 Bay 0 on Contoso Array A');
    const recover = within(rowOf('recoverLun'));
    expect(recover.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('0.3');
    expect(
      recover.getByRole('button', { name: 'Cancel: Recover LUN Data 1 on Contoso Array A' }),
    ).toBeTruthy();
    for (const kind of ['identifyDrive', 'setHotSpare', 'replaceDrive'])
      expect(within(rowOf(kind)).getByTestId('operation-instant')).toBeTruthy();
  });

  it('in German', async () => {
    await renderWithApp(<MonitorView monitorWindow={false} />, { api: seed(), language: 'de' });
    await act(flush);
    expect(label('recoverLun')).toBe('LUN wiederherstellen');
    expect(title('recoverLun')).toBe('LUN Data 1 auf Contoso Array A wiederherstellen');
    expect(label('identifyDrive')).toBe('Laufwerk identifizieren');
    expect(title('setHotSpare')).toBe('Laufwerk Bay d4 auf Contoso Array A nicht mehr als Hot Spare');
    expect(title('replaceDrive')).toBe('Laufwerk Bay d3 auf Contoso Array A durch Shelf 1 Bay 0 ersetzen');
  });
});
