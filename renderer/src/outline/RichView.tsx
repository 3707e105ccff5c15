// Read-only rendering of a rich-text field (for the outline): the Y.XmlFragment as ProseMirror
// would show it, serialised to DOM with the shared schema.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { DOMSerializer } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import type * as Y from 'yjs';
import { withoutSuggestions } from '../../../shared/model/suggestions';
import { richSchema } from '../../../shared/richtext/schema';

const serializer = DOMSerializer.fromSchema(richSchema);

/** True when the fragment has no text at all (an empty paragraph counts as empty). */
export function fragmentIsEmpty(fragment: Y.XmlFragment): boolean {
  return fragment.length === 0 || fragment.toString().replace(/<[^>]*>/g, '').trim().length === 0;
}

/**
 * `headingBase`: the level of the heading the text sits under; headings inside the text are shown
 * below it, the distinct levels the text uses ranked (an "Overskrift 2" that is the text's only level
 * is the first level under it), as in the published document. `numbers`: the document's numbers of
 * the text's outline headings (those at the top or in quotes, down to Word's level 3), in order.
 * The view follows its own fragment (observeDeep), so typing in one field re-renders only that field.
 */
export function RichView({ fragment, className, headingBase = 0, numbers }: { fragment: Y.XmlFragment; className?: string; headingBase?: number; numbers?: string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [version, setVersion] = useState(0);
  const [empty, setEmpty] = useState(() => fragmentIsEmpty(fragment));

  useEffect(() => {
    let frame = 0;
    const onChange = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setEmpty(fragmentIsEmpty(fragment));
        setVersion((v) => v + 1);
      });
    };
    fragment.observeDeep(onChange);
    return () => {
      fragment.unobserveDeep(onChange);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [fragment]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    try {
      // The published text: pending suggestions are not shown until someone accepts them (issue 14).
      const node = withoutSuggestions(yXmlFragmentToProseMirrorRootNode(fragment, richSchema));
      el.replaceChildren(serializer.serializeFragment(node.content, { document }));
      if (headingBase > 0) {
        const headings = Array.from(el.querySelectorAll('h1, h2, h3'));
        const levels = [...new Set(headings.map((h) => Number(h.tagName.slice(1))))].sort((a, b) => a - b);
        let outlined = 0;
        for (const heading of headings) {
          const rank = levels.indexOf(Number(heading.tagName.slice(1))) + 1;
          const replacement = document.createElement(`h${Math.min(6, headingBase + rank)}`);
          replacement.className = 'rich-heading';
          replacement.append(...Array.from(heading.childNodes));
          // Word's rule (shared/export/strategy-index.ts, richOutlineHeadings): a heading of the document
          // when it stands at the top or in quotes, has text, and is no deeper than level 3.
          let parent = heading.parentElement;
          while (parent && parent !== el && parent.tagName === 'BLOCKQUOTE') parent = parent.parentElement;
          const outline = parent === el && (heading.textContent ?? '').trim() !== '' && headingBase - 1 + rank <= 3;
          const number = outline ? numbers?.[outlined++] : undefined;
          if (number) {
            const span = document.createElement('span');
            span.className = 'outline-number';
            span.textContent = number;
            replacement.prepend(span);
          }
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
  }, [fragment, version, headingBase, numbers?.join(' ')]);
  return <div class={`rich-view${className ? ` ${className}` : ''}`} ref={ref} hidden={empty} />;
}
