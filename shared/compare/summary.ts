// The comparison's counts in words: "3 indsatsområder ændret, 1 tilføjet, 2 initiativer fjernet".
// Per kind the first count names the kind, the ones after it only the number (as one would say it).
import { t, type Lang } from '../i18n';
import type { CompareSummary } from './compare';

const VERBS = ['changed', 'added', 'removed', 'moved'] as const;

export function summaryText(summary: CompareSummary, lang: Lang): string {
  const parts: string[] = [];
  if (summary.meta > 0) parts.push(t(lang, 'redline.summary.meta', { count: summary.meta }));
  if (summary.labels > 0) parts.push(t(lang, 'redline.summary.labels', { count: summary.labels }));
  if (summary.vision > 0) parts.push(t(lang, 'redline.summary.vision'));
  for (const count of summary.kinds) {
    let named = false;
    for (const verb of VERBS) {
      const n = count[verb];
      if (n === 0) continue;
      const what = named ? String(n) : t(lang, `redline.kind.${count.kind}`, { count: n });
      named = true;
      parts.push(t(lang, `redline.summary.${verb}`, { what }));
    }
  }
  return parts.length > 0 ? parts.join(', ') : t(lang, 'redline.summary.none');
}
