// Only our own windows may talk to the host (after GitHub Desktop's trusted-ipc-sender.ts):
// the sender must be a webContents we created, and the frame that sent the message must show our page.
import type { ApiErrorShape } from '../contract/model';
import { HRESULT } from '../contract/errors';
import type { AppLocation } from './app-location';

/** What an IPC event tells about its sender (IpcMainEvent and IpcMainInvokeEvent both fit). */
export interface IpcSenderInfo {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

interface TrustableContents {
  id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export const UNTRUSTED_SENDER_ERROR: ApiErrorShape = Object.freeze({
  code: 'E_ACCESSDENIED',
  hresult: HRESULT.E_ACCESSDENIED,
  message: 'The request did not come from a LUN Studio window and was refused.',
});

export class TrustedSenders {
  private readonly ids = new Set<number>();

  constructor(private readonly location: AppLocation) {}

  /** Trust a webContents of one of our windows until it is destroyed. */
  trust(contents: TrustableContents): void {
    const id = contents.id;
    this.ids.add(id);
    contents.once('destroyed', () => this.ids.delete(id));
  }

  isTrusted(event: IpcSenderInfo): boolean {
    if (!this.ids.has(event.sender.id)) return false;
    const frame = event.senderFrame;
    return frame !== null && this.location.isAppUrl(frame.url);
  }

  /** null when the sender is trusted, else the typed error to answer with. */
  rejectionFor(event: IpcSenderInfo): ApiErrorShape | null {
    return this.isTrusted(event) ? null : { ...UNTRUSTED_SENDER_ERROR };
  }
}
