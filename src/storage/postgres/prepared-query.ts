import type { Pool, QueryResult, QueryResultRow } from 'pg';

/** Runs a statement on the pool; the same text is parsed and planned once per connection. */
export type PreparedQuery = <Row extends QueryResultRow = QueryResultRow>(
  text: string,
  values?: unknown[],
) => Promise<QueryResult<Row>>;

/**
 * Every statement the store sends is fixed text with parameters, so each gets a name and
 * node-postgres prepares it on first use per connection. The ledger's hot statements (claims,
 * pacing, confirms) run hundreds of times a second in a fan-out; re-parsing them each time was
 * the database's largest cost in the replica benchmark.
 */
export function createPreparedQuery(pool: Pool): PreparedQuery {
  const names = new Map<string, string>();
  return (text, values = []) => {
    let name = names.get(text);
    if (!name) {
      name = `eujp_${names.size + 1}`;
      names.set(text, name);
    }
    return pool.query({ name, text, values });
  };
}
