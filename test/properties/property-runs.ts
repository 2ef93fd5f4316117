/**
 * Runs per property: modest by default so the whole suite stays fast, raised for a soak with
 * `PROPERTY_RUNS=5000 npx vitest run test/properties test/logging`. fast-check prints the seed
 * and the shrunk counterexample of any failure; `PROPERTY_SEED` replays one.
 */
export function propertyRuns(defaultRuns: number): { numRuns: number; seed?: number } {
  const runs = Number(process.env.PROPERTY_RUNS);
  const seed = Number(process.env.PROPERTY_SEED);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    ...(process.env.PROPERTY_SEED && Number.isInteger(seed) ? { seed } : {}),
  };
}
