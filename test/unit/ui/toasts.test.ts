// Toasts wait while the person is in them: an undo toast must not vanish under the pointer or the keyboard.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, holdToasts, showToast, subscribeToasts, type Toast } from '../../../renderer/src/ui/toasts';

describe('toasts', () => {
  let shown: Toast[] = [];
  let off: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    off = subscribeToasts((toasts) => (shown = toasts));
  });
  afterEach(() => {
    holdToasts(false);
    for (const toast of shown) dismissToast(toast.id);
    off();
    vi.useRealTimers();
  });

  it('expires after its time, and its expiry runs', () => {
    const onExpire = vi.fn();
    showToast({ message: 'Indsatsområde slettet', onExpire }, 8000);
    vi.advanceTimersByTime(7999);
    expect(shown.map((t) => t.message)).toEqual(['Indsatsområde slettet']);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([]);
    expect(onExpire).toHaveBeenCalledOnce();
  });

  it('stays while held and gets the time it had left afterwards', () => {
    showToast({ message: '6 forekomster erstattet' }, 8000);
    vi.advanceTimersByTime(5000);
    holdToasts(true);
    vi.advanceTimersByTime(60_000);
    expect(shown.map((t) => t.message)).toEqual(['6 forekomster erstattet']);
    holdToasts(false);
    vi.advanceTimersByTime(2999);
    expect(shown).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual([]);
  });

  it('a toast shown while held starts its clock when the hold ends, with at least 2 s', () => {
    showToast({ message: 'first' }, 8000);
    vi.advanceTimersByTime(7900);
    holdToasts(true);
    showToast({ message: 'second' }, 4000);
    vi.advanceTimersByTime(10_000);
    expect(shown.map((t) => t.message)).toEqual(['first', 'second']);
    holdToasts(false);
    vi.advanceTimersByTime(2000);
    expect(shown.map((t) => t.message)).toEqual(['second']);
    vi.advanceTimersByTime(2000);
    expect(shown).toEqual([]);
  });
});
