import { useMemo, type ReactNode } from 'react';
import { snippetToSegments } from './snippet';

/** A search snippet as text nodes, matched words in <mark>. */
export function Highlighted(props: { snippet: string }): ReactNode {
  const segments = useMemo(() => snippetToSegments(props.snippet), [props.snippet]);
  return segments.map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>));
}
