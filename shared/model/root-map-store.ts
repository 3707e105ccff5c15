// The common part of the stores that keep a feature's records in one root Y.Map of the strategy's document
// (comment threads: ./comments.ts, suggested titles and goals: ./field-suggestions.ts): the transaction origin,
// the id randomness and the clock (all replaceable in tests), and one transaction helper.
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from './model-constants';
import type { StrategyModel } from './strategy-model';

/** Options of a root-map store: the transactions' origin (for the undo manager) and, for tests, random and clock. */
export interface RootMapStoreOptions {
  origin?: unknown;
  random?: () => number;
  now?: () => string;
}

/** A store over one root Y.Map of the model's document; subclasses say which map (`root`). */
export abstract class RootMapStore {
  protected readonly origin: unknown;
  protected readonly random: () => number;
  protected readonly now: () => string;

  constructor(
    readonly model: StrategyModel,
    options: RootMapStoreOptions = {},
  ) {
    this.origin = options.origin ?? LOCAL_ORIGIN;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => new Date().toISOString());
  }

  protected get doc(): Y.Doc {
    return this.model.doc;
  }

  protected abstract get root(): Y.Map<Y.Map<unknown>>;

  /** Runs `fn` in one transaction with `origin` (this store's own when undefined) and returns its result. */
  protected tx<T>(origin: unknown, fn: () => T): T {
    let result: T | undefined;
    this.doc.transact(() => {
      result = fn();
    }, origin ?? this.origin);
    return result as T;
  }
}
