/** A failure the CLI reports on stderr as one readable line, exiting with code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
