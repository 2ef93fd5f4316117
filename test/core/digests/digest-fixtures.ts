import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Briefing, BriefingLibrary, Development } from '../../../src/core/briefings/briefing.ts';
import type { Logger } from '../../../src/core/ports.ts';
import type { TopicId } from '../../../src/core/topics/topic-ids.ts';

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function briefing(id: TopicId, title: string, asOf: string, ja?: string): Briefing {
  const source = {
    n: 1,
    title: `${title} source`,
    publisher: 'European Commission',
    date: asOf,
    url: `https://example.eu/${id}`,
  };
  const text = (heading: string, lead: string) => ({
    title: heading,
    summary: `${lead} summary`,
    sections: [
      { heading: 'Background', paragraphs: [`${lead} background [1].`], bullets: [] },
      { heading: 'Next steps', paragraphs: [`${lead} next steps [1].`], bullets: [] },
    ],
    sources: [source],
  });
  return {
    id,
    aliases: [],
    aliasesJa: [],
    related: [],
    asOf,
    checked: asOf,
    sourceIds: [`${id}-source`],
    text: ja ? { en: text(title, title), ja: text(ja, ja) } : { en: text(title, title) },
    file: `briefings/${id}.md`,
  };
}

export function development(id: string, date: string, topics: TopicId[], textJa?: string): Development {
  return {
    id,
    date,
    topics,
    text: `${id} happened`,
    ...(textJa ? { textJa } : {}),
    sources: [{ title: `${id} press release`, publisher: 'MIC', date, url: `https://example.jp/${id}` }],
    sourceIds: [`${id}-press-release`],
  };
}

/** A small library: three topics, four developments (newest first, as the loader sorts them). */
export function createLibrary(
  overrides: { asOf?: Partial<Record<TopicId, string>>; extra?: Development[] } = {},
): BriefingLibrary {
  const briefings = new Map<TopicId, Briefing>([
    [
      'semiconductors',
      briefing('semiconductors', 'Semiconductors', overrides.asOf?.semiconductors ?? '2025-05-12', '半導体'),
    ],
    [
      'quantum',
      briefing('quantum', 'Quantum technology', overrides.asOf?.quantum ?? '2025-05-13', '量子技術'),
    ],
    ['ai', briefing('ai', 'Artificial intelligence', overrides.asOf?.ai ?? '2025-05-12')],
  ]);
  const developments = [
    development('quantum-loi', '2025-05-13', ['quantum'], '量子の協力趣意書'),
    development('council-3', '2025-05-12', ['semiconductors', 'ai']),
    development('chips-workshop', '2025-04-20', ['semiconductors']),
    development('council-2', '2024-04-30', ['semiconductors', 'ai']),
    ...(overrides.extra ?? []),
  ].sort((a, b) => b.date.localeCompare(a.date));
  return { briefings, developments, register: new Map() };
}

/** A temporary folder for real SQLite files, removed by `cleanup`. */
export function createTempDir(): { path: (name: string) => string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eujp-digests-'));
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
