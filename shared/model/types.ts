// Plain read-only views of the items in a strategy's Y.Doc, as returned by StrategyModel.
// Rich text is never part of these views: bind an editor to `model.fragment(id, field)` or read
// it with `model.getRich(id, field)`.
import type {
  ActionPlan,
  BusinessCaseStatus,
  InitiativeStatus,
  Owner,
  OwnerKind,
  Period,
  PlanKind,
  Rich,
  SectionPlacement,
  StatusUpdate,
} from '../format/schema';

/** Every kind of item a strategy holds in an ordered collection. */
export type ItemKind =
  | 'section'
  | 'principle'
  | 'bearing'
  | 'perspective'
  | 'focusArea'
  | 'goal'
  | 'owner'
  | 'actionPlan'
  | 'initiative';

/** Rich-text fields. `VISION_ID` has `statement` and `body`; items have the one of their kind. */
export type RichField = 'statement' | 'body' | 'intro' | 'description';

/**
 * Where to put an item when adding or moving it. Without before/after/index it goes last.
 * `parentId` (moves only) changes the parent: a perspective for a focus area or a principle
 * (`VISION_ID` for vision-level principles), a focus area for a goal, a plan for an initiative.
 */
export interface MoveTarget {
  before?: string;
  after?: string;
  /** Position among the siblings after the move (0 = first); clamped. */
  index?: number;
  parentId?: string;
}

export interface SectionData {
  id: string;
  title: string;
  placement?: SectionPlacement;
  /** A foreword: its heading has no number in the document. */
  unnumbered?: boolean;
}

/** A principle or a bearing ("pejlemærke"). */
export interface StatementData {
  id: string;
  kind: 'principle' | 'bearing';
  /** `VISION_ID`, or the id of the perspective a principle belongs to. */
  parentId: string;
  title: string;
}

export interface PerspectiveData {
  id: string;
  title: string;
  hidden: boolean;
  /** True for the stand-in that gathers focus areas whose perspective was deleted concurrently. */
  virtual?: true;
}

export interface FocusAreaData {
  id: string;
  perspectiveId: string;
  title: string;
  /** True for the stand-in that gathers goals whose focus area was deleted concurrently. */
  virtual?: true;
}

export interface GoalData {
  id: string;
  focusAreaId: string;
  text: string;
}

export type OwnerData = Owner;

export interface ActionPlanData {
  id: string;
  title: string;
  kind: PlanKind;
  period: Period;
  ownerId?: string;
  parentPlanId?: string;
  /** True for the stand-in that gathers initiatives whose plan was deleted concurrently. */
  virtual?: true;
}

export interface InitiativeData {
  id: string;
  planId: string;
  title: string;
  focusAreaIds: string[];
  ownerId?: string;
  participantIds: string[];
  start?: string;
  end?: string;
  status?: InitiativeStatus;
  priority?: number;
  businessCase?: { status: BusinessCaseStatus; benefit?: string };
  budget?: { amountDkk: number; source?: string };
  supportsInitiativeIds: string[];
  /** Oldest first; append-only. */
  statusUpdates: StatusUpdate[];
}

/** A reference to an id that names nothing in the document. */
export interface DanglingReference {
  fromId: string;
  /** e.g. 'ownerId', 'focusAreaIds', 'participantIds', 'perspectiveId', 'planId', 'parentPlanId'. */
  field: string;
  missingId: string;
}

export interface StrategySummary {
  title: string;
  organisation: string;
  /** ISO timestamp, when something recorded it with `model.touch()`. */
  modified?: string;
  /** The strategy's years and status, for the document list. */
  period?: { from: number; to: number };
  status?: string;
}

// ---- inputs ----------------------------------------------------------------------------------

/** Updates: a key left out (or undefined) is unchanged; `null` removes an optional field. */
export type Patch<T> = { [K in keyof T]?: T[K] | null };

export interface SectionInput {
  id?: string;
  title: string;
  body?: Rich;
  placement?: SectionPlacement;
  unnumbered?: boolean;
}
export interface StatementInput {
  id?: string;
  title: string;
  body?: Rich;
}
export interface PerspectiveInput {
  id?: string;
  title: string;
  hidden?: boolean;
  intro?: Rich;
}
export interface FocusAreaInput {
  id?: string;
  perspectiveId: string;
  title: string;
  body?: Rich;
}
export interface GoalInput {
  id?: string;
  focusAreaId: string;
  text: string;
}
export interface OwnerInput {
  id?: string;
  name: string;
  kind: OwnerKind;
  parentId?: string;
  email?: string;
}
export interface ActionPlanInput {
  id?: string;
  title: string;
  kind: ActionPlan['kind'];
  period: Period;
  ownerId?: string;
  parentPlanId?: string;
  intro?: Rich;
}
export interface InitiativeInput {
  id?: string;
  planId: string;
  title: string;
  description?: Rich;
  focusAreaIds?: string[];
  ownerId?: string;
  participantIds?: string[];
  start?: string;
  end?: string;
  status?: InitiativeStatus;
  priority?: number;
  businessCase?: { status: BusinessCaseStatus; benefit?: string };
  budget?: { amountDkk: number; source?: string };
  supportsInitiativeIds?: string[];
}

export type SectionPatch = Patch<Omit<SectionData, 'id'>>;
export type StatementPatch = Patch<Pick<StatementData, 'title'>>;
export type PerspectivePatch = Patch<Pick<PerspectiveData, 'title' | 'hidden'>>;
export type FocusAreaPatch = Patch<Pick<FocusAreaData, 'title'>>;
export type GoalPatch = Patch<Pick<GoalData, 'text'>>;
export type OwnerPatch = Patch<Omit<OwnerData, 'id'>>;
export type ActionPlanPatch = Patch<Omit<ActionPlanData, 'id' | 'virtual'>>;
/** Arrays given here replace the current list (as a minimal diff). Status: prefer addStatusUpdate. */
export type InitiativePatch = Patch<Omit<InitiativeData, 'id' | 'planId' | 'statusUpdates'>>;
/** The id-list fields of an initiative. */
export type InitiativeRefField = 'focusAreaIds' | 'participantIds' | 'supportsInitiativeIds';

// ---- by kind (the generic model API: model.add(kind, input), model.get(kind, id), …) ----------------

/** The view of an item of each kind. */
export interface KindData {
  section: SectionData;
  principle: StatementData;
  bearing: StatementData;
  perspective: PerspectiveData;
  focusArea: FocusAreaData;
  goal: GoalData;
  owner: OwnerData;
  actionPlan: ActionPlanData;
  initiative: InitiativeData;
}

/** What adding an item of each kind takes. */
export interface KindInput {
  section: SectionInput;
  /** A principle of the vision (parentId omitted or VISION_ID) or of a perspective. */
  principle: StatementInput & { parentId?: string };
  bearing: StatementInput;
  perspective: PerspectiveInput;
  focusArea: FocusAreaInput;
  goal: GoalInput;
  owner: OwnerInput;
  actionPlan: ActionPlanInput;
  initiative: InitiativeInput;
}

/** What updating an item of each kind takes (moving to another parent is `move`). */
export interface KindPatch {
  section: SectionPatch;
  principle: StatementPatch;
  bearing: StatementPatch;
  perspective: PerspectivePatch;
  focusArea: FocusAreaPatch;
  goal: GoalPatch;
  owner: OwnerPatch;
  actionPlan: ActionPlanPatch;
  initiative: InitiativePatch;
}

/** Options of `model.delete`. */
export interface DeleteOptions {
  /** Owners only: what the deleted owner owned passes to this owner in the same transaction. */
  reassignTo?: string;
}
