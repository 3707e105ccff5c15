// The status bar: "Gemt" once the host has the last edit durably, "Gemmer…" while edits are pending,
// the connection to the sync server when the document has one, and who else is here.
import type { DocumentSummary } from '../../../shared/bridge';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import type { PresenceState } from '../doc/document-session';
import { t } from '../i18n/i18n';
import { syncLabel } from '../start/sync-label';

interface Props {
  state: ChannelProviderState;
  summary: DocumentSummary | null;
  others: { clientId: number; state: PresenceState }[];
  readOnly: boolean;
}

export function saveLabel(state: ChannelProviderState): { text: string; tone: 'ok' | 'busy' | 'warn' } {
  if (state.status !== 'open') {
    return state.pending > 0 ? { text: t('status.hostOfflinePending', { count: state.pending }), tone: 'warn' } : { text: t('status.hostOffline'), tone: 'warn' };
  }
  if (!state.synced) return { text: t('status.opening'), tone: 'busy' };
  if (state.pending > 0) return { text: t('status.saving'), tone: 'busy' };
  return { text: t('status.saved'), tone: 'ok' };
}

export function StatusBar({ state, summary, others, readOnly }: Props) {
  const save = saveLabel(state);
  const remote = summary?.remote ? syncLabel(summary.sync) : null;
  return (
    <footer class="status-bar" role="contentinfo">
      <span class={`status-item status-${save.tone}`} data-testid="save-state">
        <span class="status-dot" aria-hidden="true" />
        {save.text}
      </span>
      {remote && (
        <span class={`status-item status-${remote.tone}`} data-testid="remote-state">
          <span class="visually-hidden">{t('status.server')}: </span>
          <span aria-hidden="true">{t('status.serverShort')} </span>
          {remote.text}
        </span>
      )}
      {readOnly && <span class="status-item status-warn">{t('status.readOnly')}</span>}
      <span class="status-spacer" />
      {others.length > 0 && (
        <span class="status-presence" aria-label={t('presence.others', { names: others.map((o) => o.state.user.name).join(', ') })} role="group">
          {others.slice(0, 6).map((o) => (
            <span key={o.clientId} class="avatar" style={{ background: o.state.user.color }} title={o.state.user.name} aria-hidden="true">
              {initials(o.state.user.name)}
            </span>
          ))}
          {others.length > 6 && <span class="avatar avatar-more" aria-hidden="true">+{others.length - 6}</span>}
        </span>
      )}
    </footer>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
