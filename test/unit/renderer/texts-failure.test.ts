// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { showTextsFailure } from '../../../renderer/app/texts-failure';

describe('the page when not even the English texts can be fetched', () => {
  it('says so with the reason, what to check, and a Reload that reloads', () => {
    const root = document.createElement('div');
    root.textContent = 'stale';
    showTextsFailure(root, new TypeError('Failed to fetch dynamically imported module: en-x.js'));
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('LUN Studio could not load its texts');
    expect(alert.textContent).toContain('Failed to fetch dynamically imported module: en-x.js');
    expect(alert.textContent).toContain('reload the page');
    expect(root.textContent).not.toContain('stale');
    const reload = vi.fn();
    Object.defineProperty(window, 'location', { value: { reload }, configurable: true });
    root.querySelector('button')!.click();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
