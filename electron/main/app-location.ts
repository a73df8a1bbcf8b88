// Where the app's own page lives, and whether a URL is that page (any view of it).
import { pathToFileURL } from 'node:url';

/** Hash routes the renderer reads to pick its view (renderer/app/use-route.ts). */
export const VIEW_HASH = {
  /** The main window: the renderer's default view. */
  wizard: '/',
  monitor: '/monitor',
  /** File → New LUN…: the main window switches to the create-LUN wizard (same document, no reload). */
  newLun: '/create',
} as const;
export type AppView = keyof typeof VIEW_HASH;

export interface AppLocation {
  /** The URL that shows a view. */
  urlFor(view: AppView): string;
  /** True only for the app's own page (the hash and query may differ). */
  isAppUrl(url: string): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The built renderer: out/renderer/index.html loaded from disk (or from app.asar). */
export function fileAppLocation(indexHtmlPath: string): AppLocation {
  const page = pathToFileURL(indexHtmlPath);
  return {
    urlFor(view) {
      const url = new URL(page.href);
      url.hash = VIEW_HASH[view];
      return url.href;
    },
    isAppUrl(url) {
      const candidate = parse(url);
      return (
        candidate !== null &&
        candidate.protocol === 'file:' &&
        candidate.host === page.host &&
        candidate.pathname === page.pathname
      );
    },
  };
}
