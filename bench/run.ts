import type { BenchResult } from './measure.ts';

// `npm run bench [-- --json] [-- --only=<name>]`: every benchmark, one after another, so they
// do not compete for the two cores. Each module stops by itself and talks only to loopback.
const BENCHES: Record<string, () => Promise<{ run(): Promise<BenchResult> }>> = {
  topics: () => import('./topic-resolution.bench.ts'),
  slack: () => import('./slack-ack.bench.ts'),
  discord: () => import('./discord-interaction.bench.ts'),
  digests: () => import('./digest-fanout.bench.ts'),
  startup: () => import('./startup-memory.bench.ts'),
  replicas: () => import('./replica-fanout.bench.ts'),
  intl: () => import('./intl-memory.bench.ts'),
  'cron-libraries': () => import('./cron-libraries.bench.ts'),
};

const json = process.argv.includes('--json');
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const results: Array<BenchResult | { name: string; error: string }> = [];

for (const [key, load] of Object.entries(BENCHES)) {
  if (only && !only.includes(key)) continue;
  try {
    const result = await (await load()).run();
    results.push(result);
    if (!json) printResult(result);
  } catch (error) {
    const failure = { name: key, error: error instanceof Error ? error.message : String(error) };
    results.push(failure);
    if (!json) console.log(`\n${key}: FAILED: ${failure.error}`);
    process.exitCode = 1;
  }
}
if (json) console.log(JSON.stringify(results, null, 2));

function printResult(result: BenchResult): void {
  console.log(`\n${result.name}`);
  const width = Math.max(...Object.keys(result.metrics).map((key) => key.length));
  for (const [key, value] of Object.entries(result.metrics)) console.log(`  ${key.padEnd(width)}  ${value}`);
}
