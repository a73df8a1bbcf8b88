/** The LUN table's heading: where focus goes when an action's dialog closes and the button that opened it is
 * gone with its LUN (after a delete), instead of falling back to the top of the page. */
export const LUNS_HEADING_ID = 'luns-heading';

function lunRowShown(lunId: string): boolean {
  return [...document.querySelectorAll('[data-testid="lun-row"]')].some(
    (row) => row.getAttribute('data-lun-id') === lunId,
  );
}

/** Call when the dialog of an action on `lunId` closes. Fluent hands focus back to the opener itself; this only
 * acts when that LUN's row is gone. */
export function focusLunsHeadingIfLunGone(lunId: string): void {
  // after Fluent's own focus restoration, which runs once the dialog has left the tree
  setTimeout(() => {
    if (typeof document === 'undefined' || lunRowShown(lunId)) return;
    document.getElementById(LUNS_HEADING_ID)?.focus();
  }, 0);
}
