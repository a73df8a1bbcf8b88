import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LunStudioEvent } from '../../../electron/contract/api';
import type { Operation } from '../../../electron/contract/model';
import { ProgressFanout } from '../../../electron/host/progress-fanout';

function op(id: string, percent: number | null, state: Operation['state'] = 'running'): Operation {
  return {
    id,
    kind: 'createLun',
    subsystemId: 's',
    request: { subsystemId: 's', type: 'simple', sizeBytes: 1 },
    state,
    percent,
    startedAt: null,
    endedAt: null,
    bytesPerSecond: null,
    etaSeconds: null,
  };
}

describe('ProgressFanout', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('coalesces a flood to ≤ 10 per second per operation and still delivers the latest value', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const seen: LunStudioEvent[] = [];
    fanout.subscribe((event) => seen.push(event));
    // 1,000 updates over 1 s (one per ms) for each of two operations.
    for (let ms = 0; ms < 1000; ms += 1) {
      fanout.publish({ type: 'operationProgress', operation: op('a', ms / 10) });
      fanout.publish({ type: 'operationProgress', operation: op('b', ms / 20) });
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    for (const id of ['a', 'b']) {
      const mine = seen.filter((e) => e.type === 'operationProgress' && e.operation.id === id);
      expect(mine.length).toBeGreaterThanOrEqual(9);
      expect(mine.length).toBeLessThanOrEqual(11);
      const last = mine[mine.length - 1]!;
      expect(last.type === 'operationProgress' && last.operation.percent).toBe(id === 'a' ? 99.9 : 49.95);
    }
  });

  it('never delivers two progress events of one operation closer than the interval', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const times: number[] = [];
    fanout.subscribe(() => times.push(Date.now()));
    for (let i = 0; i < 300; i += 1) {
      fanout.publish({ type: 'operationProgress', operation: op('a', i / 3) });
      vi.advanceTimersByTime(7);
    }
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('delivers operationFinished after the last progress and drops any progress still pending', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const seen: LunStudioEvent[] = [];
    fanout.subscribe((event) => seen.push(event));
    fanout.publish({ type: 'operationProgress', operation: op('a', 10) }); // sent at once
    fanout.publish({ type: 'operationProgress', operation: op('a', 90) }); // pending
    fanout.publish({ type: 'operationFinished', operation: op('a', 100, 'succeeded') });
    vi.advanceTimersByTime(500);
    expect(seen.map((e) => [e.type, 'operation' in e ? e.operation.percent : null])).toEqual([
      ['operationProgress', 10],
      ['operationFinished', 100],
    ]);
  });

  it('gives every subscriber every event, even when one of them throws', () => {
    const errors: unknown[] = [];
    const fanout = new ProgressFanout({ onSubscriberError: (error) => errors.push(error) });
    const counts = [0, 0, 0];
    fanout.subscribe(() => {
      counts[0]! += 1;
      throw new Error('broken window');
    });
    fanout.subscribe(() => (counts[1]! += 1));
    const unsubscribe = fanout.subscribe(() => (counts[2]! += 1));
    fanout.publish({ type: 'operationFinished', operation: op('a', 100, 'succeeded') });
    unsubscribe();
    fanout.publish({ type: 'operationFinished', operation: op('b', 100, 'succeeded') });
    expect(counts).toEqual([2, 2, 1]);
    expect(errors).toHaveLength(2);
  });
});
