// The layering rules of DEVELOPERS.md are lint rules: these tests prove they bite, through ESLint's own API and the
// project's real eslint.config.js, on source placed in each layer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
