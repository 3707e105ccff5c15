// Who is in the document, in the header: this user first, then the others as coloured initials. Each
// colleague's avatar opens the part they have open ("follow").
import type { PresenceState } from './presence';
import { t } from '../i18n/i18n';
import { initials, safeColor } from './presence';
import './collab.css';

interface Props {
  me: { name: string; color: string };
  others: { clientId: number; state: PresenceState }[];
  /** The label of a navigator key (where someone is), or undefined when unknown here. */
  partLabel: (key: string) => string | undefined;
  onFollow: (key: string) => void;
}

const MAX_SHOWN = 4;

export function PresenceList({ me, others, partLabel, onFollow }: Props) {
  // Alone in the document there is nobody to show (the header has little room to spare).
  if (others.length === 0) return null;
  const shown = others.slice(0, MAX_SHOWN);
  const hidden = others.slice(MAX_SHOWN);
  return (
    <ul class="presence-list" aria-label={t('presence.header')} data-testid="presence-list">
      <li class="presence-person is-me">
        <span class="presence-avatar" style={{ background: safeColor(me.color) }} title={t('presence.you', { name: me.name })} aria-hidden="true">
          {initials(me.name)}
        </span>
        <span class="visually-hidden">{t('presence.you', { name: me.name })}</span>
      </li>
      {shown.map(({ clientId, state }) => {
        const where = state.location ? partLabel(state.location) : undefined;
        const label = where ? t('presence.personAt', { name: state.user.name, part: where }) : state.user.name;
        return (
          <li key={clientId} class="presence-person">
            <button
              type="button"
              class="presence-avatar"
              style={{ background: safeColor(state.user.color) }}
              title={label}
              aria-label={where ? t('presence.follow', { name: state.user.name, part: where }) : state.user.name}
              disabled={!where}
              onClick={() => state.location && onFollow(state.location)}
            >
              {initials(state.user.name)}
            </button>
          </li>
        );
      })}
      {hidden.length > 0 && (
        <li class="presence-person">
          <span class="presence-avatar presence-more" title={hidden.map((o) => o.state.user.name).join(', ')}>
            +{hidden.length}
            <span class="visually-hidden"> {hidden.map((o) => o.state.user.name).join(', ')}</span>
          </span>
        </li>
      )}
    </ul>
  );
}

/** The navigator's badges: the initials of the colleagues who have this item open. */
export function PresenceBadges({ here }: { here: { clientId: number; state: PresenceState }[] }) {
  if (here.length === 0) return null;
  return (
    <span class="nav-presence">
      {here.slice(0, 3).map((o) => (
        <span key={o.clientId} class="presence-badge" style={{ background: safeColor(o.state.user.color) }} title={o.state.user.name} aria-hidden="true">
          {initials(o.state.user.name)}
        </span>
      ))}
      {here.length > 3 && (
        <span class="presence-badge presence-more" aria-hidden="true">
          +{here.length - 3}
        </span>
      )}
      <span class="visually-hidden">{t('presence.hereList', { names: here.map((o) => o.state.user.name).join(', ') })}</span>
    </span>
  );
}
