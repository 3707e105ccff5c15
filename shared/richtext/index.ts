// Rich text: the editor schema, Markdown conversion, and Rich (interchange) ⇄ ProseMirror.
export { richSchema } from './schema';
export { parseMarkdown, serializeMarkdown, toMarkdownIfExact } from './markdown';
export {
  RichTextError,
  richToProseMirror,
  proseMirrorToRich,
  richToPlainText,
  checkRich,
  isEmptyDoc,
} from './rich';
