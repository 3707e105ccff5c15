// The editor's side of pictures: each `image` node is drawn from the document's stored bytes (a node view over
// the `images` map, updated when the bytes arrive from another replica), and a pasted or dropped picture file
// is checked at once: too large or of another type → refused with a toast that says why (never dropped
// silently); a good one opens the insert dialog, which asks for its alternative text.
import { Plugin } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import type * as Y from 'yjs';
import { imagesMap, readImage, type StoredImage } from '../../../shared/model/images';
import { t } from '../i18n/i18n';
import { announce } from '../ui/announcer';
import { showToast } from '../ui/toasts';
import { pictureUrl, readPicture, refusalText, type ReadPicture } from './pictures';

/** One blob URL per stored picture and document: node views of the same picture share it; the bytes never change. */
const urls = new WeakMap<Y.Doc, Map<string, string>>();

export function urlOf(doc: Y.Doc, id: string): string | undefined {
  let map = urls.get(doc);
  if (!map) urls.set(doc, (map = new Map()));
  const known = map.get(id);
  if (known) return known;
  const image = readImage(doc, id);
  if (!image) return undefined;
  const url = pictureUrl(image.bytes, image.mime);
  map.set(id, url);
  return url;
}

class ImageView implements NodeView {
  dom: HTMLElement;
  private img: HTMLImageElement | null = null;
  private readonly stopObserving: () => void;

  constructor(
    private node: PMNode,
    private readonly doc: Y.Doc,
  ) {
    this.dom = document.createElement('div');
    this.dom.className = 'rich-image';
    this.render();
    const images = imagesMap(doc);
    const observer = (event: Y.YMapEvent<StoredImage>) => {
      if (event.keysChanged.has(String(this.node.attrs.src))) this.render();
    };
    images.observe(observer);
    this.stopObserving = () => images.unobserve(observer);
  }

  private render(): void {
    const { src, alt, width } = this.node.attrs as { src: string; alt: string; width: number };
    const url = urlOf(this.doc, src);
    this.dom.replaceChildren();
    this.dom.setAttribute('data-image-id', src);
    if (!url) {
      const missing = document.createElement('span');
      missing.className = 'rich-image-missing';
      missing.textContent = `${t('images.missing')}: ${alt}`;
      this.dom.append(missing);
      this.img = null;
      return;
    }
    const img = document.createElement('img');
    img.src = url;
    img.alt = alt;
    img.style.width = `${width}%`;
    // As in Word (shared/export/docx/images.ts): a bitmap is never shown wider than its own pixels.
    const stored = readImage(this.doc, src);
    if (stored && stored.mime !== 'image/svg+xml') img.style.maxWidth = `min(100%, ${stored.width}px)`;
    img.draggable = false;
    this.dom.append(img);
    this.img = img;
  }

  update(node: PMNode): boolean {
    if (node.type !== this.node.type) return false;
    const old = this.node;
    this.node = node;
    if (old.attrs.src !== node.attrs.src || !this.img) this.render();
    else {
      this.img.alt = String(node.attrs.alt);
      this.img.style.width = `${Number(node.attrs.width)}%`;
    }
    return true;
  }

  stopEvent(): boolean {
    return false;
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.stopObserving();
  }
}

function refuse(error: unknown): void {
  const message = refusalText(error);
  showToast({ message, tone: 'error' }, 12_000);
  announce(message);
}

/** Picture files among the pasted or dropped files: anything that is a file is checked (the bytes decide). */
function takeFiles(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

async function check(files: File[], onPicture: (picture: ReadPicture) => void): Promise<void> {
  // One picture at a time: the dialog asks for one alternative text. The rest are named as not inserted.
  const [first] = files;
  if (!first) return;
  try {
    onPicture(await readPicture(first));
  } catch (error) {
    refuse(error);
  }
}

/** The plugin for one rich-text field bound to `fragment`; `onPicture` opens the dialog for a checked picture. */
export function imagePlugin(fragment: Y.XmlFragment, onPicture: (picture: ReadPicture) => void, onEdit: (pos: number) => void): Plugin {
  const doc = fragment.doc;
  return new Plugin({
    props: {
      nodeViews: doc ? { image: (node) => new ImageView(node, doc) } : {},
      handlePaste(_view: EditorView, event: ClipboardEvent) {
        const files = takeFiles(event.clipboardData);
        if (files.length > 0) {
          void check(files, onPicture);
          return true;
        }
        // A picture copied from a web page comes as HTML with <img src="https://…">: the text is pasted, the
        // picture cannot be (it is not in the document), and the user is told so.
        const html = event.clipboardData?.getData('text/html') ?? '';
        if (/<img\b(?![^>]*data-image-id)/i.test(html)) {
          const message = t('images.webImage');
          showToast({ message, tone: 'info' }, 12_000);
          announce(message);
        }
        return false;
      },
      // A double click on a picture changes its alt text and width (the toolbar button does, on a selected one).
      handleDoubleClickOn(view: EditorView, pos: number, node: PMNode, nodePos: number, _event: MouseEvent, direct: boolean) {
        if (node.type.name !== 'image' || !direct || !view.editable) return false;
        onEdit(nodePos);
        return true;
      },
      handleDrop(_view: EditorView, event: DragEvent) {
        const files = takeFiles(event.dataTransfer);
        if (files.length === 0) return false;
        event.preventDefault();
        void check(files, onPicture);
        return true;
      },
    },
  });
}
