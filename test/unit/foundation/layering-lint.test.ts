// The layering rules (docs/architecture.md) are lint rules: these tests prove they bite, through ESLint's own API and the
// project's real eslint.config.js, on source placed in each layer.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { RENDERER_LAYERS, rendererLayering } from '../../../eslint.config.js';

const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layering lint rules', () => {
  it("fails on import 'electron' in shared/", async () => {
    const errors = await layeringErrors('shared/model/probe.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(errors.join('\n')).toMatch(/Layering: only main\/electron may import Electron/);
  });

  it("fails on import 'electron' in renderer/", async () => {
    const errors = await layeringErrors('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n");
    expect(errors).toHaveLength(1);
  });

  it('fails on Node built-ins in shared/ and renderer/', async () => {
    for (const file of ['shared/format/probe.ts', 'renderer/src/probe.ts']) {
      const errors = await layeringErrors(file, "import { readFile } from 'node:fs/promises';\nimport path from 'path';\nexport const x = [readFile, path];\n");
      expect(errors, file).toHaveLength(2);
    }
  });

  it('fails on the DOM in shared/', async () => {
    const errors = await layeringErrors('shared/model/probe.ts', 'export const title = document.title;\n');
    expect(errors.join('\n')).toMatch(/must not use the DOM/);
  });

  it('fails when main/ imports renderer/, or renderer/ imports main/', async () => {
    expect(await layeringErrors('main/server/probe.ts', "import { x } from '../../renderer/src/x';\nexport const y = x;\n")).toHaveLength(1);
    expect(await layeringErrors('renderer/src/probe.ts', "import { x } from '../../main/server/x';\nexport const y = x;\n")).toHaveLength(1);
  });

  it('allows what each layer may use', async () => {
    expect(await layeringErrors('main/electron/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await layeringErrors('main/server/probe.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n")).toEqual([]);
    expect(await layeringErrors('renderer/src/probe.ts', "import * as Y from 'yjs';\nexport const x = Y;\n")).toEqual([]);
  });
});

describe('layering lint rules, precision', () => {
  it("does not mistake a relative module named like a built-in ('./constants') for Node's", async () => {
    expect(await layeringErrors('shared/model/probe.ts', "import { A } from './constants';\nimport { B } from './events';\nexport const x = [A, B];\n")).toEqual([]);
    expect(await layeringErrors('shared/model/probe.ts', "import { EventEmitter } from 'events';\nexport const x = EventEmitter;\n")).toHaveLength(1);
  });
});

// The renderer's folder order and the ban on cycles, run over the fixture tree test/fixtures/lint/renderer/src with the
// very config block eslint.config.js uses for renderer/src (rendererLayering), and on probes in the real tree.
const fixtureRoot = join(process.cwd(), 'test/fixtures/lint');
const fixtureLint = new ESLint({
  cwd: fixtureRoot,
  overrideConfigFile: true,
  overrideConfig: [tseslint.configs.base, rendererLayering(fixtureRoot)],
});

async function rendererErrors(file: string): Promise<{ rule: string | null; message: string }[]> {
  const [result] = await fixtureLint.lintFiles([join(fixtureRoot, 'renderer/src', file)]);
  expect(result?.messages.filter((m) => m.fatal)).toEqual([]);
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

async function realTreeErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('renderer layers lint rules', () => {
  it('fails on a cycle between two renderer folders (views/ <-> plans/)', async () => {
    const views = await rendererErrors('views/edit-view.ts');
    expect(views.map((e) => e.rule)).toEqual(['import-x/no-cycle']);
    const plans = await rendererErrors('plans/plan-view.ts');
    expect(plans.map((e) => e.rule).sort()).toEqual(['import-x/no-cycle', 'import-x/no-restricted-paths']);
    expect(plans.find((e) => e.rule === 'import-x/no-restricted-paths')?.message).toMatch(/plans\/ imports only folders below it/);
  });

  it('fails on a module cycle inside one folder', async () => {
    expect((await rendererErrors('ui/first.ts')).map((e) => e.rule)).toEqual(['import-x/no-cycle']);
  });

  it('fails when the session imports the document screen, or a feature imports app/ (type-only too)', async () => {
    const session = await rendererErrors('session/session.ts');
    expect(session).toEqual([{ rule: 'import-x/no-restricted-paths', message: expect.stringMatching(/Renderer layers: session\/ imports only folders below it/) }]);
    const feature = await rendererErrors('plans/uses-app.ts');
    expect(feature.map((e) => e.rule)).toEqual(['import-x/no-restricted-paths']);
    expect(feature[0]?.message).toContain('../app/shell');
  });

  it('allows imports down the order', async () => {
    expect(await rendererErrors('doc/uses-features.ts')).toEqual([]);
    expect(await rendererErrors('app/shell.ts')).toEqual([]);
  });

  it('is on for the real renderer/src in eslint.config.js', async () => {
    const up = await realTreeErrors('renderer/src/ui/probe.ts', "import { useDocVersion } from '../session/use-doc';\nexport const x = useDocVersion;\n");
    expect(up.join('\n')).toMatch(/import-x\/no-restricted-paths: .*Renderer layers: ui\/ imports only/);
    const down = await realTreeErrors('renderer/src/plans/probe.ts', "import { useDocVersion } from '../session/use-doc';\nexport const x = useDocVersion;\n");
    expect(down).toEqual([]);
    // Every folder of renderer/src has a rank (a new folder must be placed in the order before it is used).
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync('renderer/src', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((name) => !RENDERER_LAYERS.includes(name))).toEqual([]);
  });
});
