// Rich text: the editor schema, Markdown conversion, and Rich (interchange) ⇄ ProseMirror.
export { richSchema, HEADING_LEVELS, clampHeadingLevel } from './schema';
export { parseMarkdown, serializeMarkdown, toMarkdownIfExact, markdownParser, markdownSerializer } from './markdown';
export {
  RichTextError,
  richToProseMirror,
  proseMirrorToRich,
  richToPlainText,
  proseMirrorToPlainText,
  checkRich,
  isEmptyDoc,
} from './rich';
