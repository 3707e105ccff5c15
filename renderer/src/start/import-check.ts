// What "Import JSON…" checks in the renderer before handing the file to the host (loaded on demand).
export { parseStrategyText } from '../../../shared/format/validate';
export { formatProblem } from '../../../shared/format/problem';
