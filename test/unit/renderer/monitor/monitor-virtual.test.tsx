// @vitest-environment jsdom
// A long history: only the rows in view are in the DOM (each saying its place in the whole list), scrolling
// brings the others, the focused row is kept when it scrolls away, and a progress event renders its own row only.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../../../electron/contract/model';
import { MonitorView } from '../../../../renderer/features/monitor/MonitorView';
import { FakeApi } from '../helpers/fake-api';
import { flush, renderWithApp } from '../helpers/render-app';

// Every row render computes its elapsed time once: counting those calls per operation counts row renders.
const renders = vi.hoisted(() => new Map<string, number>());
vi.mock('../../../../renderer/store/operations-slice', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../../renderer/store/operations-slice')>();
  return {
    ...original,
    elapsedSeconds: (op: Operation, now: number) => {
      renders.set(op.id, (renders.get(op.id) ?? 0) + 1);
      return original.elapsedSeconds(op, now);
    },
  };
});

const ROW_PX = 100;
const LIST_PX = 600;
const HISTORY = 1000;
const request = { subsystemId: 'sub-a', type: 'simple' as const, sizeBytes: 2 ** 30 };

// jsdom has no layout: rows measure ROW_PX (the list, like every element, LIST_PX: render-app.tsx).
beforeEach(() => {
  Object.defineProperty(HTMLLIElement.prototype, 'offsetHeight', { configurable: true, get: () => ROW_PX });
  renders.clear();
});
afterEach(() => {
  delete (HTMLLIElement.prototype as { offsetHeight?: number }).offsetHeight;
});

/** Two running creations and HISTORY finished ones, newest first every minute. */
function seed(api: FakeApi) {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const running = [1, 2].map((i) =>
    api.operation(request, { state: 'running', percent: 10 * i, startedAt: at(0.1 * i) }),
  );
  const finished = Array.from({ length: HISTORY }, (_, i) =>
    api.operation(request, { state: 'succeeded', percent: 100, startedAt: at(i + 2), endedAt: at(i + 1) }),
  );
  return { running, finished, all: [...running, ...finished] };
}

const rows = () => screen.queryAllByTestId('operation-row');
const rowIds = () => rows().map((r) => r.getAttribute('data-operation-id'));

describe('monitor: a long history is virtualised', () => {
  it('renders only the rows in view, each with its place in the whole list; scrolling brings later ones', async () => {
    const api = new FakeApi();
    const { all } = seed(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);

    const shown = rows();
    // six rows fill the 600 px list; a few more are rendered around them, never the whole history
    expect(shown.length).toBeGreaterThanOrEqual(LIST_PX / ROW_PX);
    expect(shown.length).toBeLessThanOrEqual(LIST_PX / ROW_PX + 10);
    expect(rowIds()).toEqual(all.slice(0, shown.length).map((op) => op.id));
    expect(shown.map((r) => r.getAttribute('aria-posinset'))).toEqual(shown.map((_, i) => String(i + 1)));
    for (const r of shown) expect(r.getAttribute('aria-setsize')).toBe(String(HISTORY + 2));
    expect(screen.getByRole('list', { name: 'Operations, running first' })).toBeTruthy();
    expect(screen.getByTestId('operation-count').textContent).toBe(
      `${HISTORY + 2} of ${HISTORY + 2} operations`,
    );

    const list = screen.getByTestId('operation-list');
    await act(async () => {
      list.scrollTop = 500 * (ROW_PX + 8);
      fireEvent.scroll(list);
      await flush();
    });
    const later = rowIds();
    const from = Number(rows()[0]!.getAttribute('aria-posinset'));
    // a window of rows far down the history, in order, each at its place; the top ones are gone
    expect(from).toBeGreaterThan(400);
    expect(later).toEqual(all.slice(from - 1, from - 1 + later.length).map((op) => op.id));
    expect(rows().map((r) => r.getAttribute('aria-posinset'))).toEqual(later.map((_, i) => String(from + i)));
    expect(later).not.toContain(all[0]!.id);
    expect(later.length).toBeLessThanOrEqual(LIST_PX / ROW_PX + 10);
  });

  it('keeps the focused row (and its focus) when it scrolls out of view', async () => {
    const api = new FakeApi();
    const { running } = seed(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const first = rows()[0]!;
    const cancel = within(first).getByRole('button', { name: /^Cancel/ });
    act(() => cancel.focus());
    const list = screen.getByTestId('operation-list');
    await act(async () => {
      list.scrollTop = 800 * (ROW_PX + 8);
      fireEvent.scroll(list);
      await flush();
    });
    expect(rowIds()).toContain(running[0]!.id);
    expect(rowIds()).not.toContain(running[1]!.id);
    expect(document.activeElement).toBe(cancel);
    expect(cancel.isConnected).toBe(true);
  });

  it('renders again only the row whose operation changed', async () => {
    const api = new FakeApi();
    const { running } = seed(api);
    await renderWithApp(<MonitorView monitorWindow={false} />, { api });
    await act(flush);
    const visible = rowIds() as string[];
    const before = new Map(visible.map((id) => [id, renders.get(id) ?? 0]));
    for (const id of visible) expect(before.get(id)).toBeGreaterThan(0);

    await act(async () => {
      api.emit({ type: 'operationsProgress', operations: [{ ...running[1]!, percent: 55 }] });
      await flush();
    });
    const changed = rows().find((r) => r.getAttribute('data-operation-id') === running[1]!.id)!;
    expect(within(changed).getByTestId('operation-percent').textContent).toBe('Progress: 55 %');
    for (const id of visible)
      expect([id, renders.get(id)]).toEqual([id, before.get(id)! + (id === running[1]!.id ? 1 : 0)]);
    // the rest of the history was never rendered at all
    expect(renders.size).toBeLessThanOrEqual(LIST_PX / ROW_PX + 10);
  });
});
