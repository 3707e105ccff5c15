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
 * below it (an "Overskrift 1" under a level-3 heading becomes h4), as in the published document.
 * The view follows its own fragment (observeDeep), so typing in one field re-renders only that field.
 */
export function RichView({ fragment, className, headingBase = 0 }: { fragment: Y.XmlFragment; className?: string; headingBase?: number }) {
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
  return <div class={`rich-view${className ? ` ${className}` : ''}`} ref={ref} hidden={empty} />;
}
