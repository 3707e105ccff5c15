// The interchange format: one JSON file holds one strategy. Version 2 adds the comment threads of the
// consultation round (`comments`); version 3 the pending suggestions (`suggestions` and their marks in
// rich text), written only when a file holds some; version 1 and 2 files are still read (they cannot hold
// comments, or suggestions). This zod schema is the single definition; the TypeScript types below are inferred from
// it. Validation with readable, path-qualified messages lives in ./validate.ts; docs/format.md describes
// the format for people and other tools.
import { z } from 'zod';
import { DATE_SHAPE, DATE_TIME_SHAPE, MONTH_SHAPE, YEAR_MAX, YEAR_MIN } from './dates';

export const FORMAT_NAME = 'pejling-strategy';
/** The version Pejling writes for a file without suggestions (so a Pejling from before them still reads it). */
export const FORMAT_VERSION = 2;
/** The version Pejling writes for a file with pending suggestions (`suggestions`, ./suggestions.ts). */
export const LATEST_VERSION = 3;
/** Every version Pejling reads. */
export const READABLE_VERSIONS = [1, 2, 3] as const;

const id = z.string().min(1);
const year = z.number().int().min(YEAR_MIN).max(YEAR_MAX);
// The shape only; whether the day exists is one of ./extra-rules.ts (so the message can say so).
const isoDate = z.string().regex(DATE_SHAPE, 'date:YYYY-MM-DD');
const isoMonth = z.string().regex(MONTH_SHAPE, 'month:YYYY-MM');
// The shape only (a date, a time and a zone); whether the moment exists is one of ./extra-rules.ts.
const isoDateTime = z.string().regex(DATE_TIME_SHAPE, 'datetime:ISO');

/** A ProseMirror JSON document; its content is checked against the editor schema on import. */
export const proseMirrorDocSchema = z.looseObject({ type: z.literal('doc'), content: z.array(z.unknown()).optional() });

/** Rich text: Markdown (paragraphs, lists, bold, italic, links) or a ProseMirror JSON document. */
export const richSchema = z.union([z.string(), proseMirrorDocSchema]);

export const periodSchema = z.object({ from: year, to: year });

export const statementSchema = z.object({ id, title: z.string(), body: richSchema.optional() });

export const goalSchema = z.object({ id, text: z.string() });

export const focusAreaSchema = z.object({
  id,
  title: z.string(),
  body: richSchema,
  goals: z.array(goalSchema).optional(),
});

export const perspectiveSchema = z.object({
  id,
  title: z.string(),
  hidden: z.boolean().optional(),
  intro: richSchema.optional(),
  principles: z.array(statementSchema).optional(),
  focusAreas: z.array(focusAreaSchema),
});

export const OWNER_KINDS = ['person', 'unit', 'forum'] as const;
export const ownerSchema = z.object({
  id,
  name: z.string(),
  kind: z.enum(OWNER_KINDS),
  parentId: id.optional(),
  email: z.string().optional(),
});

export const INITIATIVE_STATUSES = ['planned', 'active', 'done', 'delayed', 'cancelled'] as const;
export const BUSINESS_CASE_STATUSES = ['none', 'draft', 'approved'] as const;
export const PLAN_KINDS = ['common', 'local', 'transition'] as const;
export const STRATEGY_STATUSES = ['draft', 'consultation', 'adopted'] as const;
export const SECTION_PLACEMENTS = ['beforeVision', 'afterVision', 'afterPerspectives', 'end'] as const;

export const statusUpdateSchema = z.object({
  date: isoDate,
  status: z.enum(INITIATIVE_STATUSES),
  note: z.string().optional(),
});

export const initiativeSchema = z.object({
  id,
  title: z.string(),
  description: richSchema.optional(),
  focusAreaIds: z.array(id),
  ownerId: id.optional(),
  participantIds: z.array(id).optional(),
  start: isoMonth.optional(),
  end: isoMonth.optional(),
  status: z.enum(INITIATIVE_STATUSES).optional(),
  priority: z.number().int().optional(),
  businessCase: z
    .object({ status: z.enum(BUSINESS_CASE_STATUSES), benefit: z.string().optional() })
    .optional(),
  budget: z.object({ amountDkk: z.number().finite(), source: z.string().optional() }).optional(),
  supportsInitiativeIds: z.array(id).optional(),
  statusUpdates: z.array(statusUpdateSchema).optional(),
});

export const actionPlanSchema = z.object({
  id,
  title: z.string(),
  kind: z.enum(PLAN_KINDS),
  period: periodSchema,
  ownerId: id.optional(),
  parentPlanId: id.optional(),
  intro: richSchema.optional(),
  initiatives: z.array(initiativeSchema),
});

export const sectionSchema = z.object({
  id,
  title: z.string(),
  body: richSchema,
  placement: z.enum(SECTION_PLACEMENTS).optional(),
  /** A foreword: its heading has no number (and neither have the headings in its text); still in the contents. */
  unnumbered: z.boolean().optional(),
});

export const metaSchema = z.object({
  title: z.string().min(1),
  organisation: z.string().min(1),
  period: periodSchema,
  subtitle: z.string().optional(),
  status: z.enum(STRATEGY_STATUSES).optional(),
  version: z.string().optional(),
  date: isoDate.optional(),
  preparedBy: z.string().optional(),
  commissionedBy: z.string().optional(),
  contact: z.string().optional(),
  language: z.enum(['da', 'en']).optional(),
  /** Extension (allowed by v1 readers as an unknown-free optional): the Word house style name. */
  style: z.string().optional(),
  /** The cover's logo: the id of one of `images` (issue 16). */
  logo: id.optional(),
});

export const labelsSchema = z.object({
  perspective: z.string().optional(),
  perspectives: z.string().optional(),
  focusArea: z.string().optional(),
  focusAreas: z.string().optional(),
  principles: z.string().optional(),
  bearings: z.string().optional(),
});

export const visionSchema = z.object({
  statement: richSchema,
  body: richSchema.optional(),
  principles: z.array(statementSchema).optional(),
  bearings: z.array(statementSchema).optional(),
});

export const COMMENT_STATUSES = ['open', 'resolved'] as const;

/** Where a thread is: an item (or "vision"), optionally one of its fields, optionally a text in that field. */
export const commentTargetSchema = z.object({
  id,
  field: z.string().min(1).optional(),
  /** The commented text; it anchors to its first occurrence in the field (paragraphs joined by "\n"). */
  quote: z.string().optional(),
});

export const commentMessageSchema = z.object({
  id,
  author: z.string(),
  date: isoDateTime,
  /** Never blank: Pejling refuses an empty message (a deleted one is left out of the file). */
  text: z.string().regex(/\S/, 'text:not-blank'),
  /** When the author last changed the text (absent when never edited). */
  edited: isoDateTime.optional(),
});

export const commentThreadSchema = z.object({
  id,
  target: commentTargetSchema,
  status: z.enum(COMMENT_STATUSES).optional(),
  /** Who resolved it, and when (resolved threads). */
  resolvedBy: z.string().optional(),
  resolvedAt: isoDateTime.optional(),
  /** The opening message first, then the replies in order. */
  messages: z.array(commentMessageSchema).min(1),
});

export const IMAGE_MIMES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
/** A picture the strategy shows (the logo, an `image` node's `src`): its bytes as base64; checked by ./image-rules.ts. */
export const imageFileSchema = z.object({
  id,
  mime: z.enum(IMAGE_MIMES),
  alt: z.string().regex(/\S/, 'alt:not-blank'),
  /** Size in CSS pixels, as Pejling read it from the bytes (informative: a reader takes it from the bytes). */
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
  data: z.string().min(1),
  /** An SVG's PNG rendition (Word shows it where it cannot draw SVG). */
  png: z.string().min(1).optional(),
});

/** Version 3: who made a pending suggestion and when; its marks in rich text name it by `id`. */
export const suggestionSchema = z.object({
  id: z.union([z.string().min(1), z.number().int()]),
  /** The author's name as the app shows it (and Word's w:author). */
  author: z.string(),
  /** The author's user id in the app, when known. */
  authorId: z.string().optional(),
  /** When the suggestion was made. */
  date: isoDateTime.optional(),
});

/** Version 3: a suggested new text for a typed field (a title, a goal): shown beside the current one, accepted or rejected whole. */
export const fieldSuggestionSchema = z.object({
  id,
  /** The item ("meta" for the cover's fields) and its text field, as the app names it (./suggestions.ts). */
  target: z.object({ id, field: z.string().min(1) }),
  /** The suggested text (the field's whole new text). */
  text: z.string(),
  author: z.string(),
  authorId: z.string().optional(),
  date: isoDateTime.optional(),
});

/** A template's guidance (docs/format.md, "Hints"): never exported as content. */
export const hintsSchema = z.record(id, z.record(z.string().min(1), z.string()));

export const strategyFileSchema = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  meta: metaSchema,
  labels: labelsSchema.optional(),
  sections: z.array(sectionSchema).optional(),
  vision: visionSchema,
  perspectives: z.array(perspectiveSchema),
  owners: z.array(ownerSchema).optional(),
  actionPlans: z.array(actionPlanSchema).optional(),
  /** Version 2: the comment threads, in document order. */
  comments: z.array(commentThreadSchema).optional(),
  /** Version 3: the pending suggestions whose marks the rich text holds. */
  suggestions: z.array(suggestionSchema).optional(),
  /** Version 3: suggested new texts of titles, goals and other typed fields, oldest first. */
  fieldSuggestions: z.array(fieldSuggestionSchema).optional(),
  /** Guidance shown in a field while it is empty, never content: target ("meta", "vision" or an item id) → field → plain text. */
  hints: hintsSchema.optional(),
  /** Pictures (issue 16): the cover's logo and rich text's images, each once. */
  images: z.array(imageFileSchema).optional(),
});

export type Rich = z.infer<typeof richSchema>;
export type ProseMirrorDocJSON = z.infer<typeof proseMirrorDocSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type FocusArea = z.infer<typeof focusAreaSchema>;
export type Perspective = z.infer<typeof perspectiveSchema>;
export type OwnerKind = (typeof OWNER_KINDS)[number];
export type Owner = z.infer<typeof ownerSchema>;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export type BusinessCaseStatus = (typeof BUSINESS_CASE_STATUSES)[number];
export type PlanKind = (typeof PLAN_KINDS)[number];
export type StrategyStatus = (typeof STRATEGY_STATUSES)[number];
export type SectionPlacement = (typeof SECTION_PLACEMENTS)[number];
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;
export type Initiative = z.infer<typeof initiativeSchema>;
export type ActionPlan = z.infer<typeof actionPlanSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Meta = z.infer<typeof metaSchema>;
export type Labels = z.infer<typeof labelsSchema>;
export type CommentMessage = z.infer<typeof commentMessageSchema>;
export type CommentThread = z.infer<typeof commentThreadSchema>;
export type Hints = z.infer<typeof hintsSchema>;
export type ImageFile = z.infer<typeof imageFileSchema>;
export type SuggestionInfo = z.infer<typeof suggestionSchema>;
export type FieldSuggestionInfo = z.infer<typeof fieldSuggestionSchema>;
/** A strategy in interchange format v1, v2 or v3. */
export type StrategyFile = z.infer<typeof strategyFileSchema>;
