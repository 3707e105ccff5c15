// What a Word document holds, as the importer reads it (main/import/read-docx.ts fills it from mammoth's
// document tree): paragraphs with their style and list numbering, runs with bold/italic/link, tables with
// header rows. No meaning is given to anything yet; ./recognise.ts does that. The zod schema lets the
// outline cross the host boundary (the preview in the app recognises on the renderer's side).
import { z } from 'zod';

export const rawRunSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z.string().optional(),
});

export const rawParagraphSchema = z.object({
  kind: z.literal('paragraph'),
  /** Word's style id ("Overskrift1", "Heading1", "ListParagraph"); absent for direct formatting only. */
  styleId: z.string().optional(),
  /** The style's name ("heading 1" even in Danish Word, whose id is "Overskrift1"). */
  styleName: z.string().optional(),
  /** List numbering: level 0 = outermost. */
  list: z.object({ level: z.number().int().min(0).max(8), ordered: z.boolean() }).optional(),
  runs: z.array(rawRunSchema),
});

export const rawCellSchema = z.object({
  colSpan: z.number().int().min(1),
  paragraphs: z.array(rawParagraphSchema),
});

export const rawTableSchema = z.object({
  kind: z.literal('table'),
  rows: z.array(z.object({ header: z.boolean(), cells: z.array(rawCellSchema) })),
});

export const rawCommentSchema = z.object({
  id: z.string(),
  author: z.string(),
  text: z.string(),
  /** Index of the block the comment's reference is in (where Word shows it). */
  block: z.number().int().min(0),
  /** The text the comment is on, when Word marked a range. */
  quote: z.string().optional(),
  /** When it was written (ISO 8601), when Word recorded it. */
  date: z.string().optional(),
});

export const rawDocumentSchema = z.object({
  blocks: z.array(z.discriminatedUnion('kind', [rawParagraphSchema, rawTableSchema])),
  comments: z.array(rawCommentSchema),
});

export type RawRun = z.infer<typeof rawRunSchema>;
export type RawParagraph = z.infer<typeof rawParagraphSchema>;
export type RawTable = z.infer<typeof rawTableSchema>;
export type RawDocument = z.infer<typeof rawDocumentSchema>;

/** The plain text of a paragraph's runs. */
export function paragraphText(paragraph: RawParagraph): string {
  return paragraph.runs.map((run) => run.text).join('');
}
