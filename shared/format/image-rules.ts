// Rules of the interchange format's pictures (issue 16) that the schema cannot express: each `images` entry
// is base64 of a PNG, JPEG or safe SVG of the type it claims, within the size limit (the same byte checks as
// an upload, shared/model/images.ts); ids are unique; `meta.logo` and every rich-text `image` node name one of
// them. One pass with an explicit stack, so a deep file cannot overflow it.
import { base64ToBytes, ImageRefusal, sniffImage } from '../model/images';
import { childPointer } from './json-pointer';
import { t as message } from '../i18n/messages';
import type { Lang } from './messages';
import type { Problem } from './problem';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The message of a refused picture (the same words the app uses when one is chosen). */
export function refusalMessage(error: ImageRefusal, lang: Lang): string {
  const p = error.params;
  const mb = (bytes: unknown) => Math.round((Number(bytes) / (1024 * 1024)) * 10) / 10;
  switch (error.code) {
    case 'too-large':
      return message(lang, 'images.refused.tooLarge', { name: String(p.name ?? ''), size: mb(p.size), limit: mb(p.limit) });
    case 'svg-invalid':
      return message(lang, 'images.refused.svgInvalid', { name: String(p.name ?? ''), detail: String(p.detail ?? '') });
    case 'svg-unsafe':
      return message(lang, 'images.refused.svgUnsafe', { name: String(p.name ?? ''), detail: String(p.detail ?? '') });
    case 'empty':
      return message(lang, 'images.refused.empty', { name: String(p.name ?? '') });
    case 'no-size':
      return message(lang, 'images.refused.noSize', { name: String(p.name ?? '') });
    case 'alt-missing':
      return message(lang, 'images.refused.altMissing');
    default:
      return message(lang, 'images.refused.unknownType', { name: String(p.name ?? '') });
  }
}

export function imageProblems(root: unknown, lang: Lang): Problem[] {
  if (!isObj(root)) return [];
  const problems: Problem[] = [];
  const known = new Map<string, string>();
  const list = Array.isArray(root.images) ? root.images : [];
  list.forEach((image, i) => {
    const at = `/images/${i}`;
    if (!isObj(image) || typeof image.id !== 'string' || image.id === '') return; // the schema's problem
    const earlier = known.get(image.id);
    if (earlier !== undefined) problems.push({ path: `${at}/id`, message: message(lang, 'format.duplicateId', { id: JSON.stringify(image.id), earlier }) });
    else known.set(image.id, `${at}/id`);
    const check = (key: 'data' | 'png', expected?: string) => {
      const value = image[key];
      if (typeof value !== 'string' || value === '') return;
      const bytes = base64ToBytes(value);
      if (!bytes) {
        problems.push({ path: `${at}/${key}`, message: message(lang, 'images.format.notBase64') });
        return;
      }
      try {
        const sniffed = sniffImage(bytes, image.id as string);
        if (expected !== undefined && sniffed.mime !== expected) {
          problems.push({ path: `${at}/${key}`, message: message(lang, 'images.format.mimeMismatch', { declared: expected, actual: sniffed.mime }) });
        }
      } catch (error) {
        if (!(error instanceof ImageRefusal)) throw error;
        problems.push({ path: `${at}/${key}`, message: refusalMessage(error, lang) });
      }
    };
    check('data', typeof image.mime === 'string' ? image.mime : undefined);
    check('png', 'image/png');
  });
  if (isObj(root.meta) && typeof root.meta.logo === 'string' && !known.has(root.meta.logo)) {
    problems.push({ path: '/meta/logo', message: message(lang, 'images.format.missing', { id: root.meta.logo }) });
  }
  // Every `image` node's src, wherever rich text is (comments and hints hold none).
  const stack: [unknown, string][] = [];
  for (const key of Object.keys(root)) if (key !== 'images' && key !== 'meta') stack.push([root[key], `/${key}`]);
  while (stack.length > 0) {
    const [node, pointer] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((child, i) => stack.push([child, `${pointer}/${i}`]));
    } else if (isObj(node)) {
      if (node.type === 'image' && isObj(node.attrs) && typeof node.attrs.src === 'string' && !known.has(node.attrs.src)) {
        problems.push({ path: `${pointer}/attrs/src`, message: message(lang, 'images.format.missing', { id: node.attrs.src }) });
      }
      for (const key of Object.keys(node)) if (key !== 'attrs') stack.push([node[key], childPointer(pointer, key)]);
    }
  }
  return problems;
}
