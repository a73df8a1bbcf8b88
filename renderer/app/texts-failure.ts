/** What the page shows when not even the English texts could be fetched (the host stopped while the page
 * loaded, or the build is incomplete): plain DOM, no texts to translate it with, and a way to try again. */
export function showTextsFailure(root: HTMLElement, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.style.cssText = 'font-family: system-ui, sans-serif; margin: 2rem; max-width: 40rem';
  const heading = document.createElement('h1');
  heading.textContent = 'LUN Studio could not load its texts';
  heading.style.fontSize = '1.25rem';
  const detail = document.createElement('p');
  detail.textContent = `${reason}. Check that LUN Studio is still running, then reload the page.`;
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => window.location.reload());
  box.append(heading, detail, reload);
  root.replaceChildren(box);
}
