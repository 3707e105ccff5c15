// Shared helpers for storage tests: temp folders and a Y.Doc whose edits are captured as updates.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';

const made: string[] = [];

export async function tempDir(prefix = 'pejling-storage-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
}

/** A text document whose every edit returns the Yjs update it produced. */
export class TextEditor {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('body');

  insert(index: number, value: string): Uint8Array {
    return this.capture(() => this.text.insert(index, value));
  }

  append(value: string): Uint8Array {
    return this.insert(this.text.length, value);
  }

  remove(index: number, length: number): Uint8Array {
    return this.capture(() => this.text.delete(index, length));
  }

  private capture(edit: () => void): Uint8Array {
    let update: Uint8Array | undefined;
    const listener = (u: Uint8Array) => {
      update = update ? Y.mergeUpdates([update, u]) : u;
    };
    this.doc.on('update', listener);
    try {
      this.doc.transact(edit, 'test');
    } finally {
      this.doc.off('update', listener);
    }
    if (!update) throw new Error('the edit produced no update');
    return update;
  }
}

/** The text of `body` in the document described by `update`. */
export function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const value = doc.getText('body').toString();
  doc.destroy();
  return value;
}
