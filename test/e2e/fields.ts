// Form fields are found by their data-field attribute (the model's field key), never by their visible label: labels
// change with the language and the document's own terms, field keys do not. See docs/architecture.md.
import type { Locator, Page } from '@playwright/test';

/** The control (or, for a list field, the group) carrying data-field="<key>" inside `scope`. */
export const field = (scope: Page | Locator, key: string): Locator => scope.locator(`[data-field="${key}"]`);

/** The editable text of a rich-text field; its data-field is "<item id>:<field>" (e.g. "@vision:statement"). */
export const richText = (scope: Page | Locator, key: string): Locator => scope.locator(`[data-field="${key}"] .ProseMirror`);
