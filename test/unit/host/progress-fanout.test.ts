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

  const batches = (seen: LunStudioEvent[]) =>
    seen.flatMap((e) => (e.type === 'operationsProgress' ? [e.operations] : []));

  it('coalesces a flood to ≤ 10 batches per second, each operation at most once per batch, the latest value last', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const seen: LunStudioEvent[] = [];
    fanout.subscribe((event) => seen.push(event));
    // 1,000 updates over 1 s (one per ms) for each of two operations.
    for (let ms = 0; ms < 1000; ms += 1) {
      fanout.progress(op('a', ms / 10));
      fanout.progress(op('b', ms / 20));
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    const sent = batches(seen);
    expect(sent.length).toBeGreaterThanOrEqual(9);
    expect(sent.length).toBeLessThanOrEqual(11);
    for (const batch of sent) expect(batch.map((o) => o.id)).toEqual(['a', 'b']);
    expect(sent.at(-1)!.map((o) => o.percent)).toEqual([99.9, 49.95]);
  });

  it('never delivers two batches closer than the interval', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const times: number[] = [];
    fanout.subscribe(() => times.push(Date.now()));
    for (let i = 0; i < 300; i += 1) {
      fanout.progress(op('a', i / 3));
      vi.advanceTimersByTime(7);
    }
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i += 1) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(100);
  });

  it('one poll round of 256 reports leaves as one event', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const seen: LunStudioEvent[] = [];
    fanout.subscribe((event) => seen.push(event));
    for (let i = 0; i < 256; i += 1) fanout.progress(op(`op-${i}`, 1));
    vi.advanceTimersByTime(0);
    expect(seen).toHaveLength(1);
    expect(batches(seen)[0]).toHaveLength(256);
  });

  it('delivers operationFinished after the last progress: a pending batch holding that operation goes out first', () => {
    const fanout = new ProgressFanout({ intervalMs: 100, now: () => Date.now() });
    const seen: LunStudioEvent[] = [];
    fanout.subscribe((event) => seen.push(event));
    fanout.progress(op('a', 10));
    vi.advanceTimersByTime(0); // sent
    fanout.progress(op('a', 90)); // pending
    fanout.progress(op('b', 50)); // pending
    fanout.publish({ type: 'operationFinished', operation: op('a', 100, 'succeeded') });
    vi.advanceTimersByTime(500);
    expect(
      seen.map((e) =>
        e.type === 'operationsProgress'
          ? e.operations.map((o) => `${o.id}:${o.percent}`).join(',')
          : 'operation' in e
            ? `${e.type} ${e.operation.id}:${e.operation.percent}`
            : e.type,
      ),
    ).toEqual(['a:10', 'a:90,b:50', 'operationFinished a:100']);
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
