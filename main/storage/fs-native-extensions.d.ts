// Types for the parts of fs-native-extensions (no bundled typings) that the data-folder lock uses.
declare module 'fs-native-extensions' {
  /** Takes an advisory lock on `fd` without waiting; true when granted, false when another holder has it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
