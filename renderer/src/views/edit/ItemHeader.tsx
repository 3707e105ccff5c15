// The head of the editing pane: where the part sits (breadcrumb), what it is, and the navigator's
// operations as buttons (so every operation is reachable without shortcuts or drag and drop).
import { t } from '../../i18n/i18n';
import { Icon } from '../../ui/Icon';
import { focusWhenReady } from '../../ui/focus-when-ready';
import { kindNoun, lowerFirst } from '../../session/structure-ops';
import { addChild, moveBy, remove, type NavContext } from '../../session/nav-actions';
import { MOVABLE_KINDS, findNode, type NavNode } from '../../session/nav-tree';

interface Props {
  ctx: NavContext;
  node: NavNode;
  readOnly: boolean;
}

export function ItemHeader({ ctx, node, readOnly }: Props) {
  const entry = findNode(ctx.tree, node.key);
  const trail: NavNode[] = [];
  let parent = entry?.parent;
  while (parent) {
    trail.unshift(parent);
    parent = findNode(ctx.tree, parent.key)?.parent;
  }
  const siblings = (entry?.parent?.children ?? ctx.tree).filter((n) => n.kind === node.kind);
  const index = siblings.findIndex((n) => n.key === node.key);
  const movable = !readOnly && MOVABLE_KINDS.has(node.kind);
  const kind = node.itemKind ? kindNoun(node.itemKind, ctx.labels) : null;

  return (
    <div class="item-header">
      <nav class="breadcrumb" aria-label={t('edit.breadcrumb')}>
        <ol>
          {trail.map((crumb) => (
            <li key={crumb.key}>
              <button type="button" class="breadcrumb-link" onClick={() => ctx.select(crumb.key)}>
                {crumb.label || crumb.placeholder}
              </button>
            </li>
          ))}
          {kind && <li aria-current="page">{kind}</li>}
        </ol>
      </nav>
      {!readOnly && (
        <div class="item-actions" role="group" aria-label={t('edit.itemActions')}>
          {movable && (
            <>
              <button
                type="button"
                class="icon-button"
                aria-label={t('edit.moveUp')}
                title={t('common.withShortcut', { action: t('edit.moveUp'), keys: 'Alt+↑' })}
                disabled={index <= 0}
                onClick={() => moveBy(ctx, node, -1)}
              >
                <Icon name="up" />
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label={t('edit.moveDown')}
                title={t('common.withShortcut', { action: t('edit.moveDown'), keys: 'Alt+↓' })}
                disabled={index < 0 || index >= siblings.length - 1}
                onClick={() => moveBy(ctx, node, 1)}
              >
                <Icon name="down" />
              </button>
            </>
          )}
          {node.adds && (
            <button
              type="button"
              class="button button-small"
              onClick={() => {
                const id = addChild(ctx, node);
                if (!id) return;
                ctx.select(id);
                // Name it right away: the new item's title field, text selected.
                focusWhenReady(`.edit-view[data-selected="${CSS.escape(id)}"] [data-testid="item-title"]`, { select: true });
              }}
            >
              <Icon name="plus" size={14} />
              {t('edit.addNoun', { noun: lowerFirst(kindNoun(node.adds, ctx.labels)) })}
            </button>
          )}
          {node.itemKind && (
            <button type="button" class="button button-small button-danger" onClick={() => remove(ctx, node)}>
              <Icon name="trash" size={14} />
              {t('common.delete')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
