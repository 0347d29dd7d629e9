// The sync strings in English. Same keys as vi.ts; counts add the
// `_one`/`_other` forms English needs.
import type vi from './vi';

const en: Record<keyof typeof vi, string> & Record<string, string> = {
  regionLabel: 'Sync with the server',
  signedOut: 'Not signed in to a server',
  offline: 'Offline',
  syncing: 'Syncing… {{sent}}/{{total}}',
  pending: '{{count}} changes waiting to sync',
  pending_one: '{{count}} change waiting to sync',
  pending_other: '{{count}} changes waiting to sync',
  synced: 'Synced',
  notSynced: 'Could not sync',
  waitingAlso: '{{count}} changes waiting to sync',
  waitingAlso_one: '{{count}} change waiting to sync',
  waitingAlso_other: '{{count}} changes waiting to sync',
  conflicts: '{{count}} stories have places edited on both sides, waiting for your choice',
  conflicts_one: '{{count}} story has places edited on both sides, waiting for your choice',
  conflicts_other: '{{count}} stories have places edited on both sides, waiting for your choice',
  lastError: 'Last error: {{message}}',
  problemsShow: 'Details',
  problemsTitle: 'Changes that could not be synced',
  problemsNone: 'No change was refused or set aside.',
  refusedBecause: 'refused by the server ({{reason}})',
  setAsideBecause: 'the server copy could not be stored here ({{reason}})',
  untitled: 'No headline yet',
  lastSynced: 'Last synced: {{time}}',
  progressLabel: 'Upload progress',
  syncNow: 'Sync now',

  formTitle: 'Newsroom server',
  serverUrl: 'Server address',
  serverUrlPlaceholder: 'e.g. https://newsroom.example.com',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signedInAs: 'Signed in to {{server}} as {{username}}.',
  signedInAsNamed: 'Signed in to {{server}}: {{displayName}} ({{username}}).',
  signOut: 'Sign out',
  missingFields: 'Enter the server address, your user name and your password.',
  tokenKept: 'Your sign-in is kept on this computer; your password is not.',
};

export default en;
