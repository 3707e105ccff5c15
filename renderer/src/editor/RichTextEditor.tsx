// A rich-text field: a ProseMirror editor bound to its Y.XmlFragment with y-prosemirror. Remote
// cursors come from the document's awareness; undo/redo undo only this user's changes.
import { useEffect, useRef, useState } from 'preact/hooks';
import { EditorState, type Command } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { columnResizing, tableEditing } from 'prosemirror-tables';
import { ySyncPlugin, yCursorPlugin, yUndoPlugin } from 'y-prosemirror';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { richSchema } from '../../../shared/richtext/schema';
import { t } from '../i18n/i18n';
import { richInputRules } from './rich-input-rules';
import { richKeymaps } from './rich-keymap';
import { placeholderPlugin } from './placeholder-plugin';
import { remoteScrollPlugin } from './remote-scroll';
import { RichToolbar } from './RichToolbar';
import { LinkForm } from './LinkForm';
import { applyLink, linkAt } from './rich-commands';
import { buildCursor } from './remote-cursor';
import { registerEditor } from './editor-registry';
import { domSelectionSyncPlugin, syncSelectionFromDOM } from './dom-selection-sync';
import { extraPlugins } from './extra-plugins';
import { footnotePlugins } from './footnote-commands';
import type { CommentTarget } from '../../../shared/model/comments';
import { CommentOnlyToolbar, useEditorComments } from '../comments/editor-comments';
import { suggestIfOn, useEditorSuggestions } from '../suggestions/editor-suggestions';
import { useEditorImages } from '../images/editor-images';
import { paintCoalescer } from '../collab/after-paint';

interface Props {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** Accessible name of the text area, e.g. "Vision". */
  label: string;
  placeholder?: string | undefined;
  readOnly?: boolean | undefined;
  /** Compact editors (e.g. a principle's body) start with a smaller height. */
  compact?: boolean | undefined;
  /** For tests and jump targets: data-field on the wrapper. */
  fieldKey?: string | undefined;
  /** The item and field this editor holds, for comment threads on its text. */
  commentTarget?: CommentTarget | undefined;
}

export function RichTextEditor({ fragment, awareness, label, placeholder, readOnly = false, compact = false, fieldKey, commentTarget }: Props) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const readOnlyRef = useRef(readOnly);
  const [state, setState] = useState<EditorState | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  readOnlyRef.current = readOnly;
  const comments = useEditorComments(commentTarget, label);
  const suggestions = useEditorSuggestions(fragment, state, readOnly);
  const images = useEditorImages(fragment); // pictures: node views, paste/drop, "Indsæt billede" (renderer/src/images)

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    // The toolbar follows the editor after the frame that shows a keystroke, not inside it (perf, issue 18: its
    // re-render cost ~0.7 ms per transaction); commands read the view's own state, never this copy.
    const toolbar = paintCoalescer(() => {
      if (viewRef.current && !viewRef.current.isDestroyed) setState(viewRef.current.state);
    });
    const openLink = () => {
      syncSelectionFromDOM(viewRef.current);
      toolbar.flush();
      setLinkOpen(true);
      return true;
    };
    const view = new EditorView(mount, {
      state: EditorState.create({
        schema: richSchema,
        plugins: [
          ySyncPlugin(fragment),
          yCursorPlugin(awareness, { cursorBuilder: buildCursor }),
          yUndoPlugin(),
          remoteScrollPlugin(), // others' changes keep the caret in view once a frame, not once a change (./remote-scroll.ts)
          // Before the keymaps: they must see where the caret really is.
          domSelectionSyncPlugin(),
          richInputRules(),
          ...footnotePlugins(), // footnotes and page breaks (./footnote-commands.ts); Ctrl+Enter before the keymaps
          ...richKeymaps({ onLink: openLink }),
          columnResizing(),
          tableEditing(),
          placeholderPlugin(placeholder ?? ''),
          comments.plugin,
          suggestions.plugin,
          images.plugin(),
          ...extraPlugins(fragment),
        ],
      }),
      editable: () => !readOnlyRef.current,
      attributes: {
        class: 'rich-editor',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': label,
        spellcheck: 'true',
        lang: 'da',
      },
      // `this`, not `view`: y-prosemirror dispatches while the view is still being constructed.
      dispatchTransaction(this: EditorView, tr) {
        // A remote change or presence update can still arrive while the editor unmounts (the user moved on to
        // another item): a destroyed view has no DOM to update.
        if (this.isDestroyed) return;
        const next = this.state.apply(suggestIfOn(this, tr, fragment)); // suggestion mode: this person's changes become suggestions
        this.updateState(next);
        toolbar.schedule();
      },
    });
    viewRef.current = view;
    setState(view.state);
    comments.attach(view);
    suggestions.attach(view);
    images.attach(view);
    const unregister = registerEditor(view);
    return () => {
      toolbar.cancel();
      comments.attach(null);
      suggestions.attach(null);
      images.attach(null);
      unregister();
      viewRef.current = null;
      view.destroy();
    };
    // The editor is bound to one fragment for its lifetime; the label only changes with the language.
  }, [fragment, awareness]);

  useEffect(() => {
    viewRef.current?.setProps({ attributes: { class: 'rich-editor', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'true', lang: 'da', ...(readOnly ? { 'aria-readonly': 'true' } : {}) } });
  }, [label, readOnly]);

  const run = (command: Command) => {
    const view = viewRef.current;
    if (!view) return;
    command(view.state, view.dispatch, view);
    view.focus();
  };

  const closeLink = () => {
    setLinkOpen(false);
    viewRef.current?.focus();
  };

  return (
    <div class={`rich-field${compact ? ' is-compact' : ''}${readOnly ? ' is-readonly' : ''}${comments.aside ? ' has-comment-aside' : ''}`} data-field={fieldKey}>
      {!readOnly && state && (
        <RichToolbar state={state} label={t('editor.toolbarFor', { field: label })} run={run} onLink={() => setLinkOpen(true)} onComment={comments.start} onImage={images.open} />
      )}
      {readOnly && comments.start && <CommentOnlyToolbar label={t('editor.toolbarFor', { field: label })} onComment={comments.start} />}
      {linkOpen && state && (
        <LinkForm
          initialHref={linkAt(state)?.href ?? ''}
          hasSelection={!state.selection.empty || !!linkAt(state)}
          canRemove={!!linkAt(state)}
          onApply={(href, text) => {
            const view = viewRef.current;
            if (view) applyLink(href, text)(view.state, view.dispatch);
            closeLink();
          }}
          onCancel={closeLink}
        />
      )}
      {images.dialog}
      <div class="rich-mount" ref={mountRef} />
      {comments.aside}
      {suggestions.aside}
    </div>
  );
}
