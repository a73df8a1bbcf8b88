import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, cleanup, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, vi } from 'vitest';
import { preloadLazyParts } from '../../../../renderer/app/lazy-views';
import { createI18n, type Language, loadLanguage } from '../../../../renderer/i18n/i18n';
import { createAppStore, type AppStore } from '../../../../renderer/store/create-app-store';
import { AppStoreProvider } from '../../../../renderer/store/store-context';
import { wireEvents } from '../../../../renderer/store/wire-events';
import { FakeApi } from './fake-api';

// jsdom lacks layout: give elements a size so virtualised lists render rows, and stub the observers Fluent uses.
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    addListener: () => {},
    removeListener: () => {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.getBoundingClientRect = function () {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: 600,
      right: 800,
      width: 800,
      height: 600,
      toJSON: () => ({}),
    };
  };
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 800 });
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 800 });
  Element.prototype.scrollTo ??= vi.fn() as unknown as typeof Element.prototype.scrollTo;
  Element.prototype.scrollIntoView ??= vi.fn() as unknown as typeof Element.prototype.scrollIntoView;
}

afterEach(() => cleanup());

export interface Rendered {
  api: FakeApi;
  store: AppStore;
}

export const flush = () => new Promise((r) => setTimeout(r, 0));

/** A ScheduleFlush that applies at once (no animation frame to wait for). */
export const applyNow = (apply: () => void) => apply();

/** Renders UI inside the providers the app uses, with a FakeApi-backed store that has read its inventory. */
export async function renderWithApp(
  ui: ReactNode,
  options: { api?: FakeApi; language?: Language } = {},
): Promise<Rendered & ReturnType<typeof render>> {
  const api = options.api ?? new FakeApi();
  const store = createAppStore(api);
  // Each event at once: these tests follow one event to the screen; the per-frame coalescing is
  // wire-events.test's subject.
  wireEvents(store, api, applyNow);
  await store.getState().loadInventory();
  // The app fetches these before it renders them; here they are fetched first, so renders are synchronous.
  await Promise.all([loadLanguage(options.language ?? 'en'), preloadLazyParts()]);
  const i18n = createI18n(options.language ?? 'en');
  const result = render(
    <I18nextProvider i18n={i18n}>
      <AppStoreProvider store={store} api={api} desktop={false}>
        <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
      </AppStoreProvider>
    </I18nextProvider>,
  );
  // A view that shows a subsystem's drives reads them when it mounts (listDrives): let that answer arrive.
  await act(flush);
  return { api, store, ...result };
}
