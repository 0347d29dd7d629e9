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
  waitingAlso: '{{count}} changes waiting to sync',
  waitingAlso_one: '{{count}} change waiting to sync',
  waitingAlso_other: '{{count}} changes waiting to sync',
  conflicts: '{{count}} stories have two versions: choose which to keep',
  conflicts_one: '{{count}} story has two versions: choose which to keep',
  conflicts_other: '{{count}} stories have two versions: choose which to keep',
  lastError: 'Last error: {{message}}',
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
  signOut: 'Sign out',
  missingFields: 'Enter the server address, your user name and your password.',
  tokenKept: 'Your sign-in is kept on this computer; your password is not.',
};

export default en;
