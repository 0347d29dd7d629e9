// The fields beside a story's text (byline, section, tags), compared: a reader
// of two versions sees them only where they differ. And the words a comparison
// shows around its rows, named by each caller.

export interface ComparisonLabels {
  headline: string;
  sapo: string;
  body: string;
  /** The group of other fields (byline, section, tags) that differ. */
  details: string;
  /** Read before a changed row, e.g. "Đoạn khác nhau". */
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
