/**
 * An error whose message is written for the person who typed the command. Anything else that
 * escapes a command is logged and answered with a short generic apology.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
