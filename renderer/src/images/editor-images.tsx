// Pictures in one rich-text editor: the plugin (node views, paste and drop), the toolbar's "Indsæt billede",
// and the dialog that asks for the alternative text. The picture's bytes go into the document's `images` map
// (shared/model/images.ts), then the `image` node that names it replaces the selection: a remote replica
// receives the bytes before the node, as both come from here in that order.
import { useRef, useState } from 'preact/hooks';
import { NodeSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../../shared/model';
import { addImage } from '../../../shared/model/images';
import { richSchema } from '../../../shared/richtext/schema';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { ImageDialog, type PictureChoice, type PictureEdit } from './ImageDialog';
import { imagePlugin, urlOf } from './image-plugin';
import { refusalText, type ReadPicture } from './pictures';

export function useEditorImages(fragment: Y.XmlFragment) {
  const viewRef = useRef<EditorView | null>(null);
  const [open, setOpen] = useState<{ initial?: ReadPicture; edit?: PictureEdit & { pos: number } } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setOpen(null);
    setError(null);
    viewRef.current?.focus();
  };

  const insert = ({ picture, alt, width }: PictureChoice) => {
    const view = viewRef.current;
    const doc = fragment.doc;
    if (!view || !doc) return;
    try {
      const id = addImage(doc, { bytes: picture.bytes, alt, name: picture.name, ...(picture.png ? { png: picture.png } : {}) }, LOCAL_ORIGIN);
      const node = richSchema.nodes.image!.create({ src: id, alt, width });
      view.dispatch(view.state.tr.replaceSelectionWith(node).scrollIntoView());
      announce(t('images.inserted'));
      close();
    } catch (e) {
      setError(refusalText(e));
    }
  };

  /** Opens the dialog on the picture at `pos` (its alt text and width). */
  const edit = (pos: number) => {
    const node = viewRef.current?.state.doc.nodeAt(pos);
    if (!node || node.type.name !== 'image' || !fragment.doc) return;
    setOpen({ edit: { pos, alt: String(node.attrs.alt), width: Number(node.attrs.width), url: urlOf(fragment.doc, String(node.attrs.src)) } });
  };

  const update = ({ alt, width }: { alt: string; width: number }) => {
    const view = viewRef.current;
    const pos = open?.edit?.pos;
    const node = pos === undefined ? null : view?.state.doc.nodeAt(pos);
    if (view && pos !== undefined && node?.type.name === 'image') view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, alt, width }));
    close();
  };

  return {
    plugin: () => imagePlugin(fragment, (picture) => setOpen({ initial: picture }), edit),
    attach: (view: EditorView | null) => {
      viewRef.current = view;
    },
    /** "Indsæt billede"; on a selected picture: change its alt text and width. */
    open: () => {
      const selection = viewRef.current?.state.selection;
      if (selection instanceof NodeSelection && selection.node.type.name === 'image') edit(selection.from);
      else setOpen({});
    },
    dialog: open ? (
      <>
        <ImageDialog initial={open.initial} edit={open.edit} onInsert={insert} onUpdate={update} onCancel={close} />
        {error && (
          <p class="inline-error small" role="alert">
            {error}
          </p>
        )}
      </>
    ) : null,
  };
}
