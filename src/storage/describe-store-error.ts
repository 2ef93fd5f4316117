import { errorCode, errorMessage, StartupError, variable } from '../startup-error.ts';

/**
 * Rewords an error from opening EUJP_DB as one line naming the variable, its value (password
 * masked) and what to do, instead of a bare `ECONNREFUSED` or `unable to open database file`.
 */
export function describeStoreError(database: string, postgres: boolean, error: unknown): StartupError {
  const reason = postgres ? postgresReason(database, error) : sqliteReason(error);
  return new StartupError(`${variable('EUJP_DB', database)}: ${reason}`, { cause: error });
}

function sqliteReason(error: unknown): string {
  const message = errorMessage(error);
  switch (errorCode(error)) {
    case 'SQLITE_NOTADB':
      return 'is not a SQLite database (file is not a database)';
    case 'SQLITE_CANTOPEN':
      return 'cannot be opened: is it a folder, or is its folder missing or not writable by this user?';
    case 'SQLITE_READONLY':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `is not writable by this user (${message})`;
    case 'EEXIST':
    case 'ENOTDIR':
      return 'its folder cannot be created: a part of the path is a file';
    case 'SQLITE_CORRUPT':
      return `is damaged (${message}); restore a backup`;
    default:
      return message;
  }
}

function postgresReason(database: string, error: unknown): string {
  const message = errorMessage(error);
  const url = safeUrl(database);
  const where = url ? `${url.hostname}:${url.port || '5432'}` : 'the server';
  switch (errorCode(error)) {
    case 'ECONNREFUSED':
      return `connection refused at ${where}: is Postgres running and listening there?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${url?.hostname ?? ''} not found`;
    case 'ETIMEDOUT':
      return `no answer from ${where} (${message})`;
    case '3D000':
      return `${message}: create it first (createdb ${url?.pathname.slice(1) ?? ''})`;
    case '28P01':
    case '28000':
      return `Postgres refused the login (${message})`;
    default:
      // pg's own time limits: the connection was accepted but nothing answered (a partition).
      if (/timeout/i.test(message)) return `no answer from ${where} (${message})`;
      return message;
  }
}

function safeUrl(database: string): URL | undefined {
  try {
    return new URL(database);
  } catch {
    return undefined;
  }
}
