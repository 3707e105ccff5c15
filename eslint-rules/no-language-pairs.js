// ESLint rule pejling/no-language-pairs: no text written as an inline Danish/English pair. Issue 17 found five ways
// of producing user-facing text; the catalog (shared/i18n/catalog) is the one left, so the words stay the same
// everywhere and a third language would be one more catalog. The rule fails on the two shapes the pairs took:
//   lang === 'en' ? 'Wrote …' : 'Skrev …'      (a choice by language between two texts)
//   { da: 'Skrev …', en: 'Wrote …' }           (an object of the two texts, handed to a picker)
// A choice between two non-text values (a locale, a catalog) is not text and passes.
const LETTER = /\p{L}/u;
const LANGS = new Set(['da', 'en']);
/** A language or locale code ('en', 'da-DK'): a value, not text. */
const CODE = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

function isText(node) {
  if (!node) return false;
  if (node.type === 'Literal') return typeof node.value === 'string' && LETTER.test(node.value) && !CODE.test(node.value);
  if (node.type === 'TemplateLiteral') return node.quasis.some((q) => LETTER.test(q.value.cooked ?? ''));
  return false;
}

function isLanguageTest(node) {
  if (node?.type !== 'BinaryExpression' || !['===', '!==', '==', '!='].includes(node.operator)) return false;
  return [node.left, node.right].some((side) => side.type === 'Literal' && LANGS.has(side.value));
}

function keyName(property) {
  if (property.type !== 'Property' || property.computed) return undefined;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'Literal') return String(property.key.value);
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Text comes from the message catalog, not from an inline Danish/English pair' },
    schema: [],
    messages: {
      choice: 'Text chosen by language inline; put it in shared/i18n/catalog (da.ts and en.ts) and read it with t(lang, key).',
      pair: 'A {da, en} pair of texts; put it in shared/i18n/catalog (da.ts and en.ts) and read it with t(lang, key).',
    },
  },
  create(context) {
    return {
      ConditionalExpression(node) {
        if (isLanguageTest(node.test) && isText(node.consequent) && isText(node.alternate)) context.report({ node, messageId: 'choice' });
      },
      ObjectExpression(node) {
        const names = node.properties.map(keyName);
        if (names.length !== 2 || !names.every((name) => name !== undefined && LANGS.has(name)) || names[0] === names[1]) return;
        if (node.properties.every((property) => isText(property.value))) context.report({ node, messageId: 'pair' });
      },
    };
  },
};
