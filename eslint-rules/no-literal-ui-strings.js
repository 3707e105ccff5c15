// ESLint rule pejling/no-literal-ui-strings: a component must not show text that is not in the
// message catalog (shared/i18n/catalog). In the manner of VS Code's code-no-unexternalized-strings,
// but aimed at what a user sees in a Preact component: JSX text, and string literals given to the
// attributes that are read or shown (title, aria-label, placeholder, alt, …) or placed as a JSX child
// ({'Gem'}). Text without a letter ("·", "–", "(", "×", "…") is punctuation and allowed, and so is
// text built from parameters only (`${a} · ${b}`). The document's own content never appears as a
// literal, so a literal with a letter is always a missing catalog entry.
const TEXT_ATTRIBUTES = new Set([
  'title',
  'alt',
  'placeholder',
  'label',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);

const LETTER = /\p{L}/u;

function literalText(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  if (node.type === 'ConditionalExpression') return [literalText(node.consequent), literalText(node.alternate)].filter(Boolean).join(' ') || undefined;
  if (node.type === 'LogicalExpression') return literalText(node.right);
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-facing text in components comes from the message catalog (t/tp), not a literal' },
    schema: [],
    messages: {
      text: 'User-facing text "{{text}}" is a literal; put it in shared/i18n/catalog (da.ts and en.ts) and show it with t()/tp().',
      attribute: 'The {{name}} attribute "{{text}}" is a literal; put it in shared/i18n/catalog (da.ts and en.ts) and use t()/tp().',
    },
  },
  create(context) {
    const shorten = (text) => {
      const trimmed = text.trim().replace(/\s+/g, ' ');
      return trimmed.length > 40 ? `${trimmed.slice(0, 37)}…` : trimmed;
    };
    return {
      JSXText(node) {
        if (LETTER.test(node.value)) context.report({ node, messageId: 'text', data: { text: shorten(node.value) } });
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type !== 'JSXElement' && node.parent?.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== undefined && LETTER.test(text)) context.report({ node, messageId: 'text', data: { text: shorten(text) } });
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : `${node.name.namespace.name}:${node.name.name.name}`;
        if (!TEXT_ATTRIBUTES.has(name) || !node.value) return;
        const text = node.value.type === 'JSXExpressionContainer' ? literalText(node.value.expression) : literalText(node.value);
        if (text !== undefined && LETTER.test(text)) context.report({ node: node.value, messageId: 'attribute', data: { name, text: shorten(text) } });
      },
    };
  },
};
