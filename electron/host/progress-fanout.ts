// Delivers LunStudioEvents to every subscriber. Progress goes out in batches: every operation whose
// progress changed is kept (its latest value only) until the next flush, which delivers them all as one
// operationsProgress — at most one flush per interval (default 100 ms ⇒ ≤ 10/s per subscriber), run by a
// timer so the last value is never lost. A flush waits for the current turn of the event loop to end, so
// one poll round's reports leave together. An operationFinished whose operation is in the pending batch
// sends that batch first (early), so every change of an operation — its start running included — reaches
// subscribers, and always before its operationFinished.
// Other events go out at once.
import type { LunStudioEvent } from '../contract/api';
import type { Operation } from '../contract/model';

export type EventHandler = (event: LunStudioEvent) => void;

export interface ProgressFanoutOptions {
  intervalMs?: number;
  now?: () => number;
  /** Called when a subscriber throws (the others still get the event). */
  onSubscriberError?: (error: unknown) => void;
}

export class ProgressFanout {
  private readonly subscribers = new Set<EventHandler>();
  /** Changed since the last flush, by id, in the order they first changed. */
  private readonly pending = new Map<string, Operation>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlushMs = -Infinity;
  private readonly intervalMs: number;
  private readonly now: () => number;
  private readonly onSubscriberError: (error: unknown) => void;

  constructor(options: ProgressFanoutOptions = {}) {
    this.intervalMs = options.intervalMs ?? 100;
    this.now = options.now ?? (() => Date.now());
    this.onSubscriberError = options.onSubscriberError ?? (() => undefined);
  }

  subscribe(handler: EventHandler): () => void {
    // Wrap so the same function subscribed twice gets two deliveries and two independent unsubscribes.
    const entry: EventHandler = (event) => handler(event);
    this.subscribers.add(entry);
    return () => {
      this.subscribers.delete(entry);
    };
  }

  /** One operation's progress changed: it goes out with the next batch. */
  progress(operation: Operation): void {
    this.pending.set(operation.id, operation);
    this.schedule();
  }

  publish(event: LunStudioEvent): void {
    if (event.type === 'operationsProgress') {
      for (const operation of event.operations) this.progress(operation);
      return;
    }
    if (event.type === 'operationFinished' && this.pending.has(event.operation.id)) {
      clearTimeout(this.timer);
      this.flush();
    }
    this.deliver(event);
  }

  /** Drops pending progress and the timer (subscribers stay). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushMs + this.intervalMs - this.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const operations = [...this.pending.values()];
    this.pending.clear();
    this.lastFlushMs = this.now();
    this.deliver({ type: 'operationsProgress', operations });
  }

  private deliver(event: LunStudioEvent): void {
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber(event);
      } catch (error) {
        this.onSubscriberError(error);
      }
    }
  }
}
