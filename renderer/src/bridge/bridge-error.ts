// An error from the host: a stable code with its parameters (whoever shows it translates the code), the host's
// message beside it, and the individual problems when the host listed several (e.g. a refused import: one
// `JSON-path: reason` per line).
export class BridgeError extends Error {
  readonly problems: string[];
  readonly status: number | undefined;
  readonly code: string;
  readonly params: Record<string, string | number>;

  constructor(message: string, options: { problems?: string[]; status?: number; code?: string; params?: Record<string, string | number> } = {}) {
    super(message);
    this.name = 'BridgeError';
    this.problems = options.problems ?? splitProblems(message);
    this.status = options.status;
    this.code = options.code ?? 'unknown';
    this.params = options.params ?? {};
  }
}

/** A multi-line host message becomes one problem per non-empty line (the first line may be a heading). */
function splitProblems(message: string): string[] {
  const lines = message
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((line) => line.length > 0);
  return lines.length > 1 ? lines : [];
}

/** Readable text of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The problems to list for an error: its own list, or its message as the only line. */
export function errorProblems(error: unknown): string[] {
  if (error instanceof BridgeError && error.problems.length > 0) return error.problems;
  return [errorMessage(error)];
}
