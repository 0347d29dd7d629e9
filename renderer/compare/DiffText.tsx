// A text with what changed marked, word by word (core/story/word-diff): deleted
// words struck through, inserted ones underlined on a coloured ground. Inline,
// every run in order; side by side, one side's runs (sidesOf). <del> and <ins>
// say it to screen readers too. Two versions neither of which came first (the
// two sides of a merge conflict) mark their differing words alike (`differs`).
// Used by the revision history and by merge conflicts.
import type { ReactNode } from 'react';
import type { DiffRun } from '../../core/story';
import './compare.css';

export function DiffText(props: { runs: readonly DiffRun[]; differs?: boolean; testId?: string }): ReactNode {
  return (
    <span className="diff-text" data-testid={props.testId}>
      {props.runs.map((run, index) =>
        run.op === 'equal' ? (
          <span key={index}>{run.text}</span>
        ) : props.differs === true ? (
          <mark key={index} className="diff-differs">
            {run.text}
          </mark>
        ) : run.op === 'delete' ? (
          <del key={index} className="diff-del">
            {run.text}
          </del>
        ) : (
          <ins key={index} className="diff-ins">
            {run.text}
          </ins>
        ),
      )}
    </span>
  );
}
