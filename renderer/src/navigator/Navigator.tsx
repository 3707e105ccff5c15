// The navigator (left): the strategy's parts as an ARIA tree. Keyboard: arrows move, Enter opens,
// F2 renames, Delete deletes (with an undo toast), Alt+↑/↓ reorders (announced), Insert adds,
// Ctrl+Z / Ctrl+Shift+Z undo and redo navigator operations. Rows can also be dragged and dropped.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DocumentSession } from '../session/document-session';
import type { PresenceState } from '../collab/presence';
import { t } from '../i18n/i18n';
import { Icon } from '../ui/Icon';
import { announce } from '../ui/announcer';
import { PresenceBadges } from '../collab/PresenceList';
import { CommentCount, useOpenCommentCounts } from '../comments/CommentsPanel';
import { MOVABLE_KINDS, buildNavTree, flatten, type FlatNode, type NavNode } from '../session/nav-tree';
import { useDocVersion } from '../session/use-doc';
import { addChild, canAdd, dropAllowed, dropOn, moveBy, remove, rename, type DropPosition, type NavContext } from '../session/nav-actions';
import { CompareBadge, compareBadgeId } from '../session/compare-marks';

interface Props {
  ctx: NavContext;
  selectedKey: string;
  others: { clientId: number; state: PresenceState }[];
  readOnly: boolean;
}

const COLLAPSED_KEY = (documentId: string) => `pejling.nav.collapsed.${documentId}`;

function loadCollapsed(documentId: string): Set<string> {
  try {
    const raw = localStorage.getItem(COLLAPSED_KEY(documentId));
    const list = raw ? (JSON.parse(raw) as unknown) : [];
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

export function Navigator({ ctx, selectedKey, others, readOnly }: Props) {
  const { session } = ctx;
  // The document screen ignores typing into the edited item's title; the tree shows titles, so it follows them here.
  const textVersion = useDocVersion(session, { titlesOnly: true });
  const built = useRef({ from: ctx.tree, at: textVersion });
  if (built.current.from !== ctx.tree) built.current = { from: ctx.tree, at: textVersion };
  const tree = useMemo(() => (textVersion === built.current.at ? ctx.tree : buildNavTree(session.model, ctx.labels)), [ctx.tree, textVersion]);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => loadCollapsed(session.documentId));
  const [focusKey, setFocusKey] = useState<string>(selectedKey);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [drag, setDrag] = useState<{ key: string; over?: string; position?: DropPosition } | null>(null);
  const treeRef = useRef<HTMLUListElement>(null);
  /** Set by keyboard operations that re-render the tree: focus must follow the node. */
  const refocus = useRef(false);

  const visible = useMemo(() => flatten(tree, (key) => !collapsed.has(key)), [tree, collapsed]);
  const byKey = useMemo(() => new Map(flatten(tree).map((entry) => [entry.node.key, entry])), [tree]);

  // The focused node may disappear (deleted here or by someone else): fall back to the selection.
  const focusEntry = visible.find((e) => e.node.key === focusKey) ?? visible.find((e) => e.node.key === selectedKey) ?? visible[0];
  const activeKey = focusEntry?.node.key;

  useEffect(() => {
    try {
      localStorage.setItem(COLLAPSED_KEY(session.documentId), JSON.stringify([...collapsed]));
    } catch {
      // storage unavailable: the state lasts for this session only
    }
  }, [collapsed, session.documentId]);

  // Opening an item elsewhere (outline click, pane) moves the tree's focus target and reveals it.
  useEffect(() => {
    setFocusKey(selectedKey);
    const ancestors: string[] = [];
    let entry = byKey.get(selectedKey);
    while (entry?.parent) {
      ancestors.push(entry.parent.key);
      entry = byKey.get(entry.parent.key);
    }
    if (ancestors.some((key) => collapsed.has(key))) {
      setCollapsed((prev) => {
        const next = new Set(prev);
        for (const key of ancestors) next.delete(key);
        return next;
      });
    }
  }, [selectedKey]);

  useLayoutEffect(() => {
    if (!refocus.current || renaming) return;
    refocus.current = false;
    // Only when the focus is still in the tree, or was lost because the focused row moved or went
    // away: never take the focus from where the user has gone since (an editor, another field).
    const active = document.activeElement;
    const lost = !active || active === document.body;
    if (!lost && !treeRef.current?.contains(active)) return;
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${cssEscape(activeKey ?? '')}"]`)?.focus();
  });

  const focusNode = (key: string) => {
    setFocusKey(key);
    refocus.current = true;
  };

  const toggle = (key: string, open?: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      const isOpen = !prev.has(key);
      if (open ?? !isOpen) next.delete(key);
      else next.add(key);
      return next;
    });

  const startAdd = (node: NavNode) => {
    const id = addChild(ctx, node);
    if (!id) return;
    toggle(node.key, true);
    ctx.select(id);
    setFocusKey(id);
    setRenaming(id);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (renaming || !focusEntry) return;
    const node = focusEntry.node;
    const index = visible.indexOf(focusEntry);
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    let handled = true;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      if (moveBy(ctx, node, key === 'ArrowUp' ? -1 : 1)) refocus.current = true;
    } else if (mod && !event.shiftKey && key.toLowerCase() === 'z') {
      undoStructure(session);
      refocus.current = true;
    } else if (mod && ((event.shiftKey && key.toLowerCase() === 'z') || key.toLowerCase() === 'y')) {
      redoStructure(session);
      refocus.current = true;
    } else if (event.altKey || mod) {
      handled = false;
    } else if (key === 'ArrowDown') {
      const next = visible[index + 1];
      if (next) focusNode(next.node.key);
    } else if (key === 'ArrowUp') {
      const prev = visible[index - 1];
      if (prev) focusNode(prev.node.key);
    } else if (key === 'Home') {
      if (visible[0]) focusNode(visible[0].node.key);
    } else if (key === 'End') {
      const last = visible[visible.length - 1];
      if (last) focusNode(last.node.key);
    } else if (key === 'ArrowRight') {
      if (node.children.length > 0) {
        if (collapsed.has(node.key)) toggle(node.key, true);
        else if (node.children[0]) focusNode(node.children[0].key);
      }
    } else if (key === 'ArrowLeft') {
      if (node.children.length > 0 && !collapsed.has(node.key)) toggle(node.key, false);
      else if (focusEntry.parent) focusNode(focusEntry.parent.key);
    } else if (key === 'Enter' || key === ' ') {
      ctx.select(node.key);
    } else if (key === 'F2') {
      if (node.itemKind && !readOnly) setRenaming(node.key);
    } else if (key === 'Delete' || key === 'Backspace') {
      if (node.itemKind) {
        remove(ctx, node);
        refocus.current = true;
      }
    } else if (key === 'Insert' || key === '+') {
      const target = canAdd(node) ? node : focusEntry.parent;
      if (target && canAdd(target)) startAdd(target);
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  const presenceAt = (key: string) => others.filter((o) => o.state.location === key);
  const commentCounts = useOpenCommentCounts(); // open comment threads per part (comments/)

  const renderNode = (entry: FlatNode, position: number, setSize: number) => {
    const { node, depth } = entry;
    const hasChildren = node.children.length > 0;
    const expanded = hasChildren ? !collapsed.has(node.key) : undefined;
    const isSelected = node.key === selectedKey;
    const here = presenceAt(node.key);
    const dropClass =
      drag && drag.over === node.key && drag.position ? ` drop-${drag.position}` : '';
    const labelId = `nav-label-${node.key}`;
    const movable = !readOnly && MOVABLE_KINDS.has(node.kind);
    return (
      <li
        key={node.key}
        role="treeitem"
        aria-level={depth}
        aria-setsize={setSize}
        aria-posinset={position}
        aria-expanded={expanded}
        aria-selected={isSelected}
        aria-labelledby={labelId}
        aria-describedby={[commentCounts.get(node.key) ? `nav-comments-${node.key}` : '', compareBadgeId(ctx.session.doc, node.key) ?? ''].filter(Boolean).join(' ') || undefined}
        tabIndex={node.key === activeKey ? 0 : -1}
        data-key={node.key}
        data-kind={node.kind}
        class={`nav-item nav-${node.kind}${isSelected ? ' is-selected' : ''}`}
        onFocus={(e) => {
          if (e.target === e.currentTarget) setFocusKey(node.key);
        }}
      >
        <div
          class={`nav-row${dropClass}${drag?.key === node.key ? ' is-dragging' : ''}`}
          style={{ paddingLeft: `${8 + (depth - 1) * 14}px` }}
          draggable={movable && renaming !== node.key}
          onClick={(e) => {
            e.stopPropagation();
            setFocusKey(node.key);
            ctx.select(node.key);
          }}
          onDblClick={() => node.itemKind && !readOnly && setRenaming(node.key)}
          onDragStart={(e) => {
            e.dataTransfer?.setData('text/plain', node.label);
            if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
            setDrag({ key: node.key });
          }}
          onDragEnd={() => setDrag(null)}
          onDragOver={(e) => {
            const dragged = drag && byKey.get(drag.key)?.node;
            if (!dragged) return;
            const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
            const y = e.clientY - rect.top;
            let position: DropPosition = y < rect.height / 2 ? 'before' : 'after';
            if (dropAllowed(dragged, node, 'inside') && !dropAllowed(dragged, node, position)) position = 'inside';
            if (!dropAllowed(dragged, node, position)) return;
            e.preventDefault();
            if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
            if (drag.over !== node.key || drag.position !== position) setDrag({ key: drag.key, over: node.key, position });
          }}
          onDragLeave={() => drag?.over === node.key && setDrag({ key: drag.key })}
          onDrop={(e) => {
            e.preventDefault();
            const dragged = drag && byKey.get(drag.key)?.node;
            if (dragged && drag.position) dropOn(ctx, dragged, node, drag.position);
            setDrag(null);
          }}
        >
          {hasChildren ? (
            <span
              class="nav-twisty"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                toggle(node.key);
              }}
            >
              <Icon name={expanded ? 'chevronDown' : 'chevronRight'} size={14} />
            </span>
          ) : (
            <span class="nav-twisty" aria-hidden="true" />
          )}
          {renaming === node.key ? (
            <RenameInput
              node={node}
              onDone={(value) => {
                setRenaming(null);
                if (value !== null) rename(ctx, node, value);
                refocus.current = true;
              }}
            />
          ) : (
            <span id={labelId} class={`nav-label${node.label ? '' : ' is-placeholder'}`} title={node.label || undefined}>
              {node.label || node.placeholder || ''}
            </span>
          )}
          {compareBadgeId(ctx.session.doc, node.key) && <CompareBadge doc={ctx.session.doc} id={node.key} elementId={`cmp-${node.key}`} />}
          {here.length > 0 && <PresenceBadges here={here} />}
          {!!commentCounts.get(node.key) && <CommentCount count={commentCounts.get(node.key)!} id={`nav-comments-${node.key}`} />}
          {node.detail && !node.itemKind && <span class="nav-detail" aria-hidden="true">{node.detail}</span>}
          {!readOnly && renaming !== node.key && (
            <span class="nav-actions">
              {canAdd(node) && (
                <button
                  type="button"
                  class="icon-button nav-action"
                  tabIndex={-1}
                  title={t('nav.addTo', { name: node.label })}
                  aria-label={t('nav.addTo', { name: node.label })}
                  onClick={(e) => {
                    e.stopPropagation();
                    startAdd(node);
                  }}
                >
                  <Icon name="plus" size={14} />
                </button>
              )}
              {node.itemKind && (
                <button
                  type="button"
                  class="icon-button nav-action"
                  tabIndex={-1}
                  title={t('nav.deleteNamed', { name: node.label || t('doc.untitled') })}
                  aria-label={t('nav.deleteNamed', { name: node.label || t('doc.untitled') })}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove(ctx, node);
                  }}
                >
                  <Icon name="trash" size={14} />
                </button>
              )}
            </span>
          )}
        </div>
        {hasChildren && expanded && (
          <ul role="group" class="nav-group">
            {renderLevel(node.children, depth + 1)}
          </ul>
        )}
      </li>
    );
  };

  const renderLevel = (nodes: NavNode[], depth: number) =>
    nodes.map((node, i) => {
      const entry = byKey.get(node.key) ?? { node, parent: undefined, depth };
      return renderNode(entry, i + 1, nodes.length);
    });

  return (
    <nav class="navigator" aria-label={t('nav.label')}>
      <div class="navigator-header">
        <h2 class="navigator-title" id="navigator-title">
          {t('nav.title')}
        </h2>
        {!readOnly && (
          <span class="navigator-undo">
            <button
              type="button"
              class="icon-button"
              aria-label={t('nav.undo')}
              title={t('common.withShortcut', { action: t('nav.undo'), keys: 'Ctrl+Z' })}
              disabled={!session.structureUndo.canUndo()}
              onClick={() => undoStructure(session)}
            >
              <Icon name="undo" />
            </button>
            <button
              type="button"
              class="icon-button"
              aria-label={t('nav.redo')}
              title={t('common.withShortcut', { action: t('nav.redo'), keys: 'Ctrl+Shift+Z' })}
              disabled={!session.structureUndo.canRedo()}
              onClick={() => redoStructure(session)}
            >
              <Icon name="redo" />
            </button>
          </span>
        )}
      </div>
      <ul role="tree" aria-labelledby="navigator-title" class="nav-tree" ref={treeRef} onKeyDown={onKeyDown}>
        {renderLevel(tree, 1)}
      </ul>
      <p class="navigator-hint small muted" id="navigator-hint">
        {t('nav.keyboardHint')}
      </p>
    </nav>
  );
}

export function undoStructure(session: DocumentSession): void {
  if (session.readOnly) return;
  if (session.structureUndo.undo()) announce(t('nav.undone'));
  else announce(t('nav.nothingToUndo'));
}

export function redoStructure(session: DocumentSession): void {
  if (session.readOnly) return;
  if (session.structureUndo.redo()) announce(t('nav.redone'));
}

function RenameInput({ node, onDone }: { node: NavNode; onDone: (value: string | null) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(value);
  };
  return (
    <input
      ref={ref}
      class="nav-rename"
      type="text"
      defaultValue={node.label}
      aria-label={t('nav.renameLabel', { name: node.label || t('doc.untitled') })}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(value) : value.replace(/"/g, '\\"');
}
