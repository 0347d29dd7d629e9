/** An error the shell reports to the renderer as `{ code, message }`; the message is for the user. */
export class ShellError extends Error {
  override readonly name = 'ShellError';

  constructor(readonly code: string, message: string) {
    super(message);
  }
}
