// UI text of the plan views: the `plans.` part of the one catalog (shared/i18n/catalog), in the
// current UI language. tp('table.count', …) is t('plans.table.count', …).
import type { MessageKey } from '../../../shared/i18n';
import { t, type Params } from '../i18n/i18n';

export type PlansKey = MessageKey extends infer K ? (K extends `plans.${infer Rest}` ? Rest : never) : never;

/** The text of a plan-view message in the current UI language. */
export function tp(key: PlansKey, params?: Params): string {
  return t(`plans.${key}`, params);
}
