/**
 * ESLint rule: no words written straight into JSX (issue 17). Every text a reader sees goes
 * through t() and the translation files (client/src/i18n/), so a Polish page never shows an
 * English word: text between tags, and the attributes a reader or a screen reader gets (aria-label,
 * title, placeholder, alt, …), may not be a string literal with letters in it. Symbols, digits
 * and punctuation ("·", "—", "×", "3") are allowed.
 */

/** Attributes whose value is read or heard. */
const TEXT_ATTRIBUTES = new Set([
  'alt',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'label',
  'placeholder',
  'title',
]);

/** Two letters in a row, in any script: a word. */
const WORD = /\p{L}{2,}/u;

/** @param {unknown} node */
function literalText(node) {
  if (!node || typeof node !== 'object') return null;
  const n =
    /** @type {{ type: string; value?: unknown; quasis?: { value: { cooked: string } }[]; expressions?: unknown[] }} */ (
      node
    );
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions?.length === 0) {
    return n.quasis?.map((quasi) => quasi.value.cooked).join('') ?? null;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noLiteralJsxText = {
  meta: {
    type: 'problem',
    docs: { description: 'Words shown to a reader come from t(), never from a literal in JSX' },
    messages: {
      text: 'Words in JSX ("{{text}}") must come from t() and the translation files.',
      attribute:
        'The {{name}} attribute ("{{text}}") is read by people: take it from t() and the translation files.',
    },
    schema: [],
  },
  create(context) {
    /** @param {import('estree').Node} node @param {string} text @param {string | null} name */
    const check = (node, text, name) => {
      if (!WORD.test(text)) return;
      const shown = text.trim().slice(0, 40);
      if (name === null) context.report({ node, messageId: 'text', data: { text: shown } });
      else context.report({ node, messageId: 'attribute', data: { name, text: shown } });
    };
    return {
      /** @param {import('estree').Node & { value: string }} node */
      JSXText(node) {
        check(node, node.value, null);
      },
      /** @param {import('estree').Node & { expression: unknown; parent: { type: string } }} node */
      JSXExpressionContainer(node) {
        if (node.parent.type !== 'JSXElement' && node.parent.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== null) check(node, text, null);
      },
      /** @param {import('estree').Node & { name: { name: unknown }; value: unknown }} node */
      JSXAttribute(node) {
        const name = typeof node.name.name === 'string' ? node.name.name : null;
        if (name === null || !TEXT_ATTRIBUTES.has(name)) return;
        const value = /** @type {{ type: string; expression?: unknown } | null} */ (node.value);
        if (value === null) return;
        const text =
          value.type === 'JSXExpressionContainer'
            ? literalText(value.expression)
            : literalText(value);
        if (text !== null) check(node, text, name);
      },
    };
  },
};

export default { rules: { 'no-literal-jsx-text': noLiteralJsxText } };
