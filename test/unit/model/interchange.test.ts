import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { strategyFileSchema, type StrategyFile } from '../../../shared/format/schema';
import { IMPORT_ORIGIN, ImportError, StrategyModel, VISION_ID, createStrategyDoc, exportStrategy, importStrategy } from '../../../shared/model';
import { richStrategy } from './rich-strategy';

/** export → import → export must give the same JSON; returns the first export. */
function roundTrip(file: StrategyFile): StrategyFile {
  const first = exportStrategy(importStrategy(file));
  const second = exportStrategy(importStrategy(first));
  expect(second).toEqual(first);
  expect(JSON.stringify(second)).toBe(JSON.stringify(first)); // same key order too
  return first;
}

describe('interchange round trip', () => {
  it('keeps every field of a rich strategy', () => {
    const input = richStrategy();
    const out = roundTrip(input);
    // Markdown that the serializer writes the same way comes back unchanged, so the whole file does.
    expect(out).toEqual(input);
    expect(strategyFileSchema.safeParse(out).success).toBe(true);
  });

  it('normalises Markdown once, then stays stable', () => {
    const input = richStrategy();
    input.vision.statement = '* en\n* to\n\nTekst med __fed__ og _kursiv_';
    const out = roundTrip(input);
    expect(out.vision.statement).toBe('- en\n- to\n\nTekst med **fed** og *kursiv*');
  });

  it('writes ProseMirror JSON that Markdown can express as Markdown, and keeps tables as JSON', () => {
    const input = richStrategy();
    input.vision.statement = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kort', marks: [{ type: 'em' }] }] }] };
    const out = roundTrip(input);
    expect(out.vision.statement).toBe('*Kort*');
    const body = out.perspectives[0]!.focusAreas[0]!.body;
    expect(typeof body).toBe('object');
    expect(JSON.stringify(body)).toContain('"table_cell"');
  });

  it('omits absent optional fields and empty optional lists', () => {
    const out = exportStrategy(importStrategy(richStrategy()));
    const web = out.actionPlans![0]!.initiatives[1]!;
    expect(Object.keys(web)).toEqual(['id', 'title', 'focusAreaIds']);
    expect(JSON.stringify(out)).not.toMatch(/"(?!colwidth)\w+":null/);
    expect(out.perspectives[1]!.hidden).toBe(true);
    expect('hidden' in out.perspectives[0]!).toBe(false);
    expect(out.actionPlans![2]!.initiatives).toEqual([]);
  });

  it('imports in one transaction with origin "import"', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    importStrategy(richStrategy(), doc);
    expect(origins).toEqual([IMPORT_ORIGIN]);
  });

  it('imports into a document that holds only its schema version', () => {
    const doc = createStrategyDoc();
    importStrategy(richStrategy(), doc);
    expect(new StrategyModel(doc).getMeta().title).toBe('Digitaliseringsstrategi 2025-2028');
    expect(() => importStrategy(richStrategy(), doc)).toThrow(/empty document/);
  });

  it('refuses ProseMirror JSON that breaks the editor schema, naming the JSON path, before writing anything', () => {
    const input = richStrategy();
    input.actionPlans![0]!.initiatives[0]!.description = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'video', attrs: { src: 'x.mp4' } }] }],
    };
    const doc = new Y.Doc();
    let error: unknown;
    try {
      importStrategy(input, doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      /^\/actionPlans\/0\/initiatives\/0\/description\/content\/0\/content\/0\/type: unknown node type "video" \(allowed: doc, paragraph, heading, .*\)$/,
    );
    expect(doc.getMap('meta').size).toBe(0);
  });

  it('refuses a duplicate id, naming it', () => {
    const input = richStrategy();
    input.owners![1]!.id = 'go-1';
    expect(() => importStrategy(input)).toThrow('/owners/1/id: duplicate id "go-1" (also at /perspectives/0/focusAreas/0/goals/0/id)');
  });

  it('keeps imported ids and reads them through the model', () => {
    const model = new StrategyModel(importStrategy(richStrategy()));
    expect(model.list('focusArea', 'pe-borger').map((f) => f.id)).toEqual(['fa-selvbetjening', 'fa-kommunikation']);
    expect(model.list('principle', VISION_ID).map((p) => p.title)).toEqual(['Digitalt først', 'Genbrug før nyt']);
    expect(model.get('initiative', 'in-login')!.statusUpdates).toHaveLength(2);
    expect(model.danglingReferences()).toEqual([]);
  });
});

describe('example strategies (templates/examples/*.json)', () => {
  const dir = join(process.cwd(), 'templates', 'examples');
  // index.json lists the examples; every other JSON file there is a strategy.
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json') : [];

  it('there is at least one example to round-trip', () => {
    expect(files.length, `no example files in ${dir}`).toBeGreaterThan(0);
  });

  for (const name of files) {
    it(`round-trips ${name}`, () => {
      const parsed = strategyFileSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
      const out = roundTrip(parsed);
      expect(strategyFileSchema.safeParse(out).success).toBe(true);
    });
  }
});
