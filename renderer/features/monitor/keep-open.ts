const KEY = 'lun-studio.monitor.keepOpen';

export function loadKeepOpen(): boolean {
  try {
    return localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export function saveKeepOpen(value: boolean): void {
  try {
    localStorage.setItem(KEY, String(value));
  } catch {
    // not remembered
  }
}

/** How long the desktop monitor window stays after the last operation finished (unless kept open). */
export const AUTO_CLOSE_DELAY_MS = 5000;
