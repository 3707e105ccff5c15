// The chunk a failed dynamic import names (renderer/src/doc/lazy-view.tsx): "Prøv igen" imports that chunk again
// under a URL of its own, because Chromium keeps the failed fetch in the page's module map.
import { describe, expect, it } from 'vitest';
import { failedChunkUrl } from '../../../renderer/src/doc/lazy-view';

describe('failedChunkUrl', () => {
  it("reads the script from Chromium's and Firefox's messages", () => {
    expect(failedChunkUrl(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4312/assets/OutlineView-CH3fK41i.js'))).toBe(
      'http://127.0.0.1:4312/assets/OutlineView-CH3fK41i.js',
    );
    expect(failedChunkUrl(new TypeError('error loading dynamically imported module: app://pejling/assets/StatusView-x1.js?retry=2'))).toBe(
      'app://pejling/assets/StatusView-x1.js?retry=2',
    );
    expect(failedChunkUrl(new TypeError('Failed to fetch dynamically imported module: pejling-app://bundle/assets/ChecksView-Q9.js'))).toBe(
      'pejling-app://bundle/assets/ChecksView-Q9.js',
    );
  });

  it('names nothing when the error names no script (a stylesheet, another failure)', () => {
    expect(failedChunkUrl(new Error('Unable to preload CSS for /assets/OutlineView-CH3fK41i.css'))).toBeUndefined();
    expect(failedChunkUrl('network down')).toBeUndefined();
  });
});
