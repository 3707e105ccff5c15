// Public API of the storage layer (Node only: main process, CLI, sync server).
export * from './types';
export { DocumentStore, openDocumentStore } from './document-store';
export { FileDocumentLog, EMPTY_UPDATE, DEFAULT_COMPACT_AFTER_BYTES, DEFAULT_COMPACT_AFTER_RECORDS } from './document-log';
export { defaultDataDir } from './data-dir';
export { DOCUMENT_ID_PATTERN, isValidDocumentId, assertValidDocumentId, newDocumentId } from './document-id';
export {
  PEJLING_FILE_EXTENSION,
  PEJLING_FILE_VERSION,
  encodePejlingFile,
  decodePejlingFile,
  readPejlingFile,
  writePejlingFile,
} from './pejling-file';
export { recoveryNoticeDa, recoveryNoticeEn, storageErrorDa } from './messages';
export { crc32 } from './crc32';
