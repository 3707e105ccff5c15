// IPC channel names between the preload bridge and the main process. One place, so both sides agree.
export const IPC = {
  info: 'pejling:info',
  listDocuments: 'pejling:list-documents',
  listTemplates: 'pejling:list-templates',
  createDocument: 'pejling:create-document',
  deleteDocument: 'pejling:delete-document',
  openFile: 'pejling:open-file',
  saveDocumentAs: 'pejling:save-document-as',
  exportDocx: 'pejling:export-docx',
  setRemote: 'pejling:set-remote',
  openExternal: 'pejling:open-external',
  /** renderer → main: (channelId, documentId) */
  docConnect: 'pejling:doc-connect',
  /** both ways: (channelId, bytes) */
  docMessage: 'pejling:doc-message',
  /** renderer → main: (channelId) */
  docClose: 'pejling:doc-close',
  /** main → renderer: (channelId, status) */
  docStatus: 'pejling:doc-status',
  /** main → renderer: (command) */
  menu: 'pejling:menu',
  /** main → renderer: (documentId) — a file the host opened, e.g. from the recent list */
  openDocument: 'pejling:open-document',
} as const;
