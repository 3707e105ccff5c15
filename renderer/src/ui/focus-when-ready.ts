// Focuses an element that a coming render will create (e.g. the title field of an item just added).
export function focusWhenReady(selector: string, { select = false, timeoutMs = 1000 } = {}): void {
  const started = performance.now();
  const attempt = () => {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) {
      element.focus();
      if (select && element instanceof HTMLInputElement) element.select();
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
