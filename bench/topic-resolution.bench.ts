import { monitorEventLoopDelay } from 'node:perf_hooks';
import Fuse from 'fuse.js';
import type { BriefingLibrary } from '../src/core/briefings/briefing.ts';
import { loadBriefingLibrary } from '../src/core/briefings/load-briefing-library.ts';
import { createTopicIndex } from '../src/core/topics/topic-index.ts';
import { NON_MATCHING_QUERIES, RESOLUTION_QUERIES } from '../test/fixtures/resolution-queries.ts';
import { type BenchResult, percentile, round, timeSync } from './measure.ts';
import { syntheticLibrary, syntheticQueries } from './synthetic-library.ts';

const SIZES = [9, 1_000, 10_000];
const RESOLVES_PER_SIZE = 1_000;

type Resolver = (query: string) => string | null;

/** eujp's index: exact → normalised → typo → guarded full text. */
function eujpResolver(library: BriefingLibrary): Resolver {
  const index = createTopicIndex(library);
  return (query) => {
    const resolution = index.resolve(query);
    return resolution.kind === 'topic' ? resolution.topic : null;
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

function accuracy(resolve: Resolver): { correct: number; total: number; wrongBriefings: number } {
  const positives = Object.values(RESOLUTION_QUERIES).flat();
  let correct = 0;
  let wrongBriefings = 0;
  for (const [query, topic] of positives) {
    const answer = resolve(query);
    if (answer === topic) correct++;
    else if (answer !== null) wrongBriefings++;
  }
  for (const query of NON_MATCHING_QUERIES) {
    if (resolve(query) === null) correct++;
    else wrongBriefings++;
  }
  return { correct, total: positives.length + NON_MATCHING_QUERIES.length, wrongBriefings };
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
    const queries = [...realQueries, ...NON_MATCHING_QUERIES, ...syntheticQueries(200, size)];
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
