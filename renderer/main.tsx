import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { wrapBridgeApi } from './api/client';
import { createWebSocketApi, defaultWebSocketUrl, takeAccessToken } from './api/ws-client';
import { createI18n, initialLanguage } from './i18n/i18n';
import { createAppStore } from './store/create-app-store';
import { wireEvents } from './store/wire-events';

const desktop = window.lunStudio !== undefined;
const browserStorage = (() => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
})();
const ws = window.lunStudio
  ? null
  : createWebSocketApi({
      url: defaultWebSocketUrl(window.location),
      token: takeAccessToken(window.location, browserStorage, (url) =>
        window.history.replaceState(null, '', url),
      ),
    });
const api = window.lunStudio ? wrapBridgeApi(window.lunStudio) : ws!;
const store = createAppStore(api);
wireEvents(store, api);

const load = () => {
  void store.getState().loadInventory();
  void store.getState().loadOperations();
};
load();
// After the browser shell's socket comes back, events may have been missed: read everything again.
let connectedBefore = false;
ws?.onConnectionChange((state) => {
  if (state !== 'open') return;
  if (connectedBefore) load();
  connectedBefore = true;
});

const i18n = createI18n(initialLanguage());
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App
      store={store}
      api={api}
      i18n={i18n}
      desktop={desktop}
      connection={ws ? (handler) => ws.onConnectionChange(handler) : undefined}
    />
  </StrictMode>,
);
