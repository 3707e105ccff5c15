// The name of a field in find results and the review list ("Titel", "Mål", "Beskrivelse").
import type { MessageKey } from '../../../shared/i18n/catalog/da';
import { t } from '../i18n/i18n';

const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'find.field.title',
  text: 'find.field.text',
  body: 'find.field.body',
  intro: 'find.field.intro',
  description: 'find.field.description',
  statement: 'find.field.statement',
  businessCaseBenefit: 'find.field.businessCaseBenefit',
  budgetSource: 'find.field.budgetSource',
  comment: 'find.field.comment',
  subtitle: 'find.field.subtitle',
  organisation: 'find.field.organisation',
  version: 'find.field.version',
  preparedBy: 'find.field.preparedBy',
  commissionedBy: 'find.field.commissionedBy',
  contact: 'find.field.contact',
};

/** The field's name in the UI language. */
export function fieldLabel(field: string): string {
  return t(FIELD_KEYS[field] ?? 'find.field.other');
}
