// What must close before a process that met a fatal error exits: each running owner registers its close
// (running operations canceled or marked interrupted in the journal, locks released), so the next start
// reads a consistent journal whichever shell crashed.
const closers = new Set<() => Promise<void>>();

/** Returns the unregister function. */
export function onFatalClose(close: () => Promise<void>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

export async function closeAllForFatal(): Promise<void> {
  await Promise.allSettled([...closers].map((close) => close()));
}
