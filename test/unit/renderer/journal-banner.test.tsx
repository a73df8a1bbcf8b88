// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { preloadLazyParts } from '../../../renderer/app/lazy-views';
import { createI18n, loadLanguage } from '../../../renderer/i18n/i18n';
import { createAppStore } from '../../../renderer/store/create-app-store';
import { applyEvent } from '../../../renderer/store/wire-events';
import { FakeApi } from './helpers/fake-api';
import { inventory } from './helpers/fixtures';
import { flush } from './helpers/render-app';

const JOURNAL = '/data/lun-studio/journal.ndjson';
const problem = {
  path: JOURNAL,
  error: {
    code: 'E_JOURNAL_UNWRITABLE',
    hresult: 0x80070070,
    message: `The operation journal ${JOURNAL} cannot be written (ENOSPC: no space left on device): new operations are refused until it can.`,
  },
};

async function renderApp(hash: string, language: 'en' | 'de') {
  window.location.hash = hash;
  const api = new FakeApi();
  const store = createAppStore(api);
  await store.getState().loadInventory();
  await Promise.all([loadLanguage('de'), preloadLazyParts()]);
  render(<App store={store} api={api} i18n={createI18n(language)} desktop={false} />);
  await act(flush);
  return store;
}

describe('journal banner', () => {
  for (const [language, text] of [
    ['en', 'cannot be written: new operations are refused'],
    ['de', 'kann nicht geschrieben werden: Neue Vorgänge werden abgelehnt'],
  ] as const) {
    it(`${language}: shown on every view while the host reports the journal unwritable, gone when it is writable again`, async () => {
      const store = await renderApp('#/create', language);
      expect(screen.queryByTestId('journal-unwritable')).toBeNull();
      const snapshot = inventory();
      await act(async () => {
        applyEvent(store, {
          type: 'inventoryChanged',
          inventory: { ...snapshot, provider: { ...snapshot.provider, journalProblem: problem } },
          drivesChanged: [],
        });
        await flush();
      });
      const banner = screen.getByTestId('journal-unwritable');
      expect(banner.getAttribute('role')).toBe('alert');
      expect(banner.textContent).toContain(JOURNAL);
      expect(banner.textContent).toContain(text);
      await act(async () => {
        window.location.hash = '#/monitor';
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        await flush();
      });
      expect(screen.getByTestId('journal-unwritable')).toBeTruthy();
      await act(async () => {
        applyEvent(store, { type: 'inventoryChanged', inventory: snapshot, drivesChanged: [] });
        await flush();
      });
      expect(screen.queryByTestId('journal-unwritable')).toBeNull();
    });
  }
});
