// The monitor's order (selectOperationsForMonitor's: running, queued first in first out, then finished newest
// first), sorted on keys read once per operation object: a store update re-sorts without parsing ISO times again.
import type { Operation, OperationState } from '../../../electron/contract/model';

const RANK: Record<OperationState, number> = {
  running: 0,
  queued: 1,
  failed: 2,
  interrupted: 2,
  canceled: 2,
  succeeded: 2,
};

/** When it started, else (canceled while queued) when it ended; an operation that has neither is newest. */
const startedMsCache = new WeakMap<Operation, number>();
function startedMs(op: Operation): number {
  let ms = startedMsCache.get(op);
  if (ms === undefined) {
    ms = op.startedAt
      ? Date.parse(op.startedAt)
      : op.endedAt
        ? Date.parse(op.endedAt)
        : Number.MAX_SAFE_INTEGER;
    startedMsCache.set(op, ms);
  }
  return ms;
}

interface Keyed {
  op: Operation;
  rank: number;
  ms: number;
}

export function orderForMonitor(operations: Record<string, Operation>): Operation[] {
  const keyed: Keyed[] = Object.values(operations).map((op) => ({
    op,
    rank: RANK[op.state],
    ms: startedMs(op),
  }));
  // Array.prototype.sort is stable: queued ones keep the order the store learnt them in (queue order).
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.rank === 1) return 0;
    if (a.ms !== b.ms) return b.ms - a.ms;
    return a.op.id < b.op.id ? -1 : a.op.id > b.op.id ? 1 : 0;
  });
  return keyed.map((k) => k.op);
}
