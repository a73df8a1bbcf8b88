import { describe, expect, it } from 'vitest';
import { BatchProgress, describeBatch } from '../../../electron/host/cli/commands/batch-progress';

function capture(isTTY: boolean, count: number): { out: { text: string }; batch: BatchProgress } {
  const out = { text: '' };
  const batch = new BatchProgress({ write: (t) => void (out.text += t) }, { isTTY, count, startedAtMs: 0 });
  return { out, batch };
}

describe('the batch progress line', () => {
  it('counts each state and averages the percent over the LUNs still going, with an ETA from the start', () => {
    const { batch } = capture(true, 4);
    batch.set(0, 'done', 1000);
    batch.set(1, 'failed', 1000);
    batch.set(2, 'running', 1000);
    batch.progress(2, 40, 10_000);
    // (100 + 40 + 0) / 3 LUNs not failed = 46.67 %; 10 s for 46.67 % → 11.4 s to go.
    expect(describeBatch(batch.figures(10_000))).toBe(
      '4 LUNs: 1 done, 1 running, 1 queued, 1 failed · 46 % · ETA 0:11',
    );
  });

  it('says -- until a LUN reports, and names canceled ones', () => {
    const { batch } = capture(true, 3);
    batch.set(0, 'canceled', 0);
    expect(describeBatch(batch.figures(5000))).toBe(
      '3 LUNs: 0 done, 0 running, 2 queued, 1 canceled · -- % · ETA --',
    );
  });

  it('prints a line above the progress line on a terminal, and only the line elsewhere', () => {
    const tty = capture(true, 2);
    tty.batch.set(0, 'running', 0);
    tty.batch.printAbove({ write: (t) => void (tty.out.text += t) }, 'LUN 1/2 created', 0);
    expect(tty.out.text).toMatch(
      /^\r2 LUNs: .*\r +\rLUN 1\/2 created\n\r2 LUNs: 0 done, 1 running, 1 queued/,
    );
    const plain = capture(false, 2);
    plain.batch.set(0, 'running', 0);
    plain.batch.printAbove({ write: (t) => void (plain.out.text += t) }, 'LUN 1/2 created', 0);
    expect(plain.out.text).toBe('LUN 1/2 created\n');
  });
});
