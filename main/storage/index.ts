// Public API of the storage layer (Node only: main process, CLI, sync server).
export * from './types';
export { DocumentStore, openDocumentStore } from './document-store';
