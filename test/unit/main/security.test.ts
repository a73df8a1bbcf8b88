import { EventEmitter } from 'node:events';
import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { fileAppLocation } from '../../../electron/main/app-location';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { hardenAllWebContents, hardenSession, hardenWebContents } from '../../../electron/main/security';

const location = fileAppLocation('/app/out/renderer/index.html');

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits a navigation event and tells whether a listener prevented it. */
  attempt(eventName: string, url: string): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit(eventName, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }
}

function hardened(): FakeContents {
  const contents = new FakeContents();
  hardenWebContents(contents as unknown as WebContents, location);
  return contents;
}

describe('web contents hardening', () => {
  it('denies window.open for every URL', () => {
    const contents = hardened();
    for (const url of ['https://example.com/', location.urlFor('monitor'), 'about:blank']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('blocks navigation and redirects away from our page', () => {
    const contents = hardened();
    for (const eventName of ['will-navigate', 'will-redirect']) {
      expect(contents.attempt(eventName, 'https://evil.example/')).toBe(true);
      expect(contents.attempt(eventName, 'file:///etc/passwd')).toBe(true);
      expect(contents.attempt(eventName, 'file:///app/out/renderer/other.html')).toBe(true);
      expect(contents.attempt(eventName, 'javascript:alert(1)')).toBe(true);
      expect(contents.attempt(eventName, 'not a url')).toBe(true);
    }
  });

  it('blocks subframe navigation away from our page', () => {
    const contents = hardened();
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate(location.urlFor('monitor'))).toBe(false);
  });

  it('lets our own page change its hash route', () => {
    const contents = hardened();
    expect(contents.attempt('will-navigate', location.urlFor('monitor'))).toBe(false);
    expect(contents.attempt('will-navigate', 'file:///app/out/renderer/index.html#/create')).toBe(false);
  });

  it('refuses to attach webviews', () => {
    const contents = hardened();
    expect(contents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('hardens every webContents the app creates', () => {
    const app = new EventEmitter();
    hardenAllWebContents(app as unknown as App, location);
    const contents = new FakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
  });
});

describe('session hardening', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  type CheckHandler = (...args: unknown[]) => boolean;
  type HeadersHandler = (
    details: { responseHeaders?: Record<string, string[]> },
    callback: (response: unknown) => void,
  ) => void;
  interface FakeSession {
    requestHandler?: RequestHandler;
    checkHandler?: CheckHandler;
    headersHandler?: HeadersHandler;
  }

  function fakeSession() {
    const state: FakeSession = {};
    const session = {
      state,
      setPermissionRequestHandler: (handler: RequestHandler) => (state.requestHandler = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (state.checkHandler = handler),
      webRequest: { onHeadersReceived: (handler: HeadersHandler) => (state.headersHandler = handler) },
    };
    return session;
  }

  it('denies every permission request and check', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      session.state.requestHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.state.checkHandler?.({}, permission, 'file:///')).toBe(false);
    }
  });

  it('adds the strict CSP to HTTP responses, keeping their other headers', () => {
    const session = fakeSession();
    hardenSession(session as unknown as Session);
    const callback = vi.fn();
    session.state.headersHandler?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });
});
