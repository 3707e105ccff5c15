/** One reason a file is not a valid interchange file. */
export interface Problem {
  /** JSON pointer of the offending place, e.g. "/actionPlans/1/initiatives/0/status"; "" for the whole file. */
  path: string;
  /** The reason, in the requested language, e.g. "must be one of planned, active, done, delayed, cancelled". */
  message: string;
  /** For JSON syntax errors: 1-based line and column in the text. */
  line?: number;
  column?: number;
}

/** "path: reason", or only the reason when the problem concerns the whole file (e.g. a JSON syntax error). */
export function formatProblem(problem: Problem): string {
  return problem.path === '' ? problem.message : `${problem.path}: ${problem.message}`;
}
