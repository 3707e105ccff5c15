// Hash routes, so a reload (and Electron's file/custom-protocol loading) keeps the user's place:
//   #/                                   start screen
//   #/doc/<documentId>[/<view>[/<item>]]  a document, one of its views, and the selected part
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { screen: 'start' }
  | { screen: 'document'; documentId: string; view: string; item: string | undefined };

export const DEFAULT_VIEW = 'edit';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p.length > 0).map(safeDecode);
  if (parts[0] === 'doc' && parts[1]) {
    return { screen: 'document', documentId: parts[1], view: parts[2] ?? DEFAULT_VIEW, item: parts[3] };
  }
  return { screen: 'start' };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export function formatRoute(route: Route): string {
  if (route.screen === 'start') return '#/';
  const base = `#/doc/${encodeURIComponent(route.documentId)}/${encodeURIComponent(route.view)}`;
  return route.item ? `${base}/${encodeURIComponent(route.item)}` : base;
}

/** Goes to a route; `replace` keeps the browser history from filling with every selection. */
export function navigate(route: Route, { replace = false } = {}): void {
  const hash = formatRoute(route);
  if (location.hash === hash) return;
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
