// Words for table cells: camelCase model values as people read them.

/** "notReady" → "Not ready", "hotSpareInUse" → "Hot spare in use". */
export function humanize(value: string): string {
  const words = value.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function unmaskingLabel(list: string): string {
  if (list === '*') return 'all hosts';
  if (list === '') return 'none';
  return list;
}
