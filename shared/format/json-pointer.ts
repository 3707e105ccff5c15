// JSON pointers (RFC 6901) name a place in an interchange file in problems and findings,
// e.g. "/actionPlans/1/initiatives/0/status". The empty pointer "" is the whole document.

/** Builds a JSON pointer from path segments (object keys and array indices). */
export function toJsonPointer(segments: readonly (string | number | symbol)[]): string {
  return segments.map((s) => '/' + String(typeof s === 'symbol' ? s.description ?? '' : s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Appends segments to an existing pointer. */
export function childPointer(base: string, ...segments: (string | number)[]): string {
  return base + toJsonPointer(segments);
}
