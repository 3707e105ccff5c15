// The listener bookkeeping every DocumentChannel implementation needs (WebSocket, Electron IPC, the browser's
// watched channel): subscribe with an unsubscribe function back, and emit to a snapshot of the listeners, so a
// listener that unsubscribes while being called does not disturb the others.
export class ChannelListeners<Status extends string> {
  private readonly messages = new Set<(message: Uint8Array) => void>();
  private readonly statuses = new Set<(status: Status) => void>();

  readonly onMessage = (listener: (message: Uint8Array) => void): (() => void) => {
    this.messages.add(listener);
    return () => this.messages.delete(listener);
  };

  readonly onStatus = (listener: (status: Status) => void): (() => void) => {
    this.statuses.add(listener);
    return () => this.statuses.delete(listener);
  };

  emitMessage(message: Uint8Array): void {
    for (const listener of [...this.messages]) listener(message);
  }

  emitStatus(status: Status): void {
    for (const listener of [...this.statuses]) listener(status);
  }

  clear(): void {
    this.messages.clear();
    this.statuses.clear();
  }
}
