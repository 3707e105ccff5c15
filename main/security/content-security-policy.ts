// The Content-Security-Policy of the app, the same in the desktop window and in browser mode.
// style-src needs 'unsafe-inline' because ProseMirror and the y-prosemirror cursor plugin set inline style
// attributes; scripts stay strictly 'self' (no inline script, no eval).
export function contentSecurityPolicy(options: { allowWebSocket: boolean }): string {
  const connect = options.allowWebSocket ? "'self' ws: wss:" : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // "Udskriv" prints the document's PDF from a hidden frame holding an object URL the page made itself
    // (renderer/src/bridge/print-pdf.ts); no other frame source is allowed.
    "frame-src blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
