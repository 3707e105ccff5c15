// "Del / Samarbejd": connects the open document to a Pejling sync server (address + access token), shows
// how that link is doing (live, from the host's remote-state messages) and the access the server gave,
// and disconnects it. A modal dialog: labelled, Escape closes it, Tab stays inside, focus returns to
// the button that opened it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChannelProviderState } from '../../../shared/sync/channel-provider';
import { getBridge } from '../bridge/get-bridge';
import { errorMessage } from '../i18n/errors';
import { t } from '../i18n/i18n';
import { activeRemote, remoteLabel } from './connection-status';
import { isBrowserMode } from './local-copy';
import type { ConnectionRole } from '../../../shared/sync/protocol';

/** What each role the server can give means, as the dialog says it. */
function roleText(role: ConnectionRole): string {
  if (role === 'viewer') return t('share.role.viewer');
  if (role === 'commenter') return t('sharing.role.commenter');
  return t('share.role.editor');
}

interface Props {
  documentId: string;
  state: ChannelProviderState;
  /** The server address the host's document list knows (a fallback while no live state arrived). */
  knownUrl?: string | undefined;
  /** Names of the others in the document right now (presence). */
  coEditors?: readonly string[] | undefined;
  onClose: () => void;
}

/**
 * Where the document is without a remote server, truthfully: in browser mode on the Pejling server this page
 * came from (everyone who opens its address edits the same document), else on this computer only.
 */
function whereText(afterDisconnect: boolean): string {
  if (isBrowserMode()) return afterDisconnect ? t('share.disconnectedServer', { host: location.host }) : t('share.onServer', { host: location.host });
  return afterDisconnect ? t('share.disconnected') : t('share.notConnected');
}

/** Checks a server address typed by the user; returns the problem in the UI language, or null. */
export function serverAddressProblem(value: string): string | null {
  const text = value.trim();
  if (!text) return t('share.urlRequired');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return t('share.urlInvalid', { url: text });
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return t('share.urlScheme');
  if (!url.hostname) return t('share.urlInvalid', { url: text });
  if (url.search || url.hash) return t('share.urlNoQuery');
  return null;
}

export function ShareDialog({ documentId, state, knownUrl, coEditors = [], onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const remote = activeRemote(state);
  const [editing, setEditing] = useState(!remote);
  const [url, setUrl] = useState(remote?.url ?? knownUrl ?? '');
  const [token, setToken] = useState('');
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const urlInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement as HTMLElement | null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (opener && opener.isConnected) opener.focus();
    };
  }, []);

  // Keep Tab and Shift+Tab inside the dialog (the browser would otherwise move on to its own controls).
  const trapTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const focusable = [...(dialogRef.current?.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled]), [href], [tabindex]:not([tabindex="-1"])') ?? [])].filter(
      (el) => el.offsetParent !== null,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const connect = async () => {
    const problem = serverAddressProblem(url);
    setUrlProblem(problem);
    setFailure(null);
    setNotice(null);
    if (problem) {
      urlInput.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await getBridge().setRemote(documentId, { url: url.trim(), token: token.trim() });
      setEditing(false);
      setToken('');
    } catch (error) {
      setFailure(t('share.failed', { reason: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };

  const disconnect = async () => {
    setFailure(null);
    setBusy(true);
    try {
      await getBridge().setRemote(documentId, null);
      setNotice(whereText(true));
      setEditing(true);
    } catch (error) {
      setFailure(t('share.failed', { reason: errorMessage(error) }));
    } finally {
      setBusy(false);
    }
  };

  const hostReachable = state.status === 'open';
  const label = remote ? remoteLabel(remote) : null;

  return (
    <dialog
      ref={dialogRef}
      class="dialog share-dialog"
      aria-labelledby="share-title"
      aria-describedby="share-intro"
      onKeyDown={trapTab}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (editing) void connect();
        }}
      >
        <div class="dialog-body">
          <h2 id="share-title" class="dialog-title">
            {t('share.title')}
          </h2>
          <p id="share-intro" class="small muted share-intro">
            {t('share.intro')}
          </p>

          {!hostReachable && (
            <p class="inline-error" role="alert">
              {t('share.hostUnreachable')}
            </p>
          )}

          {remote && label && (
            <section class="share-status" aria-labelledby="share-status-title" data-testid="share-status">
              <h3 id="share-status-title" class="share-status-title">
                {t('share.statusHeading')}
              </h3>
              <dl class="share-facts">
                <dt>{t('share.server')}</dt>
                <dd class="share-url">{remote.url ?? knownUrl ?? '–'}</dd>
                <dt>{t('share.state')}</dt>
                <dd>
                  <span class={`share-state status-${label.tone}`} data-kind={label.kind} data-testid="share-state" role="status">
                    {label.text}
                  </span>
                </dd>
                {remote.role && (
                  <>
                    <dt>{t('share.role')}</dt>
                    <dd data-testid="share-role" data-role={remote.role}>
                      {roleText(remote.role)}
                    </dd>
                  </>
                )}
              </dl>
              {remote.error && (
                <p class="inline-error" role="alert" data-testid="share-error">
                  {remote.error}
                </p>
              )}
            </section>
          )}
          {state.refused && (
            <p class="inline-error" role="alert" data-testid="share-refused">
              {t('sharing.editRefused')}
            </p>
          )}
          {!remote && !editing && (
            <p class="muted" role="status">
              {t('share.waiting')}
            </p>
          )}
          {!remote && editing && !notice && (
            <p class="small" data-testid="share-where">
              {whereText(false)}
            </p>
          )}
          {coEditors.length > 0 && (
            <p class="small" data-testid="share-co-editors">
              {t('share.coEditing', { names: coEditors.join(', ') })}
            </p>
          )}
          {notice && (
            <p class="small" role="status">
              {notice}
            </p>
          )}

          {editing && (
            <div class="share-form">
              <label class="field">
                <span class="field-label">{t('share.url')}</span>
                <input
                  ref={urlInput}
                  class="input"
                  type="url"
                  value={url}
                  placeholder={t('share.urlPlaceholder')}
                  autoComplete="url"
                  spellcheck={false}
                  autoFocus
                  aria-invalid={urlProblem ? 'true' : undefined}
                  aria-describedby={urlProblem ? 'share-url-problem' : 'share-url-hint'}
                  onInput={(e) => {
                    setUrl(e.currentTarget.value);
                    if (urlProblem) setUrlProblem(null);
                  }}
                />
                {urlProblem ? (
                  <span id="share-url-problem" class="inline-error small" role="alert">
                    {urlProblem}
                  </span>
                ) : (
                  <span id="share-url-hint" class="field-hint">
                    {t('share.urlHint')}
                  </span>
                )}
              </label>
              <label class="field">
                <span class="field-label">{t('share.token')}</span>
                <input
                  class="input"
                  type="password"
                  value={token}
                  autoComplete="off"
                  spellcheck={false}
                  aria-describedby="share-token-hint"
                  onInput={(e) => setToken(e.currentTarget.value)}
                />
                <span id="share-token-hint" class="field-hint">
                  {t('share.tokenHint')}
                </span>
              </label>
              <div class="share-roles small" data-testid="share-roles">
                <p class="share-roles-heading">
                  {t('sharing.roles.heading')}
                </p>
                <ul>
                  <li data-role="editor">{t('sharing.roles.editor')}</li>
                  <li data-role="commenter">{t('sharing.roles.commenter')}</li>
                  <li data-role="viewer">{t('sharing.roles.viewer')}</li>
                </ul>
              </div>
            </div>
          )}
          {failure && (
            <p class="inline-error" role="alert" data-testid="share-failure">
              {failure}
            </p>
          )}
        </div>
        <div class="dialog-actions">
          {remote && !editing && (
            <>
              <button type="button" class="button button-danger" disabled={busy || !hostReachable} onClick={() => void disconnect()}>
                {t('share.disconnect')}
              </button>
              <button type="button" class="button" disabled={busy} onClick={() => setEditing(true)}>
                {t('share.change')}
              </button>
            </>
          )}
          <span class="dialog-actions-spacer" />
          <button type="button" class="button" onClick={onClose} autoFocus={!editing}>
            {t('common.close')}
          </button>
          {editing && (
            <button type="submit" class="button button-primary" disabled={busy || !hostReachable}>
              {busy ? t('share.connecting') : t('share.connect')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}

/** The header's "Del" button. */
export function ShareButton({ onClick, connected }: { onClick: () => void; connected: boolean }) {
  return (
    <button type="button" class="button share-button" onClick={onClick} aria-haspopup="dialog" title={t('share.buttonHint')} data-connected={connected ? 'true' : undefined}>
      <svg class="icon" width={16} height={16} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M5.5 3a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zm0 1.5a1 1 0 1 0 0 2 1 1 0 0 0 0-2zM11 4a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm0 1.4a.6.6 0 1 0 0 1.2.6.6 0 0 0 0-1.2zM5.5 9c2.3 0 4 1.2 4 3.2V13H1.5v-.8C1.5 10.2 3.2 9 5.5 9zm0 1.5c-1.2 0-2.2.5-2.4 1h4.8c-.2-.5-1.2-1-2.4-1zM11 9c1.9 0 3.5 1 3.5 2.8v.7h-3.8v-1.4h2.1c-.3-.4-1-.7-1.8-.7z"
        />
      </svg>
      <span class="share-button-label">{t('share.button')}</span>
    </button>
  );
}
