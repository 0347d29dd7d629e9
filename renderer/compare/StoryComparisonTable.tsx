// Two texts of one story side by side, paragraph by paragraph (core/story/compare),
// with what differs marked in colour and, for screen readers, in words. Used
// wherever a person reads two versions: a sync conflict, the revision history.
// Each caller names its two columns and what a missing paragraph means to it.
import type { ReactNode } from 'react';
import type { ParagraphChange, StoryComparison } from '../../core/story/compare';
import './compare.css';

export interface ComparisonLabels {
  headline: string;
  sapo: string;
  body: string;
  /** The group of other fields (byline, section, tags) that differ. */
  details: string;
  /** Read before a changed cell, e.g. "Đoạn khác nhau". */
  changed: string;
  /** Shown in the first column where a paragraph is only in the second. */
  onlyInB: string;
  /** Shown in the second column where a paragraph is only in the first. */
  onlyInA: string;
}

/** A field beside the text, shown only where the two versions differ. */
export interface DetailRow {
  label: string;
  a: string;
  b: string;
}

export interface ComparedDetails {
  byline: string;
  section: string;
  tags: readonly string[];
}

/** Byline, section and tags of the two versions, those that differ only. */
export function differingDetails(a: ComparedDetails, b: ComparedDetails, labels: Record<'byline' | 'section' | 'tags', string>): DetailRow[] {
  const fields = [
    [labels.byline, a.byline, b.byline],
    [labels.section, a.section, b.section],
    [labels.tags, a.tags.join(', '), b.tags.join(', ')],
  ] as const;
  return fields.filter(([, left, right]) => left !== right).map(([label, left, right]) => ({ label, a: left, b: right }));
}

interface Row {
  change: ParagraphChange;
  a: string | null;
  b: string | null;
}

/** Which part of the story a row is, for tests and styles: `data-field` on the row. */
type RowField = 'headline' | 'sapo' | 'body' | 'detail';

export function StoryComparisonTable(props: {
  comparison: StoryComparison;
  /** Other fields that differ (see differingDetails); none is shown when empty. */
  details?: readonly DetailRow[];
  /** The two columns' headings: the first version, then the second. */
  columns: readonly [ReactNode, ReactNode];
  labels: ComparisonLabels;
  testId?: string;
}): ReactNode {
  const { comparison, labels } = props;
  const details = props.details ?? [];

  const cell = (text: string | null, side: 'a' | 'b', change: ParagraphChange): ReactNode => {
    if (text !== null) {
      return (
        <td className={`compare-cell compare-${side}`}>
          {change === 'changed' && <span className="visually-hidden">{labels.changed}: </span>}
          {text}
        </td>
      );
    }
    return <td className={`compare-cell compare-${side} compare-missing`}>{change === 'added' ? labels.onlyInB : labels.onlyInA}</td>;
  };
  const row = (item: Row, field: RowField, key: string | number): ReactNode => (
    <tr key={key} className={`compare-row is-${item.change}`} data-change={item.change} data-field={field}>
      {cell(item.a, 'a', item.change)}
      {cell(item.b, 'b', item.change)}
    </tr>
  );
  const group = (title: string): ReactNode => (
    <tr className="compare-group">
      <th colSpan={2} scope="colgroup">
        {title}
      </th>
    </tr>
  );
  const fieldRow = ({ a, b, same }: { a: string; b: string; same: boolean }): Row => ({ change: same ? 'same' : 'changed', a, b });

  return (
    <table className="compare-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{props.columns[0]}</th>
          <th scope="col">{props.columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {group(labels.headline)}
        {row(fieldRow(comparison.headline), 'headline', 'headline')}
        {group(labels.sapo)}
        {row(fieldRow(comparison.sapo), 'sapo', 'sapo')}
        {group(labels.body)}
        {comparison.body.map((pair, index) => row(pair, 'body', index))}
        {details.length > 0 && group(labels.details)}
        {details.map((detail, index) =>
          row({ change: 'changed', a: `${detail.label}: ${detail.a}`, b: `${detail.label}: ${detail.b}` }, 'detail', `detail-${index}`),
        )}
      </tbody>
    </table>
  );
}
