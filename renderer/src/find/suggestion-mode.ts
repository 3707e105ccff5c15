// Whether this person is in suggestion mode (the one switch of renderer/src/suggestions, the same
// for rich text, titles, goals and find and replace), and who they are as a suggestion's author:
// the presence name, as for suggestions in the text, so "mine" and "all of one author" agree.
import { useMemo } from 'preact/hooks';
import type { SuggestionAuthor } from '../../../shared/model/field-suggestions';
import type { DocumentSession } from '../session/document-session';
import { useMyPresence } from '../session/use-my-presence';
import { useSuggesting } from '../suggestions/suggest-mode';

export function useSuggestionMode(_session: DocumentSession): boolean {
  return useSuggesting();
}

export function useSuggestionAuthor(session: DocumentSession): SuggestionAuthor {
  const me = useMyPresence(session);
  return useMemo(() => ({ id: me.name, name: me.name, color: me.color }), [me.name, me.color]);
}
