import { type ComponentType, createElement, lazy, type ReactNode, Suspense, useState } from 'react';
import { ChunkErrorBoundary } from './ChunkErrorBoundary';
import { LoadingFallback } from './LoadingFallback';

export interface LazyPart<P extends object> {
  /** The component; its chunk is fetched the first time it renders (it suspends until then). */
  Part: ComponentType<P>;
  /** Fetches the chunk now (idempotent); a part rendered after that does not suspend. */
  preload: () => Promise<void>;
}

/** A component in a chunk of its own. Once the chunk is there, new instances render synchronously; an instance
 * keeps the element type it started with, so nothing remounts when the chunk arrives. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let ready: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetch = () =>
    (pending ??= load().then(
      (component) => (ready = component),
      (error: unknown) => {
        pending = undefined; // a later render may try again
        throw error;
      },
    ));
  const Lazy = lazy(() => fetch().then((component) => ({ default: component })));
  function Part(props: P) {
    const [Loaded] = useState(() => ready);
    return createElement(Loaded ?? Lazy, props);
  }
  return { Part, preload: () => fetch().then(() => undefined) };
}

/** Where a lazy part goes: its fallback while the chunk is fetched (a labelled spinner by default), an error
 * with a reload if the chunk cannot be fetched. */
export function Deferred({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <ChunkErrorBoundary>
      <Suspense fallback={fallback === undefined ? <LoadingFallback /> : fallback}>{children}</Suspense>
    </ChunkErrorBoundary>
  );
}
