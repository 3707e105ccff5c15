// `unresolved-comments`: one warning per open comment thread, about the item the thread is on, with the
// thread's first message; resolved threads are not findings.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStrategy } from '../../../shared/check';
import type { StrategyFile } from '../../../shared/format/schema';
import { formatProblem, validateStrategyFile } from '../../../shared/format/validate';

const file = join(import.meta.dirname, '../../../test/fixtures/strategies/with-comments.json');
function load(): StrategyFile {
  const result = validateStrategyFile(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.strategy;
}
const comments = (s: StrategyFile) => checkStrategy(s, 'en').filter((f) => f.code === 'unresolved-comments');

describe('the unresolved-comments check', () => {
  it('reports each open thread once, as a warning on its target, in file order; the resolved one is not reported', () => {
    const findings = comments(load());
    expect(findings.map((f) => [f.severity, f.id, f.path])).toEqual([
      ['warning', 'vision', '/comments/0'],
      ['warning', 'fa-1', '/comments/1'],
      ['warning', 'fa-1', '/comments/3'],
      ['warning', 'g-1', '/comments/4'],
    ]);
  });

  it('says where the thread is, what it quotes and who started it', () => {
    const [vision, mobile, title, goal] = comments(load()).map((f) => f.message);
    expect(vision).toBe('A comment thread on "altid åben" in the vision is not resolved: "Kan vi love "altid"? Forslag: døgnåben." (Anna Holm).');
    expect(mobile).toBe(
      'A comment thread on "Selvbetjening skal virke på mobilen." in a focus area "Selvbetjening" is not resolved: "Hvilke løsninger gælder det? Alle?" (Carla Friis).',
    );
    expect(title).toBe('A comment thread on a focus area "Selvbetjening" is not resolved: "Titlen bør nævne virksomheder." (Dorte Kjær).');
    expect(goal).toContain('"Målsætningen skal kunne måles."');
    expect(checkStrategy(load(), 'da').find((f) => f.code === 'unresolved-comments')?.message).toBe(
      'En kommentartråd om »altid åben« i visionen er ikke løst: »Kan vi love "altid"? Forslag: døgnåben.« (Anna Holm).',
    );
  });

  it('a thread without status is open; resolving every thread leaves no finding', () => {
    const s = load();
    expect(s.comments?.[1]?.status).toBeUndefined();
    expect(comments(s)).toHaveLength(4);
    for (const thread of s.comments ?? []) thread.status = 'resolved';
    expect(comments(s)).toEqual([]);
  });

  it('a long first message is cut to one short line', () => {
    const s = load();
    s.comments![0]!.messages[0]!.text = `${'meget lang tekst '.repeat(20)}\nmed linjeskift`;
    const message = comments(s)[0]!.message;
    expect(message).toMatch(/"meget lang tekst meget lang tekst .*…" \(Anna Holm\)\.$/);
    expect(message).not.toContain('\n');
  });
});
