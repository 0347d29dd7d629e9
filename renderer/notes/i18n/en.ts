// Editorial notes and presence in English. Same keys as vi.ts.
import type vi from './vi';

const en: Record<keyof typeof vi, string> & Record<string, string> = {
  title: 'Editorial notes',
  count: '{{count}} threads',
  count_one: '{{count}} thread',
  count_other: '{{count}} threads',
  empty: 'No notes on this story yet.',
  loadFailed: 'Could not load the notes: {{message}}',
  onSelection: 'Note on the selection',
  onSelectionHint: 'Select some text of the story, then press (or Ctrl+Alt+M) to attach a note to exactly that passage',
  selectFirst: 'Select some text of the story first.',
  selectOneBlock: 'Select a passage within one paragraph.',
  selectShorter: 'The passage is too long: select less than 1,000 characters.',
  newNote: 'New note',
  placeholder: 'Write a note… (type @ to mention a colleague)',
  replyPlaceholder: 'Reply… (type @ to mention someone)',
  send: 'Send',
  sendHint: 'Send (Ctrl+Enter)',
  cancel: 'Cancel',
  reply: 'Reply',
  passageLabel: 'Passage the note is about',
  passageLost: 'This passage has been edited or removed from the story.',
  showPassage: 'Show this passage in the story',
  pending: 'Waiting to be sent to the server',
  refused: 'The server did not accept this note: {{reason}}',
  writeFailed: 'Could not save the note: {{message}}',
  mentionsLabel: 'Name suggestions',
  returnTitle: 'Story returned',
  returnBy: 'Returned by {{author}} at {{time}}',
  presence: '{{name}} has been editing since {{time}}',
  presenceHint: 'You can still edit: every change is kept and merged when it syncs.',
};

export default en;
