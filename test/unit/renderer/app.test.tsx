// @vitest-environment jsdom
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/App';
import { preloadLazyParts } from '../../../renderer/app/lazy-views';
import { createI18n, loadLanguage } from '../../../renderer/i18n/i18n';
import { createAppStore } from '../../../renderer/store/create-app-store';
import { FakeApi } from './helpers/fake-api';
import { flush } from './helpers/render-app';

async function renderApp(hash: string, desktop: boolean, language: 'en' | 'de' = 'en') {
  window.location.hash = hash;
  const api = new FakeApi();
  const store = createAppStore(api);
  await store.getState().loadInventory();
  await Promise.all([loadLanguage('de'), preloadLazyParts()]);
  render(<App store={store} api={api} i18n={createI18n(language)} desktop={desktop} />);
  await act(flush);
  return { api, store };
}

describe('app shell', () => {
  it('browser: the views are links; the monitor is a view of the same page', async () => {
    const { api } = await renderApp('#/inventory', false);
    expect(screen.getByRole('link', { name: 'Inventory' }).getAttribute('aria-current')).toBe('page');
    await act(async () => {
      window.location.hash = '#/monitor';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await flush();
    });
    expect(screen.getByRole('heading', { level: 2, name: 'Operations' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Progress monitor' }).getAttribute('aria-current')).toBe('page');
    expect(api.openMonitor).not.toHaveBeenCalled();
  });

  it('desktop: the monitor link opens the monitor window instead of navigating', async () => {
    const { api } = await renderApp('#/create', true);
    fireEvent.click(screen.getByRole('link', { name: 'Progress monitor' }));
    expect(api.openMonitor).toHaveBeenCalledTimes(1);
    expect(window.location.hash).toBe('#/create');
  });

  it('desktop monitor window (#/monitor): only the monitor, with Keep open, titled in the UI language', async () => {
    await renderApp('#/monitor', true, 'de');
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('LUN Studio – Fortschrittsanzeige');
    expect(screen.getByRole('checkbox', { name: 'Nach Abschluss geöffnet lassen' })).toBeTruthy();
    expect(document.title).toBe('LUN Studio – Fortschrittsanzeige');
    expect(document.documentElement.lang).toBe('de');
  });

  it('switching the language re-renders every string', async () => {
    await renderApp('#/inventory', false);
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'de' } });
    await act(flush);
    expect(screen.getByRole('link', { name: 'Bestand' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Aktualisieren' })).toBeTruthy();
    expect(localStorage.getItem('lun-studio.language')).toBe('de');
  });

  it('browser: says so while the connection to the host is down', async () => {
    const handlers = new Set<(state: 'connecting' | 'open' | 'closed' | 'unauthorized') => void>();
    const api = new FakeApi();
    const store = createAppStore(api);
    await Promise.all([preloadLazyParts(), loadLanguage('en')]);
    render(
      <App
        store={store}
        api={api}
        i18n={createI18n('en')}
        desktop={false}
        connection={(h) => {
          handlers.add(h);
          return () => handlers.delete(h);
        }}
      />,
    );
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    act(() => handlers.forEach((h) => h('closed')));
    expect(screen.getByTestId('connection-lost').textContent).toBe(
      'The connection to LUN Studio was lost. Reconnecting…',
    );
    act(() => handlers.forEach((h) => h('connecting')));
    expect(screen.getByTestId('connection-lost')).toBeTruthy();
    act(() => handlers.forEach((h) => h('open')));
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    // the host is up but refuses the page's token: say what to open instead
    act(() => handlers.forEach((h) => h('unauthorized')));
    expect(screen.queryByTestId('connection-lost')).toBeNull();
    expect(screen.getByTestId('connection-unauthorized').textContent).toBe(
      'This page has no valid access token. Open the address LUN Studio printed when it started (npm run serve).',
    );
  });
});
