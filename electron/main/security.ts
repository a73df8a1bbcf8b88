// Window and session hardening: no popups, no navigation away from our page, no webviews,
// no permissions, and a strict CSP on every HTTP response.
import type { App, Session, WebContents } from 'electron';
import type { AppLocation } from './app-location';
import { CONTENT_SECURITY_POLICY } from './csp';

type NavigationEvent = { preventDefault(): void };

export function hardenWebContents(contents: WebContents, location: AppLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayOnOurPage = (event: NavigationEvent, url: string) => {
    if (!location.isAppUrl(url)) event.preventDefault();
  };
  contents.on('will-navigate', stayOnOurPage);
  contents.on('will-redirect', stayOnOurPage);
  // Subframes too (the CSP already forbids frames; this holds even if a frame appeared).
  contents.on('will-frame-navigate', (event) => stayOnOurPage(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every webContents the app ever creates gets the same rules, including any we did not expect. */
export function hardenAllWebContents(app: App, location: AppLocation): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location));
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
