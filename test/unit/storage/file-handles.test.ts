// File handles (issue 20): logs are opened lazily and closed when idle, at most a budget of them is open, and
// running out of handles (EMFILE) delays writes instead of failing documents until a restart. Run in a child
// process under `ulimit -n 96`, writing 300 documents at once.
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FileDocumentLog } from '../../../main/storage/document-log';
import { TextEditor, removeTempDirs, tempDir, textOf } from './helpers/fixtures';

afterAll(removeTempDirs);

const HELPER = join(import.meta.dirname, 'helpers', 'many-documents.ts');

describe('file handles', () => {
  it('opens a log only to write and closes it when idle', async () => {
    const dir = await tempDir();
    const log = await FileDocumentLog.open('doc', dir, { idleCloseMs: 30 });
    expect(log.stats().handleOpen).toBe(false);
    const editor = new TextEditor();
    await log.append(editor.append('første'));
    expect(log.stats().handleOpen).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(log.stats().handleOpen).toBe(false);
    await log.append(editor.append(' anden'));
    await log.close();
    const again = await FileDocumentLog.open('doc', dir);
    expect(textOf((await again.load()).update)).toBe('første anden');
    await again.close();
  });

  it.runIf(process.platform === 'linux')('writes 300 documents at once with 96 handles, and recovers from EMFILE without a restart', async () => {
    const dataDir = await tempDir();
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', `ulimit -n 96 && exec "${process.execPath}" --import tsx "${HELPER}" "${dataDir}"`], {
      timeout: 60_000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { first: number; second: number; peak: number; hogs: number; complete: number; maxOpen: number };
    expect(result, stderr).toMatchObject({ first: 0, second: 0, complete: 300 });
    expect(result.maxOpen).toBe(24); // a quarter of 96
    expect(result.peak).toBeLessThanOrEqual(result.maxOpen);
  }, 90_000);
});
