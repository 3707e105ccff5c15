// Markdown ⇄ ProseMirror for the editor schema. The Markdown dialect is CommonMark reduced to what
// the schema holds: paragraphs, headings, "- " and "1. " lists, blockquotes, hard breaks,
// **bold**, *italic* and [links](url). Constructs the schema cannot hold (code, images, raw HTML,
// rules) are switched off in the tokenizer, so their characters stay plain text.
import MarkdownIt from 'markdown-it';
import { MarkdownParser, MarkdownSerializer, defaultMarkdownSerializer } from 'prosemirror-markdown';
import type { Node as PMNode } from 'prosemirror-model';
import { clampHeadingLevel, richSchema } from './schema';

const tokenizer = new MarkdownIt('commonmark', { html: false, linkify: false });
tokenizer.disable(['code', 'fence', 'hr', 'image', 'html_block', 'html_inline', 'backticks', 'entity']);

export const markdownParser = new MarkdownParser(richSchema, tokenizer, {
  blockquote: { block: 'blockquote' },
  paragraph: { block: 'paragraph' },
  list_item: { block: 'list_item' },
  bullet_list: { block: 'bullet_list' },
  ordered_list: {
    block: 'ordered_list',
    getAttrs: (tok) => ({ order: Number(tok.attrGet('start')) || 1 }),
  },
  heading: {
    block: 'heading',
    getAttrs: (tok) => ({ level: clampHeadingLevel(Number(tok.tag.slice(1))) }),
  },
  hardbreak: { node: 'hard_break' },
  em: { mark: 'em' },
  strong: { mark: 'strong' },
  link: {
    mark: 'link',
    getAttrs: (tok) => ({ href: tok.attrGet('href'), title: tok.attrGet('title') || null }),
  },
});

const base = defaultMarkdownSerializer;

export const markdownSerializer = new MarkdownSerializer(
  {
    blockquote: base.nodes.blockquote!,
    heading: base.nodes.heading!,
    paragraph: base.nodes.paragraph!,
    text: base.nodes.text!,
    hard_break: base.nodes.hard_break!,
    list_item: base.nodes.list_item!,
    ordered_list: base.nodes.ordered_list!,
    bullet_list(state, node) {
      state.renderList(node, '  ', () => '- ');
    },
  },
  { em: base.marks.em!, strong: base.marks.strong!, link: base.marks.link! },
);

/** Parses Markdown into a document of the editor schema (never fails: unknown syntax stays text). */
export function parseMarkdown(markdown: string): PMNode {
  return markdownParser.parse(markdown);
}

/**
 * Serialises a document to Markdown. Throws when the document holds something Markdown cannot
 * express (a table); use `toMarkdownIfExact` to ask whether the conversion is lossless.
 */
export function serializeMarkdown(doc: PMNode): string {
  return markdownSerializer.serialize(doc, { tightLists: true });
}

/** The Markdown of `doc` when parsing that Markdown gives back exactly `doc`; otherwise undefined. */
export function toMarkdownIfExact(doc: PMNode): string | undefined {
  let markdown: string;
  try {
    markdown = serializeMarkdown(doc);
  } catch {
    return undefined; // a node or mark the serializer does not know (tables)
  }
  return parseMarkdown(markdown).eq(doc) ? markdown : undefined;
}
