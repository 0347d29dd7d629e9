// What changed from one text of a story to another, word by word
// (core/story/compare diffStoryTexts: syllables compared with their tone
// marks), in either layout a reader asks for:
//   side   the two texts in two columns, paragraph beside paragraph, each
//          with its own words marked (gone struck on the left, new underlined
//          on the right);
//   inline one text, the changes in place: what went struck, what came underlined.
// Both layouts mark each row with data-field and data-change (same, changed,
// added, removed), so a reader, a test or a screen reader finds the same rows.
import { useMemo, type ReactNode } from 'react';
import { diffStoryTexts, type ParagraphChange } from '../../core/story/compare';
import { sidesOf, type DiffRun, type StoryContent } from '../../core/story';
import { DiffText } from './DiffText';
import { differingDetails, type ComparisonLabels } from './details';
import './compare.css';

export type DiffLayout = 'side' | 'inline';

interface Row {
  field: 'headline' | 'sapo' | 'body' | 'detail';
  change: ParagraphChange;
  runs: DiffRun[];
}

export interface StoryDiffLabels extends ComparisonLabels {
  byline: string;
  section: string;
  tags: string;
}

function rowsOf(a: StoryContent, b: StoryContent, labels: StoryDiffLabels): Row[] {
  const diff = diffStoryTexts(a, b);
  const field = (name: 'headline' | 'sapo', runs: DiffRun[]): Row => ({
    field: name,
    change: runs.every((run) => run.op === 'equal') ? 'same' : 'changed',
    runs,
  });
  const details = differingDetails(a, b, labels).map(
    (detail): Row => ({ field: 'detail', change: 'changed', runs: [{ op: 'equal', text: `${detail.label}: ` }, { op: 'delete', text: detail.a }, { op: 'insert', text: detail.b }] }),
  );
  return [field('headline', diff.headline), field('sapo', diff.sapo), ...diff.body.map((row): Row => ({ field: 'body', change: row.change, runs: row.runs })), ...details];
}

export function StoryDiffView(props: {
  a: StoryContent;
  b: StoryContent;
  layout: DiffLayout;
  /** The two texts' names: the older (or the one compared with) first. */
  columns: readonly [ReactNode, ReactNode];
  labels: StoryDiffLabels;
  testId?: string;
}): ReactNode {
  const { a, b, labels } = props;
  const rows = useMemo(() => rowsOf(a, b, labels), [a, b, labels]);
  const groupTitle: Record<Row['field'], string> = { headline: labels.headline, sapo: labels.sapo, body: labels.body, detail: labels.details };
  const groups = (['headline', 'sapo', 'body', 'detail'] as const).map((field) => ({ field, rows: rows.filter((row) => row.field === field) }));

  if (props.layout === 'inline') {
    return (
      <div className="compare-inline" data-testid={props.testId} data-layout="inline">
        <p className="compare-inline-legend">
          <del className="diff-del">{props.columns[0]}</del> → <ins className="diff-ins">{props.columns[1]}</ins>
        </p>
        {groups
          .filter((group) => group.rows.length > 0)
          .map((group) => (
            <section key={group.field} className="compare-inline-group">
              <h3 className="compare-inline-title">{groupTitle[group.field]}</h3>
              {group.rows.map((row, index) => (
                <p key={index} className={`compare-row compare-line is-${row.change}`} data-change={row.change} data-field={row.field}>
                  {row.change !== 'same' && <span className="visually-hidden">{labels.changed}: </span>}
                  <DiffText runs={row.runs} />
                </p>
              ))}
            </section>
          ))}
      </div>
    );
  }

  const cell = (row: Row, side: 'a' | 'b'): ReactNode => {
    const missing = (side === 'a' && row.change === 'added') || (side === 'b' && row.change === 'removed');
    if (missing) return <td className={`compare-cell compare-${side} compare-missing`}>{side === 'a' ? labels.onlyInB : labels.onlyInA}</td>;
    const runs = sidesOf(row.runs)[side];
    return (
      <td className={`compare-cell compare-${side}`}>
        {row.change === 'changed' && <span className="visually-hidden">{labels.changed}: </span>}
        <DiffText runs={runs} />
      </td>
    );
  };
  return (
    <table className="compare-table" data-testid={props.testId} data-layout="side">
      <thead>
        <tr>
          <th scope="col">{props.columns[0]}</th>
          <th scope="col">{props.columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {groups
          .filter((group) => group.rows.length > 0)
          .flatMap((group) => [
            <tr key={`group-${group.field}`} className="compare-group">
              <th colSpan={2} scope="colgroup">
                {groupTitle[group.field]}
              </th>
            </tr>,
            ...group.rows.map((row, index) => (
              <tr key={`${group.field}-${index}`} className={`compare-row is-${row.change}`} data-change={row.change} data-field={row.field}>
                {cell(row, 'a')}
                {cell(row, 'b')}
              </tr>
            )),
          ])}
      </tbody>
    </table>
  );
}
