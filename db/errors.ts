// The store reports failures as values a person can read: the app service shows
// `message` as is, and callers branch on `code`, never on the text.

export type StoreErrorCode =
  | 'DB_NEWER_THAN_APP'
  | 'MIGRATION_FAILED'
  | 'MIGRATIONS_BROKEN'
  | 'STORY_NOT_FOUND'
  | 'STORY_IN_TRASH'
  | 'STORY_CHANGED'
  | 'LOCAL_ONLY'
  | 'INVALID_INPUT'
  | 'INVALID_CURSOR';

export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
