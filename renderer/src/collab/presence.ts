// Small helpers for showing people: initials for avatars, and a safe colour.
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...parts[0]!][0] ?? '';
  const last = parts.length > 1 ? ([...parts[parts.length - 1]!][0] ?? '') : ([...parts[0]!][1] ?? '');
  return `${first}${last}`.toUpperCase();
}

/** A presence colour from another client: only #rrggbb is used as is (it goes into inline styles). */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#475467';
}

/** What other users see of this user: name, colour and the part of the document they are in. */
export interface PresenceState {
  user: { name: string; color: string };
  /** Navigator key of the part this user has open. */
  location?: string | null;
  /** Key of the structured field this user is typing in (see collab/field-presence). */
  editing?: string | null;
}
