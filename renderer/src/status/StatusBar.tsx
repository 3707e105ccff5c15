// The status bar, always visible: whether this window's edits are with the host ("Gemt", "Gemmer…",
// "Offline – 3 ændringer gemt i browseren (venter på serveren)"), how the host's link to the sync server is doing when the document is
// shared ("Server: Synkroniseret" …), read-only access, who else is here, and (once) a prompt for the
// user's name. The labels live in collab/connection-status.ts.
import type { DocumentSummary } from '../../../shared/bridge';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import type { PresenceState } from '../collab/presence';
import { t } from '../i18n/i18n';
import { syncLabel } from '../start/sync-label';
import { activeRemote, channelLabel, remoteLabel } from '../collab/connection-status';
import { NamePrompt } from '../collab/NamePrompt';
import { memo } from 'preact/compat';

// The save state changes on every keystroke; the name prompt takes no props and need not re-render with it.
const StableNamePrompt = memo(NamePrompt);

interface Props {
  state: ChannelProviderState;
  summary: DocumentSummary | null;
  others: { clientId: number; state: PresenceState }[];
  readOnly: boolean;
}

export function StatusBar({ state, summary, others, readOnly }: Props) {
  const save = channelLabel(state);
  // Level (b): live from the host (protocol message 102); the document list's copy until that arrives.
  const live = activeRemote(state);
  const remote = state.status !== 'open' ? null : live ? remoteLabel(live) : summary?.remote && !state.remote ? syncLabel(summary.sync) : null;
  return (
    <footer class="status-bar" role="contentinfo">
      <span
        class={`status-item status-${save.tone}`}
        data-testid="save-state"
        data-kind={save.kind}
        title={save.kind === 'offline-stored' ? t('collab.storedHint') : save.kind.startsWith('offline') ? t('collab.offlineHint') : t('collab.channelTitle')}
      >
        <span class="status-dot" aria-hidden="true" />
        {save.text}
      </span>
      {remote && (
        <span class={`status-item status-${remote.tone}`} data-testid="remote-state" title={live?.error ?? live?.url ?? summary?.remote?.url}>
          <span class="visually-hidden">{t('status.server')}: </span>
          <span aria-hidden="true">{t('status.serverShort')} </span>
          {remote.text}
        </span>
      )}
      {readOnly && <span class="status-item status-warn">{t('status.readOnly')}</span>}
      <StableNamePrompt />
      <span class="status-spacer" />
      {others.length > 0 && (
        <span class="status-presence" aria-label={t('presence.others', { names: others.map((o) => o.state.user.name).join(', ') })} role="group">
          <span aria-hidden="true">{others.length === 1 ? t('presence.countOne') : t('presence.countMany', { count: others.length })}</span>
        </span>
      )}
    </footer>
  );
}
