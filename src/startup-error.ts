/**
 * A start-up failure the operator can fix, already worded as one line that names the variable and
 * its value (`EUJP_DB=/data/eujp.sqlite: is not a SQLite database`). The entry point prints it
 * without a stack and exits 1.
 */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

/** `NAME=value`, with a password in a URL masked, for messages about a variable's value. */
export function variable(name: string, value: string): string {
  return `${name}=${maskPassword(value)}`;
}

function maskPassword(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]*@/i, '$1***@');
}

/** The error's `code` (`ENOENT`, `SQLITE_NOTADB`, `3D000`, …), when it has one. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
