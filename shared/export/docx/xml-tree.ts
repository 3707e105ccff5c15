// The one place that reads docx's in-memory XML. A page-number estimator (docx's PageNumberEstimator
// contract) receives the document body as docx's IXmlableObject: the object form of the `xml` package,
// `{ "w:p": [ { _attr: { … } }, child, … ] }`, as docx documents it on that type. It is turned here, once
// per estimate and without recursion, into plain nodes with a name, attributes and children, which the
// estimators (./layout-estimate.ts, ./page-numbers.ts) walk; nothing else knows the encoding.

export interface XmlNode {
  name: string;
  attrs: Readonly<Record<string, string | number | boolean>>;
  /** Elements and text, in order. */
  children: (XmlNode | string)[];
}

type Encoded = Record<string, unknown>;

const ATTRIBUTES = '_attr';
const isObject = (value: unknown): value is Encoded => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The element's name in the encoding: its one key that is not the attribute holder. */
function encodedName(value: Encoded): string | undefined {
  for (const key in value) if (key !== ATTRIBUTES) return key;
  return undefined;
}

/** Converts docx's encoded element (e.g. the body handed to an estimator); undefined when it is none. */
export function toXmlTree(encoded: unknown): XmlNode | undefined {
  if (!isObject(encoded)) return undefined;
  const rootName = encodedName(encoded);
  if (rootName === undefined) return undefined;
  const root: XmlNode = { name: rootName, attrs: {}, children: [] };
  const stack: [XmlNode, unknown][] = [[root, encoded[rootName]]];
  while (stack.length > 0) {
    const [node, content] = stack.pop()!;
    const items = Array.isArray(content) ? content : content === undefined || content === null ? [] : [content];
    for (const item of items) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
        node.children.push(String(item));
      } else if (isObject(item)) {
        const holder = item[ATTRIBUTES];
        if (isObject(holder)) node.attrs = { ...node.attrs, ...(holder as XmlNode['attrs']) };
        const name = encodedName(item);
        if (name === undefined) continue;
        const child: XmlNode = { name, attrs: {}, children: [] };
        node.children.push(child);
        stack.push([child, item[name]]);
      }
    }
  }
  return root;
}

export const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null && 'name' in value;

/** The element children of a node (all, or those of one name). */
export function elements(node: XmlNode | undefined, name?: string): XmlNode[] {
  if (!node) return [];
  return node.children.filter((c): c is XmlNode => isNode(c) && (name === undefined || c.name === name));
}

/** The first child element of that name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c): c is XmlNode => isNode(c) && c.name === name);
}

export function attr(node: XmlNode | undefined, key: string): string | number | boolean | undefined {
  return node?.attrs[key];
}

export function numberAttr(node: XmlNode | undefined, key: string): number | undefined {
  const value = attr(node, key);
  return value === undefined ? undefined : Number(value);
}

/** The text directly in a node (a w:t's characters). */
export function textOf(node: XmlNode): string {
  return node.children.filter((c): c is string => typeof c === 'string').join('');
}

/** An on/off property such as <w:keepNext/> or <w:pageBreakBefore w:val="false"/>; undefined when absent. */
export function onOff(properties: XmlNode | undefined, name: string): boolean | undefined {
  const element = child(properties, name);
  if (element === undefined) return undefined;
  const value = String(attr(element, 'w:val'));
  return !(value === 'false' || value === '0');
}
