// The JS end of the addon's progress hub (native/src/progress_hub.h): once per poll round the addon calls
// one listener with a Float64Array of [route, hresult, percent, bytesDone] per changed operation; this
// routes each to its operation's listener by route number (no object per report on the way).
import type { RawAddon } from './raw-addon';

/** A status as the poller read it: percent as the provider said it (outside 0–100 = unknown). */
export type StatusListener = (hresult: number, percent: number, bytesDone: number) => void;

export const REPORT_FIELDS = 4;

// Route numbers are unique in the process (not per ProgressRoutes): a wrapper addon that fans the one
// listener out to several ProgressRoutes (tests) must never see two operations under one number.
let nextRoute = 1;

export class ProgressRoutes {
  private readonly listeners = new Map<number, StatusListener>();
  /** Rounds received and reports routed (for tests: one call per round, however many operations). */
  batches = 0;
  reports = 0;

  readonly dispatch = (batch: Float64Array): void => {
    this.batches += 1;
    for (let i = 0; i + REPORT_FIELDS <= batch.length; i += REPORT_FIELDS) {
      const listener = this.listeners.get(batch[i]!);
      if (!listener) continue; // settled already
      this.reports += 1;
      try {
        listener(batch[i + 1]!, batch[i + 2]!, batch[i + 3]!);
      } catch (error) {
        // One operation's listener must not cost the others their reports.
        process.emitWarning(`LUN Studio: a progress listener threw: ${(error as Error)?.message ?? error}`);
      }
    }
  };

  /** A route for an operation about to start; its reports reach `listener` until delete(route). */
  add(listener: StatusListener): number {
    const route = nextRoute++;
    this.listeners.set(route, listener);
    return route;
  }

  delete(route: number): void {
    this.listeners.delete(route);
  }

  get size(): number {
    return this.listeners.size;
  }
}

const byAddon = new WeakMap<RawAddon, ProgressRoutes>();

/** The addon's routes (set up on first use), or undefined for a test double without batched progress. */
export function progressRoutes(addon: RawAddon): ProgressRoutes | undefined {
  if (typeof addon.setProgressListener !== 'function') return undefined;
  let routes = byAddon.get(addon);
  if (!routes) {
    routes = new ProgressRoutes();
    addon.setProgressListener(routes.dispatch);
    byAddon.set(addon, routes);
  }
  return routes;
}
