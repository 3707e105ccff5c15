// The cover page of the strategy and the title block that opens a plan or a status report.
// Vertical placement comes from paragraph spacing, never from empty paragraphs.
// The logo is the document's own (meta.logo, ./images.ts) or else the house style's mark as decoration.
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import { formatDate, formatYears, strategyStatusLabel } from '../typography';
import { oldSide, type RenderContext } from './context';
import { logoRun, ownLogo } from './images';
import { logoSize } from './page-frame';
import { changedRuns } from './revisions';
import { S } from './styles';

const pt = (points: number) => Math.round(points * 20);

function alignment(ctx: RenderContext) {
  return ctx.style.cover.alignment === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT;
}

/** Paragraph options that put consecutive paragraphs on one coloured band (house style 'band'). */
function band(ctx: RenderContext) {
  if (ctx.style.cover.layout !== 'band') return {};
  const colour = ctx.style.colours.coverBand;
  // Borders in the band's own colour pad the shaded box; Word and LibreOffice join paragraphs
  // with identical borders into one box.
  const side = { style: 'single' as const, size: 48, color: colour, space: 10 };
  return {
    shading: { type: 'clear' as const, color: 'auto', fill: colour },
    border: { top: side, bottom: side, left: side, right: side },
  };
}

/**
 * The logo above the title. The document's own (chosen in the cover editor) carries the alternative text
 * given with it. Without one, the house style's mark is drawn as decoration: it is a made-up sign of the
 * style, so it is marked decorative and never named as the organisation's logo.
 */
function logoParagraph(ctx: RenderContext, widthMm: number): Paragraph[] {
  const own = ownLogo(ctx.strategy);
  if (own) return [new Paragraph({ alignment: alignment(ctx), spacing: { after: pt(12) }, children: [logoRun(own, widthMm)] })];
  const size = logoSize(ctx, widthMm);
  if (!ctx.logo || !size) return [];
  return [
    new Paragraph({
      alignment: alignment(ctx),
      spacing: { after: pt(12) },
      children: [new ImageRun({ type: 'png', data: ctx.logo.data, transformation: size, decorative: true, altText: { name: 'Logo' } })],
    }),
  ];
}

/** "Version 2.0 · 2. juni 2010 · Vedtaget" — what is known of it. */
export function metaLine(ctx: RenderContext): string {
  const { meta } = ctx.strategy;
  const parts: string[] = [];
  if (meta.version) parts.push(`${ctx.texts.version} ${meta.version}`);
  if (meta.date) parts.push(formatDate(meta.date, ctx.lang));
  if (meta.status) parts.push(strategyStatusLabel(meta.status, ctx.lang));
  return parts.join(' · ');
}

/** The strategy's cover page (the table of contents follows on a new page). */
export function coverPage(ctx: RenderContext): Paragraph[] {
  const { meta } = ctx.strategy;
  const align = alignment(ctx);
  const years = formatYears(meta.period);
  const titleMentionsPeriod = meta.title.includes(String(meta.period.from));
  const bandLines = [meta.subtitle, titleMentionsPeriod ? undefined : years].filter((line): line is string => !!line && line.trim() !== '');
  const out: Paragraph[] = [...logoParagraph(ctx, ctx.style.logo?.widthMm ?? 40)];
  // A redline marks the cover's changed words too (title, organisation, version, date, status).
  const old = ctx.redline ? oldSide(ctx) : undefined;
  const was = (text: (c: RenderContext) => string) => (old ? text(old) : undefined);
  out.push(
    new Paragraph({
      style: S.title,
      alignment: align,
      spacing: { before: pt(ctx.style.cover.titleSpaceBefore) },
      ...band(ctx),
      children: changedRuns(ctx, was((c) => c.typo(c.strategy.meta.title)), ctx.typo(meta.title)),
    }),
  );
  for (const line of bandLines) {
    out.push(new Paragraph({ style: S.subtitle, alignment: align, ...band(ctx), children: [new TextRun(ctx.typo(line))] }));
  }
  out.push(
    new Paragraph({
      style: S.coverOrganisation,
      alignment: align,
      children: changedRuns(ctx, was((c) => c.typo(c.strategy.meta.organisation)), ctx.typo(meta.organisation)),
    }),
  );
  const line = metaLine(ctx);
  const oldLine = was(metaLine);
  if (line || oldLine) out.push(new Paragraph({ style: S.coverMeta, alignment: align, children: changedRuns(ctx, oldLine, line) }));
  return out;
}

/** The opening of a document of its own (an action plan, a status report): smaller than a cover. */
export function titleBlock(ctx: RenderContext, title: string, subtitle: string, lines: string[]): Paragraph[] {
  const align = alignment(ctx);
  const out: Paragraph[] = [...logoParagraph(ctx, Math.min(ctx.style.logo?.widthMm ?? 30, 30))];
  out.push(new Paragraph({ style: S.title, alignment: align, ...band(ctx), children: [new TextRun(ctx.typo(title))] }));
  if (subtitle) out.push(new Paragraph({ style: S.subtitle, alignment: align, ...band(ctx), children: [new TextRun(ctx.typo(subtitle))] }));
  const shown = lines.filter((l) => l.trim() !== '');
  shown.forEach((text, i) => {
    const last = i === shown.length - 1;
    out.push(
      new Paragraph({
        style: S.coverMeta,
        alignment: align,
        // The block ends with room before the text that follows it.
        ...(last ? { spacing: { after: pt(18) } } : {}),
        children: [new TextRun(ctx.typo(text))],
      }),
    );
  });
  return out;
}
