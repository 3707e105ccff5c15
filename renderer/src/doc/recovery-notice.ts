// After a crash, the host repairs a document's torn log tail when the document is next opened, and keeps a notice
// for it (DocumentSummary.notice). Once the first sync with the host is done, the user is told, once per open.
import type { HostBridge } from '../../../shared/bridge';
import { showToast } from '../ui/toasts';

const RECOVERY_NOTICE_MS = 30_000;

export async function showRecoveryNotice(bridge: HostBridge, documentId: string): Promise<void> {
  const summary = await bridge.getDocument(documentId).catch(() => null);
  if (summary?.notice) showToast({ message: summary.notice, tone: 'error' }, RECOVERY_NOTICE_MS);
}
