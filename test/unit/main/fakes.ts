// Test doubles for the parts of Electron that main uses.
import { EventEmitter } from 'node:events';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { IpcMainLike } from '../../../electron/main/ipc';

type Listener = (event: never, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Set<Listener>>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: Listener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  }
  removeListener(channel: string, listener: Listener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  /** What ipcRenderer.invoke(channel, ...args) does, from the given sender. */
  async invoke(channel: string, sender: FakeSender, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(sender.event() as unknown as never, ...args);
  }

  /** What ipcRenderer.send(channel, ...args) does. */
  send(channel: string, sender: FakeSender, ...args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? [])
      listener(sender.event() as unknown as never, ...args);
  }
}

let nextId = 1;

/** A webContents plus the frame that sends: enough for trusted-sender checks and event delivery. */
export class FakeSender extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;

  constructor(public frameUrl: string | null) {
    super();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  event(): IpcMainInvokeEvent & IpcMainEvent {
    return {
      sender: this,
      senderFrame: this.frameUrl === null ? null : { url: this.frameUrl },
    } as unknown as IpcMainInvokeEvent & IpcMainEvent;
  }
}
