/** Connection state of a document towards its sync server, as shown to the user. */
export type SyncState =
  | { kind: 'local' } // not connected to any server: stored on this machine only
  | { kind: 'offline'; pending: number }
  | { kind: 'connecting'; pending: number }
  | { kind: 'syncing'; pending: number }
  | { kind: 'synced' };
