// Whether this user is in suggestion mode, and who they are as a suggestion's author, for the
// suggested titles and goals and for find and replace. The mode itself belongs to suggestion mode
// in rich text (renderer/src/suggestions); until that lands here, the mode reads as off.
import { useMemo } from 'preact/hooks';
import type { SuggestionAuthor } from '../../../shared/model/field-suggestions';
import type { DocumentSession } from '../session/document-session';
import { useMyPresence } from '../session/use-my-presence';

export function useSuggestionMode(_session: DocumentSession): boolean {
  return false;
}

export function useSuggestionAuthor(session: DocumentSession): SuggestionAuthor {
  const me = useMyPresence(session);
  return useMemo(() => ({ id: me.name, name: me.name, color: me.color }), [me.name, me.color]);
}
