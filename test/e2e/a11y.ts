// Shared helpers for the accessibility checks of the end-to-end tests.
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

// Every rule axe-core has: its default run plus the rules it still calls experimental, which it leaves out by
// default. One of them, label-content-name-mismatch (WCAG 2.5.3, label in name), is what a voice-control user
// meets: a button whose accessible name does not contain its visible words cannot be spoken to.
const EVERY_RULE = Object.fromEntries(axe.getRules(['experimental']).map((rule) => [rule.ruleId, { enabled: true }]));

/**
 * A finding of label-content-name-mismatch on a treeitem named by its own label (aria-labelledby), which the rule
 * reads against every text inside the element: a parent treeitem holds its children (role="group") inside it, as
 * the ARIA tree pattern has it, and a group's row shows a count beside its label ("Pejlemærker 0"). The label is the
 * name, so "klik Pejlemærker" reaches it; every other element (buttons like "Åbn kopi") is still checked.
 */
function isTreeitemNamedByItsLabel(node: AxeResults['violations'][number]['nodes'][number]): boolean {
  return /^<li role="treeitem"[^>]* aria-labelledby="/.test(node.html);
}

/** axe-core's serious and critical violations on the page, one readable line each (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ rules: EVERY_RULE }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.id === 'label-content-name-mismatch' ? v.nodes.filter((n) => !isTreeitemNamedByItsLabel(n)) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Waits two animation frames, so that what the last action rendered is painted. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
