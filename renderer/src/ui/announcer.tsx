// Screen-reader announcements (e.g. "Flyttet til plads 2 af 5") through a visually hidden live region.
import { useEffect, useState } from 'preact/hooks';

let listener: ((text: string) => void) | undefined;

export function announce(text: string): void {
  listener?.(text);
}

export function Announcer() {
  const [text, setText] = useState('');
  useEffect(() => {
    // Clearing first makes a repeated identical message announce again.
    listener = (next) => {
      setText('');
      requestAnimationFrame(() => setText(next));
    };
    return () => {
      listener = undefined;
    };
  }, []);
  return (
    <div class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="announcer">
      {text}
    </div>
  );
}
