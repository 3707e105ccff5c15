import { describe, expect, it } from 'vitest';
import { recoveryNoticeDa, storageErrorDa } from '../../../main/storage/messages';
import { StorageError } from '../../../main/storage/types';

describe('Danish storage messages', () => {
  it('tell the user that a document was recovered and where the damaged data is kept', () => {
    const text = recoveryNoticeDa({ discardedBytes: 11, reason: 'record 3 at byte 40: truncated', quarantinedTo: '/d/updates.log.corrupt-x', tornTailBytes: 11 });
    expect(text).toMatch(/^Pejling genoprettede dokumentet efter et nedbrud\./);
    expect(text).toContain('11 byte');
    expect(text).toContain('/d/updates.log.corrupt-x');
  });

  it('map storage error codes to Danish one-liners', () => {
    expect(storageErrorDa(new StorageError('not-pejling-file', 'x is not a Pejling file'))).toBe('Filen er ikke en Pejling-fil.');
    expect(storageErrorDa(new StorageError('newer-version', 'newer'))).toMatch(/nyere version af Pejling/);
    expect(storageErrorDa(new StorageError('write-failed', 'disk'))).toMatch(/kunne ikke gemme/);
    expect(storageErrorDa(new Error('plain'))).toBe('plain');
  });
});
