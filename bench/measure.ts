/** Percentile of a list of durations in milliseconds (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Milliseconds a synchronous call takes, measured with the high-resolution clock. */
export function timeSync(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Milliseconds an async call takes. */
export async function timeAsync(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Rounds for the report: three significant decimals are plenty for milliseconds. */
export function round(value: number, digits = 3): number {
  return Number(value.toFixed(digits));
}

export interface BenchResult {
  name: string;
  metrics: Record<string, number | string>;
}
