// The facade's end of the addon's progress batches: routing [route, hresult, percent, bytesDone] rows to each
// operation's listener, and the round interval rule the addon applies.
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_POLL_INTERVAL_MS,
  QUERY_BUDGET_PER_SECOND,
  pollIntervalInUseMs,
} from '../../../native/lib/provider';
import { ProgressRoutes, progressRoutes } from '../../../native/lib/progress-routes';
import type { RawAddon } from '../../../native/lib/raw-addon';

const PENDING = 0x80042409;

describe('ProgressRoutes', () => {
  it('routes each row of a batch to its operation, in order, and ignores routes already gone', () => {
    const routes = new ProgressRoutes();
    const a: number[][] = [];
    const b: number[][] = [];
    const ra = routes.add((...row) => a.push(row));
    const rb = routes.add((...row) => b.push(row));
    expect(ra).not.toBe(rb);
    routes.dispatch(
      new Float64Array([ra, PENDING, 10, 100, rb, PENDING, 20, 200, ra, 0, 100, 1000, 99, 0, 1, 1]),
    );
    expect(a).toEqual([
      [PENDING, 10, 100],
      [0, 100, 1000],
    ]);
    expect(b).toEqual([[PENDING, 20, 200]]);
    routes.delete(ra);
    routes.dispatch(new Float64Array([ra, PENDING, 50, 500]));
    expect(a).toHaveLength(2);
    expect(routes.size).toBe(1);
    expect(routes.batches).toBe(2);
    expect(routes.reports).toBe(3);
  });

  it('a listener that throws costs the others nothing', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const routes = new ProgressRoutes();
    const seen: number[] = [];
    const bad = routes.add(() => {
      throw new Error('boom');
    });
    const good = routes.add((_hr, percent) => seen.push(percent));
    routes.dispatch(new Float64Array([bad, PENDING, 1, 1, good, PENDING, 2, 2]));
    expect(seen).toEqual([2]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('boom'));
    warn.mockRestore();
  });

  it('is set up once per addon; a test double without batches gets none', () => {
    const setProgressListener = vi.fn();
    const addon = { setProgressListener } as unknown as RawAddon;
    const routes = progressRoutes(addon);
    expect(progressRoutes(addon)).toBe(routes);
    expect(setProgressListener).toHaveBeenCalledTimes(1);
    expect(setProgressListener).toHaveBeenCalledWith(routes!.dispatch);
    expect(progressRoutes({} as RawAddon)).toBeUndefined();
  });
});

describe('the poll interval in use', () => {
  it('is the floor while few run, then 1 ms per running operation (1,000 status reads a second)', () => {
    expect(DEFAULT_POLL_INTERVAL_MS).toBe(100);
    expect(QUERY_BUDGET_PER_SECOND).toBe(1000);
    expect(pollIntervalInUseMs(100, 1)).toBe(100);
    expect(pollIntervalInUseMs(100, 100)).toBe(100);
    expect(pollIntervalInUseMs(100, 256)).toBe(256);
    expect(pollIntervalInUseMs(5, 64)).toBe(64);
    expect(pollIntervalInUseMs(250, 4000)).toBe(4000);
  });
});
