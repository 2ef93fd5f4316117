import type { Statement } from 'better-sqlite3';

/**
 * The first row an INSERT/UPDATE … RETURNING gives back, read with `.all()`. Never `.get()` on
 * a write: it returns the row after the first step, and when the commit that follows fails
 * (SQLITE_FULL on a full disk) the error is dropped, so a caller is told of a write that never
 * happened. `.all()` and `.run()` step to the end and throw.
 */
export function writeReturning<Row>(statement: Statement, params: Record<string, unknown>): Row | undefined {
  return statement.all(params)[0] as Row | undefined;
}
