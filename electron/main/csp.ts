// The renderer's Content Security Policy. renderer/index.html carries the same policy in a meta tag
// (file:// responses have no headers); main also sets it on every HTTP response the session sees.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Fluent UI (Griffel) inserts its atomic CSS rules at runtime.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
