// Counts the local edits that are not yet durable on the other side of a connection, from the
// server's `saved` acknowledgements (protocol message 100).
//
// The server acknowledges update-bearing messages (sync step 2 and update) by count, in the order they
// were sent on the connection. A step 2 reply carries every edit the client had when it wrote it; a
// plain update carries one new edit. Edits made while offline are only covered by the next step 2, so
// until that step 2 is acknowledged, acknowledged plain updates prove nothing about older edits.
//
// Edits are counted per Yjs update (so "saved" is exact) and grouped into changes as a person counts them
// (shared/sync/change-groups.ts), for the numbers shown.

interface SentMessage {
  /** Local edits made up to the moment this message was sent. */
  editsUpTo: number;
  coversAll: boolean;
}

export class PendingTracker {
  private edits = 0;
  private durable = 0;
  private sent: SentMessage[] = [];
  /** How many of this connection's sent messages were acknowledged already. */
  private acked = 0;
  private fullSyncAcked = false;
  /** Number (1-based) of the first edit of each change that may still have pending edits; the last is kept. */
  private changeStarts: number[] = [];

  /** A local edit was made (whether or not it could be sent); `newChange` false: it continues the last change. */
  localEdit(newChange = true): void {
    this.edits++;
    if (newChange || this.changeStarts.length === 0) this.changeStarts.push(this.edits);
    this.dropSavedChanges();
  }

  /** A new connection starts: the server counts its messages from zero. */
  connectionOpened(): void {
    this.sent = [];
    this.acked = 0;
    this.fullSyncAcked = false;
  }

  /** An update-bearing message was sent on the current connection. */
  messageSent(kind: 'step2' | 'update'): void {
    this.sent.push({ editsUpTo: this.edits, coversAll: kind === 'step2' });
  }

  /**
   * The server says the first `count` messages of this connection are durable. Returns true when the
   * number of pending edits changed.
   */
  savedReceived(count: number): boolean {
    const before = this.pending;
    const upTo = Math.min(count, this.sent.length);
    for (; this.acked < upTo; this.acked++) {
      const message = this.sent[this.acked];
      if (!message) break;
      if (message.coversAll) this.fullSyncAcked = true;
      if (this.fullSyncAcked) this.durable = Math.max(this.durable, message.editsUpTo);
    }
    this.dropSavedChanges();
    return this.pending !== before;
  }

  /** Changes whose every edit is durable are done (the last one stays: typing may continue it). */
  private dropSavedChanges(): void {
    while (this.changeStarts.length > 1 && this.changeStarts[1]! - 1 <= this.durable) this.changeStarts.shift();
  }

  /** Local edits not yet known to be durable on the server. */
  get pending(): number {
    return this.edits - this.durable;
  }

  /** Changes (as a person counts them) with edits not yet known to be durable. */
  get changes(): number {
    return this.pending === 0 ? 0 : this.changeStarts.length;
  }
}
