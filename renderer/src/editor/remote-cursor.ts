// How another user's cursor looks in a rich-text field: a coloured caret with their name.
export function buildCursor(user: { name?: string; color?: string }): HTMLElement {
  const color = user.color && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#475467';
  const caret = document.createElement('span');
  caret.className = 'remote-caret';
  caret.style.borderColor = color;
  const name = document.createElement('span');
  name.className = 'remote-caret-name';
  name.style.backgroundColor = color;
  name.textContent = user.name || '?';
  name.setAttribute('aria-hidden', 'true');
  // Word joiners keep the caret from breaking lines around it.
  caret.append(document.createTextNode('\u2060'), name, document.createTextNode('\u2060'));
  return caret;
}
