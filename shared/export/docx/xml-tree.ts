// The one place that reads docx's in-memory XML. A page-number estimator (docx's PageNumberEstimator
// contract) receives the document body as docx's IXmlableObject: the object form of the `xml` package,
// `{ "w:p": [ { _attr: { … } }, child, … ] }`, as docx documents it on that type. It is read here as nodes
// with a name, attributes and children (a view, built as the estimators ./layout-estimate.ts and
// ./page-numbers.ts walk it); nothing else knows the encoding.

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

/**
 * A read-only view of one encoded element: its attributes and children are read from docx's encoding when asked
 * for, never copied into a second tree. Measured (bench/export-child.ts, the large strategy, quick page numbers):
 * a copied tree per estimate held ~66 MiB beside docx's own objects and raised the export's peak RSS from ~290 to
 * ~350 MiB; the walkers (./page-numbers.ts, ./layout-estimate.ts) read each element's children once or twice, so
 * building them on demand costs little.
 */
class EncodedElement implements XmlNode {
  constructor(
    readonly name: string,
    private readonly content: unknown,
  ) {}

  private items(): readonly unknown[] {
    const content = this.content;
    return Array.isArray(content) ? content : content === undefined || content === null ? [] : [content];
  }

  /** The attribute holders (`{ _attr: … }`) among the items, merged in order. */
  get attrs(): XmlNode['attrs'] {
    let attrs: XmlNode['attrs'] = NO_ATTRIBUTES;
    for (const item of this.items()) {
      if (!isObject(item)) continue;
      const holder = item[ATTRIBUTES];
      if (isObject(holder)) attrs = attrs === NO_ATTRIBUTES ? (holder as XmlNode['attrs']) : { ...attrs, ...(holder as XmlNode['attrs']) };
    }
    return attrs;
  }

  get children(): (XmlNode | string)[] {
    const children: (XmlNode | string)[] = [];
    for (const item of this.items()) {
      if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') children.push(String(item));
      else if (isObject(item)) {
        const name = encodedName(item);
        if (name !== undefined) children.push(new EncodedElement(name, item[name]));
      }
    }
    return children;
  }
}

const NO_ATTRIBUTES: XmlNode['attrs'] = Object.freeze({});

/** A view of docx's encoded element (e.g. the body handed to an estimator); undefined when it is none. */
export function toXmlTree(encoded: unknown): XmlNode | undefined {
  if (!isObject(encoded)) return undefined;
  const rootName = encodedName(encoded);
  if (rootName === undefined) return undefined;
  return new EncodedElement(rootName, encoded[rootName]);
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
