// Who may talk to the browser shell: requests must name the bound host:port (Host), come from the
// shell's own origin (Origin, when sent), and carry the session cookie obtained by exchanging the
// one-time token printed at start. Defends against DNS rebinding (Host), cross-site WebSocket
// hijacking (Origin) and other local users or pages (token/cookie).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export type AccessVerdict = 'ok' | 'forbidden' | 'unauthorized';

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

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

export class AccessControl {
  readonly origin: string;
  readonly cookieName: string;
  private readonly expectedHost: string;
  private token: string | undefined = randomBytes(32).toString('base64url');
  private readonly session = randomBytes(32).toString('base64url');

  constructor(
    host: string,
    port: number,
    private readonly secure: boolean,
  ) {
    this.expectedHost = hostPort(host, port).toLowerCase();
    this.origin = `${secure ? 'https' : 'http'}://${hostPort(host, port)}`;
    // Cookies are not port-scoped: name it per port so two shells on one host don't clobber each other.
    this.cookieName = `lun_studio_session_${port}`;
  }

  /** The one-time token (undefined once it was exchanged for the cookie). */
  get pendingToken(): string | undefined {
    return this.token;
  }

  /** Host must be exactly the bound host:port; Origin, when present, exactly this shell's origin. */
  checkHostAndOrigin(request: IncomingMessage): boolean {
    const host = request.headers.host?.toLowerCase();
    if (host !== this.expectedHost) return false;
    const origin = request.headers.origin;
    return origin === undefined || origin === this.origin;
  }

  hasSession(request: IncomingMessage): boolean {
    const value = parseCookies(request.headers.cookie).get(this.cookieName);
    return value !== undefined && sameSecret(value, this.session);
  }

  /** True once: for the printed token. Afterwards the token is gone. */
  redeemToken(candidate: string | null): boolean {
    if (candidate === null || this.token === undefined || !sameSecret(candidate, this.token)) return false;
    this.token = undefined;
    return true;
  }

  sessionCookie(): string {
    return `${this.cookieName}=${this.session}; Path=/; HttpOnly; SameSite=Strict${this.secure ? '; Secure' : ''}`;
  }
}
