// Where Pejling keeps its documents on this machine.
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * `$PEJLING_DATA_DIR` if set, else the platform's per-user data directory:
 * Linux `$XDG_DATA_HOME/pejling` or `~/.local/share/pejling`, Windows `%APPDATA%\Pejling`,
 * macOS `~/Library/Application Support/Pejling`.
 */
export function defaultDataDir(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const explicit = env.PEJLING_DATA_DIR;
  if (explicit) return explicit;
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Pejling');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Pejling');
  // XDG requires an absolute path; a relative one is to be ignored.
  const xdg = env.XDG_DATA_HOME;
  if (xdg && xdg.startsWith('/')) return join(xdg, 'pejling');
  return join(home, '.local', 'share', 'pejling');
}
