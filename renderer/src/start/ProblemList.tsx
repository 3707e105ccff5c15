// A refused file, explained: one `JSON-path: reason` per line, nothing else on the screen changes.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n/i18n';

export interface FileProblem {
  fileName?: string | undefined;
  problems: string[];
}

export function ProblemList({ problem, onDismiss }: { problem: FileProblem; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [problem]);
  return (
    <div class="problem-panel" role="alert" tabIndex={-1} ref={ref} data-testid="file-problems">
      <div class="problem-header">
        <h2 class="problem-title">
          {problem.fileName ? t('start.fileRefusedNamed', { name: problem.fileName }) : t('start.fileRefused')}
        </h2>
        <button type="button" class="button button-small button-quiet" onClick={onDismiss}>
          {t('common.close')}
        </button>
      </div>
      <p class="muted small">{t('start.fileRefusedHint')}</p>
      <ul class="problem-list">
        {problem.problems.map((line, index) => {
          // "path: reason" shows the path in code style.
          const match = /^(\/[^\s:]*|[^\s:]+\.json):\s*(.*)$/.exec(line);
          return (
            <li key={index}>
              {match ? (
                <>
                  <code>{match[1]}</code>: {match[2]}
                </>
              ) : (
                line
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
