import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultDataDir } from '../../../main/storage/data-dir';

describe('defaultDataDir', () => {
  it('prefers $PEJLING_DATA_DIR everywhere', () => {
    expect(defaultDataDir({ PEJLING_DATA_DIR: '/srv/pejling', XDG_DATA_HOME: '/x' }, 'linux', '/home/a')).toBe('/srv/pejling');
    expect(defaultDataDir({ PEJLING_DATA_DIR: 'D:\\data' }, 'win32', 'C:\\Users\\a')).toBe('D:\\data');
  });

  it('follows each platform convention', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/home/a/.data' }, 'linux', '/home/a')).toBe('/home/a/.data/pejling');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/pejling');
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/a')).toBe('/home/a/.local/share/pejling');
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Pejling');
    expect(defaultDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32', 'C:/Users/a')).toBe(join('C:/Users/a/AppData/Roaming', 'Pejling'));
  });
});
