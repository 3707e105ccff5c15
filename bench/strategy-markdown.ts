// The strategy part of a strategy as Pandoc Markdown: the same content the Word export's strategy part
// holds (cover facts, contents, free sections, vision and principles, perspectives with focus areas and
// goals, action plans as tables, "about"), for the pandoc baseline of the export benchmark.
import type { Rich, StrategyFile, Statement } from '../shared/format/schema';
import { richToProseMirror } from '../shared/richtext/rich';
import { serializeMarkdown } from '../shared/richtext/markdown';
import {
  businessCaseStatusLabel,
  formatAmountDkk,
  formatMonthSpan,
  formatYears,
  initiativeStatusLabel,
  planKindLabel,
} from '../shared/export/typography';

function markdown(rich: Rich | undefined): string {
  if (rich === undefined) return '';
  return typeof rich === 'string' ? rich : serializeMarkdown(richToProseMirror(rich));
}

/** One line for a table cell: no line breaks, no pipes. */
function cell(text: string): string {
  return text.replace(/\s*\n+\s*/g, ' ').replace(/\|/g, '\\|').trim();
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function statements(list: Statement[] | undefined): string[] {
  return (list ?? []).flatMap((s, i) => [`${i + 1}. **${s.title}**${s.body ? `\n\n    ${markdown(s.body).replace(/\n/g, '\n    ')}` : ''}`, '']);
}

export function strategyToMarkdown(strategy: StrategyFile): string {
  const { meta } = strategy;
  const owners = new Map((strategy.owners ?? []).map((o) => [o.id, o.name]));
  const focusAreas = new Map(strategy.perspectives.flatMap((p) => p.focusAreas.map((f) => [f.id, f.title] as const)));
  const out: string[] = [
    '---',
    `title: ${yamlString(meta.title)}`,
    ...(meta.subtitle ? [`subtitle: ${yamlString(meta.subtitle)}`] : []),
    `author: ${yamlString(meta.organisation)}`,
    ...(meta.date ? [`date: ${yamlString(meta.date)}`] : []),
    'lang: da-DK',
    '---',
    '',
  ];
  const free = (placement: string) =>
    (strategy.sections ?? []).filter((s) => (s.placement ?? 'end') === placement).flatMap((s) => [`# ${s.title}`, '', markdown(s.body), '']);

  out.push(...free('beforeVision'), '# Vision', '', markdown(strategy.vision.statement), '', markdown(strategy.vision.body), '');
  if (strategy.vision.principles?.length) out.push('## Principper', '', ...statements(strategy.vision.principles));
  if (strategy.vision.bearings?.length) out.push('## Pejlemærker', '', ...statements(strategy.vision.bearings));
  out.push(...free('afterVision'));
  for (const perspective of strategy.perspectives) {
    out.push(`# ${perspective.hidden ? 'Indsatsområder' : perspective.title}`, '', markdown(perspective.intro), '');
    if (perspective.principles?.length) out.push('## Principper', '', ...statements(perspective.principles));
    for (const area of perspective.focusAreas) {
      out.push(`## ${area.title}`, '', markdown(area.body), '');
      const goals = (area.goals ?? []).filter((g) => g.text.trim() !== '');
      if (goals.length) out.push('**Målsætninger**', '', ...goals.map((g) => `- ${g.text}`), '');
    }
  }
  out.push(...free('afterPerspectives'));
  const plans = strategy.actionPlans ?? [];
  if (plans.length) out.push('# Handlingsplaner', '');
  for (const plan of plans) {
    const summary = [planKindLabel(plan.kind), formatYears(plan.period), ...(plan.ownerId && owners.has(plan.ownerId) ? [`Ansvarlig: ${owners.get(plan.ownerId)}`] : [])];
    out.push(`## ${plan.title}`, '', summary.join(' · '), '', markdown(plan.intro), '');
    out.push('| Initiativ | Indsatsområde(r) | Ansvarlig | Periode | Status | Business case |', '|---|---|---|---|---|---|');
    for (const initiative of plan.initiatives) {
      const owner = [owners.get(initiative.ownerId ?? '') ?? '', ...(initiative.participantIds?.length ? [`Deltagere: ${initiative.participantIds.map((id) => owners.get(id) ?? id).join(', ')}`] : [])];
      const business = [
        ...(initiative.businessCase ? [businessCaseStatusLabel(initiative.businessCase.status), initiative.businessCase.benefit ?? ''] : []),
        ...(initiative.budget ? [`Budget: ${formatAmountDkk(initiative.budget.amountDkk)}${initiative.budget.source ? ` (${initiative.budget.source})` : ''}`] : []),
      ];
      out.push(
        `| ${[
          `**${initiative.title}** ${markdown(initiative.description)}`,
          initiative.focusAreaIds.map((id) => focusAreas.get(id) ?? id).join('; '),
          owner.join('. '),
          formatMonthSpan(initiative.start, initiative.end),
          initiativeStatusLabel(initiative.status ?? 'planned'),
          business.join('. '),
        ]
          .map(cell)
          .join(' | ')} |`,
      );
    }
    out.push('');
  }
  out.push(...free('end'));
  const about = [
    ['Udarbejdet af', meta.preparedBy],
    ['Bestilt af', meta.commissionedBy],
    ['Kontakt', meta.contact],
    ['Periode', formatYears(meta.period)],
    ['Version', meta.version],
    ['Dato', meta.date],
  ].filter((row): row is [string, string] => !!row[1]);
  out.push('# Om strategien', '', ...about.map(([label, value]) => `**${label}:** ${value}  `), '');
  return out.join('\n');
}
