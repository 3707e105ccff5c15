// Footnotes of rich text (the `footnote` node of shared/richtext/schema.ts) as real Word footnotes: the
// reference mark where the note stands in the text, the note's own text in word/footnotes.xml, numbered by
// Word in document order. docx collects a FootnoteReferenceRun's content into the document's footnotes
// when the run is written, so a note needs no id of its own here. The note's text is written like the
// text around it (emphasis, links, the language's typography) in Word's own "footnote text" style.
import { FootnoteReferenceRun, Paragraph, type ParagraphChild } from 'docx';
import type { PmNode } from '../rich-json';

/** Word's built-in style of a footnote's text (docx defines it with the document's default styles). */
const FOOTNOTE_TEXT = 'FootnoteText';

/** The reference run of a footnote node, its text made of `runs` (the note's inline content as runs). */
export function footnoteRun(node: PmNode, runs: (nodes: PmNode[]) => ParagraphChild[]): ParagraphChild {
  // Even an empty note keeps its mark, so the numbers of the notes after it are the ones the editor shows.
  return new FootnoteReferenceRun({ children: [new Paragraph({ style: FOOTNOTE_TEXT, children: runs(node.content ?? []) })] });
}
