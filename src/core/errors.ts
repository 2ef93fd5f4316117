import type { Language } from './reply.ts';

/**
 * An error whose message is written for the person who typed the command. Anything else that
 * escapes a command is logged and answered with a short generic apology. A `cause` (the store
 * error behind "could not save") is logged for the operator; the person reads only the message.
 */
export class UserFacingError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

// No "nothing was changed": a networked store can fail after a commit it never confirmed. A
// retry is safe either way (a repeated subscribe is refused as a duplicate).
const NOT_SAVED: Record<Language, string> = {
  en: 'Sorry, I could not save that. Please try again in a few minutes.',
  ja: '保存できませんでした。数分後にもう一度お試しください。',
};

/**
 * Runs a write the reply is about to confirm; if the store refuses it (a full disk, a lost
 * connection), the person is told it was not saved instead of being told it was.
 */
export async function savedOrRefused<T>(lang: Language, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new UserFacingError('not_saved', NOT_SAVED[lang], { cause: error });
  }
}
