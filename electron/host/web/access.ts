// Who may talk to the browser shell.
//
// The one credential is the access token. It travels in the printed URL's fragment
// (http://127.0.0.1:PORT/#token=T), which a browser never sends to any server; the page keeps it for its
// own origin (localStorage is per scheme + host + port) and presents it in the WebSocket handshake as a
// subprotocol: `Sec-WebSocket-Protocol: lun-studio.v1, lun-studio.token.T`. Cookies are never read: a
// browser sends them to every port of 127.0.0.1, so another local service could replay them.
// Requests must also name the bound host:port (Host: DNS rebinding) and come from the shell's own
// origin (Origin, when sent: cross-site WebSocket hijacking). The static renderer build needs no
// credential (it holds no data); every API call needs the token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** The subprotocol the shell speaks (selected in the handshake answer: the token is never echoed). */
export const API_PROTOCOL = 'lun-studio.v1';
/** The token subprotocol's prefix: `lun-studio.token.<token>`. */
export const TOKEN_PROTOCOL_PREFIX = 'lun-studio.token.';
/** 32 random bytes, base64url: 43 characters, all valid in a subprotocol name. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/** host:port as it appears in a Host header and a URL ([::1]:8080 for IPv6). */
export function hostPort(host: string, port: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  return `${isIP(bare) === 6 ? `[${bare}]` : bare}:${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The subprotocols a WebSocket handshake offers, in order. */
export function offeredProtocols(request: IncomingMessage): string[] {
  const header = request.headers['sec-websocket-protocol'];
  return (header ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

export class AccessControl {
  readonly origin: string;
  private readonly expectedHost: string;

  constructor(
    host: string,
    port: number,
    secure: boolean,
    private readonly token: string,
  ) {
    this.expectedHost = hostPort(host, port).toLowerCase();
    this.origin = `${secure ? 'https' : 'http'}://${hostPort(host, port)}`;
  }

  /** Host must be exactly the bound host:port; Origin, when present, exactly this shell's origin. */
  checkHostAndOrigin(request: IncomingMessage): boolean {
    const host = request.headers.host?.toLowerCase();
    if (host !== this.expectedHost) return false;
    const origin = request.headers.origin;
    return origin === undefined || origin === this.origin;
  }

  /** True when the handshake offers the API protocol and the right token (cookies play no part). */
  hasToken(request: IncomingMessage): boolean {
    const offered = offeredProtocols(request);
    if (!offered.includes(API_PROTOCOL)) return false;
    return offered.some(
      (p) =>
        p.startsWith(TOKEN_PROTOCOL_PREFIX) && sameSecret(p.slice(TOKEN_PROTOCOL_PREFIX.length), this.token),
    );
  }

  /** For the page's "is my token still good?" check: the token in the X-LUN-Studio-Token header. */
  hasTokenHeader(request: IncomingMessage): boolean {
    const value = request.headers['x-lun-studio-token'];
    return typeof value === 'string' && sameSecret(value, this.token);
  }
}
