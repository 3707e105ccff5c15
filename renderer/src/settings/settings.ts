// The user's settings (name and colour shown to co-editors, UI language), kept in localStorage.
export type Language = 'da' | 'en';

export interface Settings {
  userName: string;
  /** #rrggbb: y-prosemirror only draws 6-digit colours. */
  userColor: string;
  language: Language;
}

const STORAGE_KEY = 'pejling.settings';

/** Presence colours with enough contrast on white for names and cursor labels. */
export const USER_COLORS = ['#1f6feb', '#b42318', '#067647', '#8e44ad', '#b54708', '#0e7490', '#c11574', '#475467'] as const;

const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

function defaults(): Settings {
  const color = USER_COLORS[Math.floor(Math.random() * USER_COLORS.length)] ?? USER_COLORS[0];
  return { userName: '', userColor: color, language: 'da' };
}

function read(): Settings {
  const base = defaults();
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return base;
    const stored = JSON.parse(raw) as Partial<Record<keyof Settings, unknown>>;
    return {
      userName: typeof stored.userName === 'string' ? stored.userName.slice(0, 80) : base.userName,
      userColor: typeof stored.userColor === 'string' && COLOR_PATTERN.test(stored.userColor) ? stored.userColor : base.userColor,
      language: stored.language === 'en' || stored.language === 'da' ? stored.language : base.language,
    };
  } catch {
    return base;
  }
}

let current: Settings = read();
// The colour picked at random on first start stays the user's colour from then on.
try {
  if (localStorage.getItem(STORAGE_KEY) === null) localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
} catch {
  // storage disabled: a new colour per session
}
const listeners = new Set<(settings: Settings) => void>();

export function getSettings(): Settings {
  return current;
}

export function updateSettings(change: Partial<Settings>): Settings {
  current = { ...current, ...change };
  if (!COLOR_PATTERN.test(current.userColor)) current.userColor = USER_COLORS[0];
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // storage full or disabled: the settings still apply to this session
  }
  for (const listener of listeners) listener(current);
  return current;
}

export function onSettingsChange(listener: (settings: Settings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
