// Quitting cancels LUN creations that are still running: ask first.
import type { Operation } from '../contract/model';

export interface QuitGuardDeps {
  /** Operations queued or running now. */
  activeOperations(): Promise<Operation[]>;
  /** Asks the user; true = cancel them and quit. */
  confirm(activeCount: number): Promise<boolean>;
}

export interface QuitGuard {
  /** True when the app may quit (nothing runs, or the user agreed). Asks at most once per agreement. */
  mayQuit(): Promise<boolean>;
}

export function createQuitGuard(deps: QuitGuardDeps): QuitGuard {
  let agreed = false;
  let pending: Promise<boolean> | undefined;
  const decide = async (): Promise<boolean> => {
    if (agreed) return true;
    let active: Operation[];
    try {
      active = await deps.activeOperations();
    } catch {
      active = [];
    }
    if (active.length === 0 || (await deps.confirm(active.length))) agreed = true;
    return agreed;
  };
  return {
    mayQuit() {
      // Quit and close can arrive together: one question, one answer.
      pending ??= decide().finally(() => {
        pending = undefined;
      });
      return pending;
    },
  };
}

export function isActive(operation: Operation): boolean {
  return operation.state === 'queued' || operation.state === 'running';
}
