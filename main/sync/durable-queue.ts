// Durable-before-relay ordering for one room: updates are written in batches (one append in flight at a
// time; whatever arrives meanwhile is merged into the next append), and actions (relaying an update,
// acknowledging it, answering a sync step) run only once every update queued before them is durable.
// Order is kept: actions run in the order they were queued.
import * as Y from 'yjs';

interface Batch {
  updates: Uint8Array[];
  actions: (() => void)[];
}

export class DurableQueue {
  private next: Batch = { updates: [], actions: [] };
  private writing = false;
  private failure: unknown = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly write: (update: Uint8Array) => Promise<void>,
    /**
     * Called once, on the first failure; nothing queued runs after it. `phase` 'write': the persistence
     * refused the append; 'merge': the queued updates could not be merged into one (nothing was written);
     * 'internal': anything else that went wrong while draining.
     */
    private readonly onFailure: (error: unknown, phase: 'write' | 'merge' | 'internal') => void,
    /** An action threw: reported here, the queue goes on with the next one. */
    private readonly onActionError: (error: unknown) => void = () => undefined,
  ) {}

  /** Queues an update for writing. */
  enqueue(update: Uint8Array): void {
    if (this.failure !== null) return;
    this.next.updates.push(update);
    this.schedule();
  }

  /** Runs `action` once everything queued so far is durable (at once when nothing is waiting). */
  afterDurable(action: () => void): void {
    if (this.failure !== null) return;
    if (!this.writing && this.next.updates.length === 0 && this.next.actions.length === 0) {
      action();
      return;
    }
    this.next.actions.push(action);
    this.schedule();
  }

  /** True when nothing is being written or waiting. */
  get idle(): boolean {
    return !this.writing && this.next.updates.length === 0 && this.next.actions.length === 0;
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** Resolves when the queue is idle (or has failed). */
  whenIdle(): Promise<void> {
    if (this.idle || this.failed) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.writing) return;
    this.writing = true;
    // A microtask lets the updates of one burst (e.g. one incoming message) join the same write.
    queueMicrotask(() => {
      // No error on the write path may escape as an unhandled rejection (it would end the server).
      this.drain().catch((error: unknown) => this.stop(error, 'internal'));
    });
  }

  private stop(error: unknown, phase: 'write' | 'merge' | 'internal'): void {
    if (this.failure === null) {
      this.failure = error ?? new Error(`${phase} failed`);
      this.next = { updates: [], actions: [] };
      try {
        this.onFailure(error, phase);
      } catch {
        // the failure handler's own trouble must not stop the waiters below
      }
    }
    this.writing = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private async drain(): Promise<void> {
    while (this.failure === null && (this.next.updates.length > 0 || this.next.actions.length > 0)) {
      const batch = this.next;
      this.next = { updates: [], actions: [] };
      if (batch.updates.length > 0) {
        let update: Uint8Array;
        try {
          update = batch.updates.length === 1 ? batch.updates[0]! : Y.mergeUpdates(batch.updates);
        } catch (error) {
          this.stop(error, 'merge');
          return;
        }
        try {
          await this.write(update);
        } catch (error) {
          this.stop(error, 'write');
          return;
        }
      }
      for (const action of batch.actions) {
        try {
          action();
        } catch (error) {
          this.onActionError(error);
        }
      }
    }
    this.writing = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
