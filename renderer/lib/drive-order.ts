/** Toggling and moving a drive in an ordered selection (pure: the wizard slice and the dialogs use it). */
export function toggleInOrder(ids: readonly string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((d) => d !== id) : [...ids, id];
}

export function moveInOrder(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const i = ids.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= ids.length) return [...ids];
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
