// Loads house styles (templates/styles/<name>.json + logo PNG) from disk for the exporter.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHouseStyle, pngSize, type HouseStyle, type HouseStyleLogo } from '../../shared/export/house-style';

/**
 * The styles shipped with Pejling: templates/styles, found from this module's place in the
 * repository, or under $PEJLING_TEMPLATES_DIR in a bundled build (as main/host/strategy-input.ts).
 */
export const DEFAULT_STYLES_DIR = process.env.PEJLING_TEMPLATES_DIR
  ? path.join(process.env.PEJLING_TEMPLATES_DIR, 'styles')
  : fileURLToPath(new URL('../../templates/styles/', import.meta.url));
/** The style used when neither the command nor the document names one. */
export const FALLBACK_STYLE = 'neutral';

export interface LoadedHouseStyle {
  style: HouseStyle;
  logo: HouseStyleLogo | undefined;
}

/** A style name the user asked for that does not exist; the message lists the known ones. */
export class UnknownStyleError extends Error {
  constructor(
    readonly requested: string,
    readonly known: string[],
  ) {
    super(`Unknown house style '${requested}'. Known styles: ${known.join(', ') || '(none)'}`);
    this.name = 'UnknownStyleError';
  }
}

export async function listHouseStyles(dir = DEFAULT_STYLES_DIR): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  return entries
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

export async function loadHouseStyle(name: string, dir = DEFAULT_STYLES_DIR): Promise<LoadedHouseStyle> {
  const known = await listHouseStyles(dir);
  // Only names of files in the folder: a name can never reach outside it.
  if (!known.includes(name)) throw new UnknownStyleError(name, known);
  const file = path.join(dir, `${name}.json`);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`House style ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const style = parseHouseStyle(value, file);
  if (style.name !== name) throw new Error(`House style ${file} is named '${style.name}'; the file name says '${name}'`);
  let logo: HouseStyleLogo | undefined;
  if (style.logo) {
    const logoFile = path.join(dir, style.logo.file);
    const data = new Uint8Array(await readFile(logoFile).catch(() => {
      throw new Error(`House style ${file}: logo ${logoFile} is missing`);
    }));
    try {
      logo = { data, ...pngSize(data) };
    } catch {
      throw new Error(`House style ${file}: logo ${logoFile} is not a PNG image`);
    }
  }
  return { style, logo };
}
