import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import type { BriefingLibrary } from '../src/core/briefings/briefing.ts';
import { loadBriefingLibrary } from '../src/core/briefings/load-briefing-library.ts';
import { createTopicIndex } from '../src/core/topics/topic-index.ts';
import {
  AMBIGUOUS_QUERIES,
  LATEST_QUERIES,
  NON_MATCHING_QUERIES,
  RESOLUTION_QUERIES,
} from '../test/fixtures/resolution-queries.ts';
import { type BenchResult, percentile, round, timeSync } from './measure.ts';
import { syntheticLibrary, syntheticQueries } from './synthetic-library.ts';

const SIZES = [9, 1_000, 10_000];
const RESOLVES_PER_SIZE = 1_000;

/** A topic id (its briefing), `latest:<id|all>` (the timeline), `ambiguous`, or null (not found). */
type Resolver = (query: string) => string | null;

const LATEST = 'latest:';
const AMBIGUOUS = 'ambiguous';

/** eujp's index: exact → normalised → typo → content words → guarded full text. */
function eujpResolver(library: BriefingLibrary): Resolver {
  const index = createTopicIndex(library);
  // The full-text index is built on first use; build it here so build_ms counts it.
  index.search('');
  return (query) => {
    const resolution = index.resolve(query);
    switch (resolution.kind) {
      case 'topic':
        return resolution.topic;
      case 'latest':
        return `${LATEST}${resolution.topic ?? 'all'}`;
      case 'ambiguous':
        return AMBIGUOUS;
      default:
        return null;
    }
  };
}

/** The baseline anyone would write: Fuse.js with its defaults over the same fields, top hit wins. */
function fuseResolver(library: BriefingLibrary): Resolver {
  const documents = [...library.briefings.values()].map((briefing) => ({
    id: briefing.id,
    title: briefing.text.en.title,
    aliases: [...briefing.aliases, ...briefing.aliasesJa],
    summary: briefing.text.en.summary,
    body: briefing.text.en.sections
      .flatMap((section) => [...section.paragraphs, ...section.bullets])
      .join(' '),
  }));
  const fuse = new Fuse(documents, { keys: ['title', 'aliases', 'summary', 'body'] });
  return (query) => fuse.search(query)[0]?.item.id ?? null;
}

const isBriefing = (answer: string | null): answer is string =>
  answer !== null && answer !== AMBIGUOUS && !answer.startsWith(LATEST);

/**
 * Correct answers over the whole table, and wrong briefings: a briefing of a topic the query
 * was not about (for "what's new" alone, any briefing; for "chips and quantum", one not named).
 */
function accuracy(resolve: Resolver): { correct: number; total: number; wrongBriefings: number } {
  const expectations: Array<
    [query: string, expected: string | null, acceptableBriefings: readonly string[]]
  > = [
    ...Object.values(RESOLUTION_QUERIES)
      .flat()
      .map(([query, topic]) => [query, topic, [topic]] as [string, string, string[]]),
    ...NON_MATCHING_QUERIES.map((query) => [query, null, []] as [string, null, string[]]),
    ...LATEST_QUERIES.map(
      ([query, topic]) =>
        [query, `${LATEST}${topic ?? 'all'}`, topic ? [topic] : []] as [string, string, string[]],
    ),
    ...AMBIGUOUS_QUERIES.map(
      ([query, topics]) => [query, AMBIGUOUS, topics] as [string, string, readonly string[]],
    ),
  ];
  let correct = 0;
  let wrongBriefings = 0;
  for (const [query, expected, acceptable] of expectations) {
    const answer = resolve(query);
    // For a query that must match nothing, any answer but a briefing is right ("ai chips
    // quantum cyber" may ask which topic is meant).
    if (answer === expected || (expected === null && !isBriefing(answer))) correct++;
    else if (isBriefing(answer) && !acceptable.includes(answer)) wrongBriefings++;
  }
  return { correct, total: expectations.length, wrongBriefings };
}

/** Index build time and resolve latency at 9, 1,000 and 10,000 briefings, eujp against Fuse.js. */
export async function run(): Promise<BenchResult> {
  const real = await loadBriefingLibrary('briefings');
  const metrics: Record<string, number | string> = {};
  for (const [name, build] of [
    ['eujp', eujpResolver],
    ['fuse', fuseResolver],
  ] as const) {
    const score = accuracy(build(real));
    metrics[`${name}.accuracy`] = `${score.correct}/${score.total}`;
    metrics[`${name}.wrong_briefings`] = score.wrongBriefings;
  }
  for (const size of SIZES) {
    const library = syntheticLibrary(real, size);
    const realQueries = Object.values(RESOLUTION_QUERIES)
      .flat()
      .map(([query]) => query);
    const queries = [
      ...realQueries,
      ...NON_MATCHING_QUERIES,
      ...LATEST_QUERIES.map(([query]) => query),
      ...AMBIGUOUS_QUERIES.map(([query]) => query),
      ...syntheticQueries(200, size),
    ];
    for (const [name, build] of [
      ['eujp', eujpResolver],
      ['fuse', fuseResolver],
    ] as const) {
      let resolve: Resolver = () => null;
      const buildMs = timeSync(() => {
        resolve = build(library);
      });
      const runs = size >= 10_000 && name === 'fuse' ? RESOLVES_PER_SIZE / 10 : RESOLVES_PER_SIZE;
      const latencies = Array.from({ length: runs }, (_, i) =>
        timeSync(() => resolve(queries[i % queries.length]!)),
      );
      metrics[`${name}.n${size}.build_ms`] = round(buildMs, 1);
      metrics[`${name}.n${size}.resolve_p50_ms`] = round(percentile(latencies, 50));
      metrics[`${name}.n${size}.resolve_p99_ms`] = round(percentile(latencies, 99));
    }
  }
  Object.assign(metrics, await measureReload(syntheticLibrary(real, RELOAD_SIZE)));
  return { name: 'topic resolution (eujp vs Fuse.js defaults)', metrics };
}

const RELOAD_SIZE = 10_000;
const STALL_BUDGET_MS = 50;

/**
 * A content reload at 10,000 briefings as the bot runs it: the new index is built a slice per
 * turn of the event loop while the old one answers. The longest event-loop stall during the build
 * is what a slash command arriving then would wait before its handler even ran.
 */
async function measureReload(library: BriefingLibrary): Promise<Record<string, number | string>> {
  const previous = createTopicIndex(library);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const resolveLatencies: number[] = [];
  const probe = setInterval(() => {
    resolveLatencies.push(timeSync(() => index.resolve('semiconductor supply chain')));
  }, 20);
  delay.enable();
  const started = process.hrtime.bigint();
  // The build is complete when a slice runs without scheduling another.
  let index: ReturnType<typeof createTopicIndex> = previous;
  await new Promise<void>((resolve) => {
    let scheduled = 0;
    const scheduleSlice = (work: () => void) => {
      scheduled += 1;
      setImmediate(() => {
        scheduled -= 1;
        work();
        if (scheduled === 0) resolve();
      });
    };
    index = createTopicIndex(library, { scheduleSlice, previous });
  });
  const totalMs = Number(process.hrtime.bigint() - started) / 1e6;
  delay.disable();
  clearInterval(probe);
  const maxStallMs = delay.max / 1e6;
  return {
    [`eujp.reload_n${RELOAD_SIZE}.sliced_build_ms`]: round(totalMs, 0),
    [`eujp.reload_n${RELOAD_SIZE}.max_event_loop_stall_ms`]: `${round(maxStallMs, 1)} (budget ${STALL_BUDGET_MS} ${maxStallMs <= STALL_BUDGET_MS ? 'met' : 'MISSED'})`,
    [`eujp.reload_n${RELOAD_SIZE}.resolve_during_reload_p99_ms`]: round(percentile(resolveLatencies, 99)),
  };
}
