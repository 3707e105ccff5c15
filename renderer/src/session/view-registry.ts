// The views of an open document, shown as tabs in the main area. Built in: "Redigér" (the editing
// pane) and "Disposition" (the outline). Later views (initiatives table, coverage matrix, per-owner
// view, checks, status report) register themselves here with `registerView` and appear as tabs.
import type { ComponentType } from 'preact';
import type { DocumentSession } from './document-session';
import type { NavNode } from './nav-tree';
import type { ResolvedLabels } from './labels';
import type { NavContext } from './nav-actions';

export interface DocumentViewProps {
  session: DocumentSession;
  /** The navigator key of the selected part (item id, or 'meta', 'vision', 'owners', a group key). */
  selectedKey: string;
  /** Opens a part: selects it in the navigator; `view` switches tab too (e.g. outline → 'edit'). */
  select: (key: string, view?: string) => void;
  tree: NavNode[];
  labels: ResolvedLabels;
  readOnly: boolean;
}

/** What an item editor of the edit view receives (the edit view and the plan views' editors share it). */
export interface EditorProps {
  ctx: NavContext;
  node: NavNode;
  readOnly: boolean;
  version: number;
}

export interface ViewDefinition {
  /** Route segment: #/doc/<id>/<view id>/… */
  id: string;
  /** Tab text, in the current language. */
  label: () => string;
  component: ComponentType<DocumentViewProps>;
  /** Tab order (edit 10, outline 20; plan views 30+). */
  order: number;
  /** Keyboard shortcut shown in the tab's tooltip, if any. */
  shortcut?: string;
}

const views = new Map<string, ViewDefinition>();

export function registerView(view: ViewDefinition): void {
  views.set(view.id, view);
}

export function listViews(): ViewDefinition[] {
  return [...views.values()].sort((a, b) => a.order - b.order);
}

export function getView(id: string): ViewDefinition | undefined {
  return views.get(id);
}
