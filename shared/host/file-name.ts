// The file name a document's title becomes when it is saved or exported: the one cleaning both transports use.
// Control characters and the characters Windows forbids become spaces; the name stays readable ("Københavns
// strategi.docx") and bounded; an empty title falls back to "strategi".
export function safeFileName(title: string, extension: string): string {
  const base =
    [...title]
      .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
      .join('')
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 120)
      .trim() || 'strategi';
  return `${base}.${extension}`;
}
