// Counts the local edits that are not yet durable on the other side of a connection, from the
// server's `saved` acknowledgements (protocol message 100).
//
// The server acknowledges update-bearing messages (sync step 2 and update) by count, in the order they
// were sent on the connection. A step 2 reply carries every edit the client had when it wrote it; a
// plain update carries one new edit. Edits made while offline are only covered by the next step 2, so
// until that step 2 is acknowledged, acknowledged plain updates prove nothing about older edits.

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

  /** A local edit was made (whether or not it could be sent). */
  localEdit(): void {
    this.edits++;
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
    return this.pending !== before;
  }

  /** Local edits not yet known to be durable on the server. */
  get pending(): number {
    return this.edits - this.durable;
  }
}
