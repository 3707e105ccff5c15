// A labelled rich-text field of an item, bound to the model's Y.XmlFragment for (id, field).
import { useMemo } from 'preact/hooks';
import type { RichField as RichFieldName } from '../../../../shared/model/types';
import { readHint } from '../../../../shared/model';
import type { DocumentSession } from '../../session/document-session';
import { RichTextEditor } from '../../editor/RichTextEditor';

interface Props {
  session: DocumentSession;
  id: string;
  field: RichFieldName;
  label: string;
  placeholder?: string;
  readOnly: boolean;
  compact?: boolean;
  /** Changes when the document changes: an undone delete brings the item back with a new fragment. */
  version: number;
}

export function RichField({ session, id, field, label, placeholder, readOnly, compact, version }: Props) {
  const fragment = useMemo(() => {
    try {
      return session.model.fragment(id, field);
    } catch {
      return null;
    }
  }, [session, id, field, version]);
  // A template's guidance for this field (shared/model/hints.ts) is its placeholder: shown while empty, never content.
  const hint = useMemo(() => readHint(session.doc, id, field), [session, id, field, version]);
  const labelId = `rich-label-${id}-${field}`;
  if (!fragment) return null;
  return (
    <div class="field rich-field-wrapper">
      <span class="field-label" id={labelId}>
        {label}
      </span>
      <RichTextEditor
        key={`${id}:${field}:${fragment._item?.id.client ?? 0}:${fragment._item?.id.clock ?? 0}`}
        fragment={fragment}
        awareness={session.awareness}
        label={label}
        placeholder={hint ?? placeholder}
        readOnly={readOnly}
        compact={compact}
        fieldKey={`${id}:${field}`}
        commentTarget={{ id, field }}
      />
    </div>
  );
}
