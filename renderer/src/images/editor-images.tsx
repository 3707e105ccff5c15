// Pictures in one rich-text editor: the plugin (node views, paste and drop), the toolbar's "Indsæt billede",
// and the dialog that asks for the alternative text. The picture's bytes go into the document's `images` map
// (shared/model/images.ts), then the `image` node that names it replaces the selection: a remote replica
// receives the bytes before the node, as both come from here in that order.
import { useRef, useState } from 'preact/hooks';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { LOCAL_ORIGIN } from '../../../shared/model';
import { addImage } from '../../../shared/model/images';
import { richSchema } from '../../../shared/richtext/schema';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { ImageDialog, type PictureChoice } from './ImageDialog';
import { imagePlugin } from './image-plugin';
import { refusalText, type ReadPicture } from './pictures';

export function useEditorImages(fragment: Y.XmlFragment) {
  const viewRef = useRef<EditorView | null>(null);
  const [open, setOpen] = useState<{ initial?: ReadPicture } | null>(null);
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

  return {
    plugin: () => imagePlugin(fragment, (picture) => setOpen({ initial: picture })),
    attach: (view: EditorView | null) => {
      viewRef.current = view;
    },
    open: () => setOpen({}),
    dialog: open ? (
      <>
        <ImageDialog initial={open.initial} onInsert={insert} onCancel={close} />
        {error && (
          <p class="inline-error small" role="alert">
            {error}
          </p>
        )}
      </>
    ) : null,
  };
}
