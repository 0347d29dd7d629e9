// "What the desk changed since I submitted", in English. Same keys as vi.ts.
import type vi from './vi';

const en: Record<keyof typeof vi, string> = {
  button: 'What the desk changed',
  buttonHint: 'Compare what you submitted with the story now',
  title: 'What the desk changed since you submitted',
  intro: 'Comparing what you submitted at {{time}} with the story now.',
  introFallback: 'This computer has no “Submitted” version of the story; comparing what you last saved at {{time}} with the story now.',
  none: 'This computer has no version written by you to compare with.',
  same: 'The desk has not changed anything.',
  loading: 'Loading…',
  failed: 'Could not load: {{message}}',
  columnSubmitted: 'What you submitted ({{time}})',
  columnNow: 'The story now',
  layoutLabel: 'View',
  layoutSide: 'Side by side',
  layoutInline: 'Changes in place',
  changed: 'Changed paragraph',
  onlyInSubmitted: 'The desk removed this paragraph',
  onlyInNow: 'The desk added this paragraph',
  close: 'Close',
};

export default en;
