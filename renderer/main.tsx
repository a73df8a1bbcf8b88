import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadRoute } from './app/lazy-views';
import { loadDarkTheme, prefersDarkNow } from './app/theme';
import { routeFromHash } from './app/use-route';
import { wrapBridgeApi } from './api/client';
import type { ConnectionSource } from './app/ConnectionBanner';
import {
  type ConnectionState,
  createWebSocketApi,
  defaultWebSocketUrl,
  takeAccessToken,
} from './api/ws-client';
import { initialLanguage, startI18n } from './i18n/i18n';
import { showTextsFailure } from './app/texts-failure';
import { createAppStore } from './store/create-app-store';
import { readAtStart } from './store/read-at-start';
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
// The view's chunks and the texts first (the token is out of the address now, so the route is known): they
// come while the rest of this starts.
const viewReady = preloadRoute(routeFromHash(window.location.hash));
const texts = startI18n(initialLanguage());

const api = window.lunStudio ? wrapBridgeApi(window.lunStudio) : ws!;
const store = createAppStore(api);
wireEvents(store, api);

const load = () => void readAtStart(store, routeFromHash(window.location.hash));
load();
// After the browser shell's socket comes back, events may have been missed: read everything again.
let connectedBefore = false;
let connectionState: ConnectionState | undefined;
ws?.onConnectionChange((state) => {
  connectionState = state;
  if (state !== 'open') return;
  if (connectedBefore) load();
  connectedBefore = true;
});
// The banner that shows it subscribes after the first render (and its chunk): it gets the state so far first.
const connection: ConnectionSource | undefined = ws
  ? (handler) => {
      if (connectionState) handler(connectionState);
      return ws.onConnectionChange(handler);
    }
  : undefined;

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
// The inventory and operations are already being read; the texts, the dark theme when wanted and the view's
// chunks are fetched meanwhile, and the first render waits for them: nothing shows in the wrong language or
// colours first.
// The view's chunks too: React shows a fallback that was rendered for at least 300 ms, so a first render
// that suspended on a chunk arriving a moment later would show the view 300 ms late.
void Promise.all([
  texts,
  prefersDarkNow() ? loadDarkTheme().catch(() => undefined) : undefined,
  viewReady,
]).then(
  ([i18n]) =>
    createRoot(root).render(
      <StrictMode>
        <App store={store} api={api} i18n={i18n} desktop={desktop} connection={connection} />
      </StrictMode>,
    ),
  // Not even the English texts came: there is nothing to say it with but this.
  (error: unknown) => showTextsFailure(root, error),
);
