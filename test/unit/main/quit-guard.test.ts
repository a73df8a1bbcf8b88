import { describe, expect, it, vi } from 'vitest';
import type { Operation } from '../../../electron/contract/model';
import { createQuitGuard, isActive } from '../../../electron/main/quit-guard';

const op = (state: Operation['state']) => ({ id: state, state }) as Operation;

describe('quit guard', () => {
  it('lets the app quit without asking when nothing runs', async () => {
    const confirm = vi.fn(async () => false);
    const guard = createQuitGuard({ activeOperations: async () => [], confirm });
    await expect(guard.mayQuit()).resolves.toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks when LUN creations run, and keeps the app when the user says no', async () => {
    const confirm = vi.fn(async () => false);
    const guard = createQuitGuard({ activeOperations: async () => [op('running'), op('queued')], confirm });
    await expect(guard.mayQuit()).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledWith(2);
    await expect(guard.mayQuit()).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledTimes(2);
  });

  it('asks once when quit and window close arrive together, and not again after a yes', async () => {
    let answer: (value: boolean) => void = () => undefined;
    const confirm = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)));
    const guard = createQuitGuard({ activeOperations: async () => [op('running')], confirm });
    const first = guard.mayQuit();
    const second = guard.mayQuit();
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(1));
    answer(true);
    await expect(Promise.all([first, second])).resolves.toEqual([true, true]);
    await expect(guard.mayQuit()).resolves.toBe(true);
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('does not hold the app hostage when the host cannot list operations', async () => {
    const guard = createQuitGuard({
      activeOperations: async () => {
        throw new Error('host gone');
      },
      confirm: async () => false,
    });
    await expect(guard.mayQuit()).resolves.toBe(true);
  });

  it('counts queued and running operations as active, finished ones not', () => {
    expect(
      ['queued', 'running', 'succeeded', 'failed', 'canceled', 'interrupted'].filter((s) =>
        isActive(op(s as Operation['state'])),
      ),
    ).toEqual(['queued', 'running']);
  });
});
