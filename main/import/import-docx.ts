// One Word import from bytes to a checked strategy: read (./read-docx.ts), recognise, build, and validate the
// result against the interchange format, so what the CLI writes and the app creates is always a valid file.
import type { StrategyFile } from '../../shared/format/schema';
import { formatProblem, validateStrategyFile } from '../../shared/format/validate';
import { buildStrategy, type BuildOptions } from '../../shared/import/build';
import type { RawDocument } from '../../shared/import/raw';
import { recogniseOutline, type ImportOutline, type RecogniseOptions } from '../../shared/import/recognise';
import type { ImportReport } from '../../shared/import/report';
import { readDocx } from './read-docx';

export interface WordImport {
  raw: RawDocument;
  outline: ImportOutline;
  strategy: StrategyFile;
  report: ImportReport;
}

/** A built strategy that the format refuses: a bug of the importer, said in one line with the first problem. */
export class ImportInvalidError extends Error {
  constructor(readonly problem: string) {
    super(`the imported strategy is not valid: ${problem}`);
    this.name = 'ImportInvalidError';
  }
}

export function checkImported(strategy: StrategyFile): StrategyFile {
  const result = validateStrategyFile(strategy);
  if (!result.ok) throw new ImportInvalidError(result.problems[0] ? formatProblem(result.problems[0]) : 'unknown');
  return result.strategy;
}

export async function importDocx(bytes: Uint8Array, options: RecogniseOptions & BuildOptions = {}): Promise<WordImport> {
  const raw = await readDocx(bytes);
  const outline = recogniseOutline(raw, options);
  const { strategy, report } = buildStrategy(raw, outline, options);
  return { raw, outline, strategy: checkImported(strategy), report };
}
