// Read-only rendering of a rich-text field (for the outline): the Y.XmlFragment as ProseMirror
// would show it, serialised to DOM with the shared schema.
import { useLayoutEffect, useRef } from 'preact/hooks';
import { DOMSerializer } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { richSchema } from '../../../shared/richtext/schema';

const serializer = DOMSerializer.fromSchema(richSchema);

/** True when the fragment has no text at all (an empty paragraph counts as empty). */
export function fragmentIsEmpty(fragment: Y.XmlFragment): boolean {
  return fragment.length === 0 || fragment.toString().replace(/<[^>]*>/g, '').trim().length === 0;
}

/**
 * `headingBase`: the level of the heading the text sits under; headings inside the text are shown
 * below it (an "Overskrift 1" under a level-3 heading becomes h4), as in the published document.
 */
export function RichView({ fragment, version, className, headingBase = 0 }: { fragment: Y.XmlFragment; version: number; className?: string; headingBase?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    try {
      const node = yXmlFragmentToProseMirrorRootNode(fragment, richSchema);
      el.replaceChildren(serializer.serializeFragment(node.content, { document }));
      if (headingBase > 0) {
        for (const heading of Array.from(el.querySelectorAll('h1, h2, h3'))) {
          const level = Math.min(6, Number(heading.tagName.slice(1)) + headingBase);
          const replacement = document.createElement(`h${level}`);
          replacement.className = 'rich-heading';
          replacement.append(...Array.from(heading.childNodes));
          heading.replaceWith(replacement);
        }
      }
      // Links in the outline open outside the app, never inside the window.
      for (const link of el.querySelectorAll('a')) {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener noreferrer');
      }
    } catch {
      el.textContent = '';
    }
  }, [fragment, version, headingBase]);
  return <div class={`rich-view${className ? ` ${className}` : ''}`} ref={ref} />;
}
