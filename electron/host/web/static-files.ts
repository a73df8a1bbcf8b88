// Serves the built renderer (out/renderer) and nothing else: paths are decoded, normalised and must stay
// inside the root (no traversal, no dotfiles, no directory listings, no symlink leading out of it). A file
// that cannot be read is a 500 (or, once the headers are out, a closed connection), never a crash.
import * as fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import * as path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function inside(base: string, file: string): boolean {
  return file === base || file.startsWith(base.endsWith(path.sep) ? base : base + path.sep);
}

export type StaticLookup = { file: string; contentType: string } | { status: 400 | 404 };

/** Maps a URL pathname to a file under root, or the status to answer. */
export function resolveStaticFile(root: string, pathname: string): StaticLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.split('/').some((segment) => segment.startsWith('.'))) return { status: 404 };
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!inside(base, file)) return { status: 404 };
  let stat: fs.Stats;
  try {
    // Where the path really leads (symlinks resolved) must still be inside the real root.
    if (!inside(fs.realpathSync(base), fs.realpathSync(file))) return { status: 404 };
    stat = fs.statSync(file);
  } catch {
    return { status: 404 };
  }
  if (!stat.isFile()) return { status: 404 };
  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return { file, contentType };
}

/** Reads the file asynchronously (the event loop is never held by a large asset); a read error is a 500. */
export function sendFile(
  response: ServerResponse,
  file: string,
  contentType: string,
  headOnly: boolean,
): void {
  fs.readFile(file, (error, body) => {
    if (response.destroyed) return;
    if (error) {
      if (response.headersSent) return void response.destroy();
      response.statusCode = 500;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('Internal error: the file could not be read.\n');
      return;
    }
    response.statusCode = 200;
    response.setHeader('Content-Type', contentType);
    response.setHeader('Content-Length', body.length);
    response.setHeader('Cache-Control', contentType.startsWith('text/html') ? 'no-store' : 'no-cache');
    response.end(headOnly ? undefined : body);
  });
}
