// Markdown-like typing shortcuts: "- " bullet list, "1. " numbered list, "# " heading,
// "> " quote, "**fed**" and "*kursiv*".
import { InputRule, inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import type { MarkType } from 'prosemirror-model';
import type { Plugin } from 'prosemirror-state';
import { richSchema } from '../../../shared/richtext/schema';

const { nodes, marks } = richSchema;

/**
 * Wraps the text between delimiters in a mark when the closing delimiter is typed. The pattern's
 * first group is the text before the opening delimiter (kept), the second group the marked text.
 */
function markRule(pattern: RegExp, type: MarkType): InputRule {
  return new InputRule(pattern, (state, match, start, end) => {
    const lead = match[1] ?? '';
    const text = match[2];
    if (!text) return null;
    const from = start + lead.length;
    const tr = state.tr.delete(from, end).insertText(text, from);
    tr.addMark(from, from + text.length, type.create());
    // Typing continues unmarked.
    tr.removeStoredMark(type);
    return tr;
  });
}

export function richInputRules(): Plugin {
  return inputRules({
    rules: [
      wrappingInputRule(/^\s*([-+*])\s$/, nodes.bullet_list!),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        nodes.ordered_list!,
        (match) => ({ order: Number(match[1]) || 1 }),
        (match, node) => node.childCount + (node.attrs.order as number) === Number(match[1]),
      ),
      textblockTypeInputRule(/^(#{1,3})\s$/, nodes.heading!, (match) => ({ level: match[1]?.length ?? 1 })),
      wrappingInputRule(/^\s*>\s$/, nodes.blockquote!),
      // The closing delimiter is the character just typed; InputRule sees the text including it.
      markRule(/(^|[^*])\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, marks.strong!),
      markRule(/(^|[^*])\*([^*\s](?:[^*]*[^*\s])?)\*$/, marks.em!),
    ],
  });
}
