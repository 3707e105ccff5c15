// Owner choices for selects: the register in hierarchy order (indented), "(ingen)", and — when the
// current value names an owner that was removed — "Mangler ansvarlig", so a dangling reference is
// shown as what it is instead of silently reading as "(ingen)".
import type { StrategyModel } from '../../../shared/model';
import { t } from '../i18n/i18n';
import { ownerTree } from './plan-data';
import { tp } from './plans-i18n';

export interface Option {
  value: string;
  label: string;
}

/** Indents an owner's name by its depth in the hierarchy (options cannot be styled). */
export function indented(name: string, depth: number): string {
  return `${'\u2003'.repeat(depth)}${name || t('doc.untitled')}`;
}

export function ownerOptions(model: StrategyModel, currentId: string | undefined, { none = t('common.none') }: { none?: string } = {}): Option[] {
  const owners = model.list('owner');
  const options: Option[] = [{ value: '', label: none }];
  if (currentId !== undefined && !owners.some((o) => o.id === currentId)) {
    options.push({ value: currentId, label: tp('owner.missing') });
  }
  for (const { owner, depth } of ownerTree(owners)) options.push({ value: owner.id, label: indented(owner.name, depth) });
  return options;
}
