// Delivers LunStudioEvents to every subscriber. Progress is coalesced per operation: at most one
// operationProgress per operation per interval (default 100 ms ⇒ ≤ 10/s); in between only the latest
// value is kept and flushed by a timer, so the last value is never lost. operationFinished cancels any
// pending progress of that operation (the final event carries the whole, latest operation) and is always
// delivered after that operation's last progress. Other events go out at once.
import type { LunStudioEvent } from '../contract/api';
import type { Operation } from '../contract/model';

export type EventHandler = (event: LunStudioEvent) => void;

interface Pending {
  lastSentMs: number;
  latest?: Operation;
  timer?: ReturnType<typeof setTimeout>;
}

export interface ProgressFanoutOptions {
  intervalMs?: number;
  now?: () => number;
  /** Called when a subscriber throws (the others still get the event). */
  onSubscriberError?: (error: unknown) => void;
}

export class ProgressFanout {
  private readonly subscribers = new Set<EventHandler>();
  private readonly perOperation = new Map<string, Pending>();
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

  publish(event: LunStudioEvent): void {
    if (event.type === 'operationProgress') {
      this.progress(event.operation);
      return;
    }
    if (event.type === 'operationFinished') {
      const pending = this.perOperation.get(event.operation.id);
      if (pending?.timer) clearTimeout(pending.timer);
      this.perOperation.delete(event.operation.id);
    }
    this.deliver(event);
  }

  /** Drops pending progress and timers (subscribers stay). */
  dispose(): void {
    for (const pending of this.perOperation.values()) if (pending.timer) clearTimeout(pending.timer);
    this.perOperation.clear();
  }

  private progress(operation: Operation): void {
    const now = this.now();
    let pending = this.perOperation.get(operation.id);
    if (!pending) {
      pending = { lastSentMs: -Infinity };
      this.perOperation.set(operation.id, pending);
    }
    if (!pending.timer && now - pending.lastSentMs >= this.intervalMs) {
      pending.lastSentMs = now;
      this.deliver({ type: 'operationProgress', operation });
      return;
    }
    pending.latest = operation;
    if (!pending.timer) {
      const state = pending;
      state.timer = setTimeout(
        () => this.flush(operation.id, state),
        state.lastSentMs + this.intervalMs - now,
      );
    }
  }

  private flush(id: string, pending: Pending): void {
    pending.timer = undefined;
    const latest = pending.latest;
    pending.latest = undefined;
    if (!latest || this.perOperation.get(id) !== pending) return;
    pending.lastSentMs = this.now();
    this.deliver({ type: 'operationProgress', operation: latest });
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
