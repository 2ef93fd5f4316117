import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingLibrary } from '../../../src/core/briefings/briefing.ts';
import { loadBriefingLibrary } from '../../../src/core/briefings/load-briefing-library.ts';
import { createCore } from '../../../src/core/create-core.ts';
import { describeAge } from '../../../src/core/i18n/describe-age.ts';
import { silentLogger } from '../../support/test-core.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/briefings');
let library: BriefingLibrary;
beforeAll(async () => {
  library = await loadBriefingLibrary(FIXTURES, { complete: false });
});

/** A core over the fixtures whose clock the test moves. */
function coreAt(start: string) {
  let now = new Date(start);
  const core = createCore({
    getLibrary: () => library,
    clock: { now: () => new Date(now) },
    logger: silentLogger,
    rateLimits: false,
  });
  return { core, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('how old a briefing is, in words', () => {
  it.each([
    ['2026-12-02', 'today', '今日'],
    ['2026-12-01', 'yesterday', '昨日'],
    ['2026-11-29', '3 days ago', '3日前'],
    ['2026-11-18', '2 weeks ago', '2週間前'],
    ['2026-09-24', '2 months ago', '2か月前'],
    ['2025-05-12', '19 months ago', '19か月前'],
    ['2023-07-03', '3 years ago', '3年前'],
  ])('%s seen on 2 December 2026 is "%s" / "%s"', (date, en, ja) => {
    const now = new Date('2026-12-02T15:00:00Z');
    expect(describeAge(date, now, 'en')).toBe(en);
    expect(describeAge(date, now, 'ja')).toBe(ja);
  });
});

describe('the freshness a briefing reply shows', () => {
  it('shows as_of with its age and, when different, the date it was checked, in both languages', async () => {
    const { core } = coreAt('2026-12-02T09:00:00Z');
    const english = await core.handle('ai', {});
    expect(english.footer).toBe('As of 12 May 2025, 19 months ago · checked 20 November 2026 · 2 sources');
    expect(english).toMatchObject({ asOf: '2025-05-12', checkedOn: '2026-11-20' });
    const japanese = await core.handle('ai lang=ja', {});
    expect(japanese.footer).toBe('2025年5月12日時点(19か月前)・2026年11月20日確認・出典2件');
  });

  it('leaves the checked date out when it is the as_of date', async () => {
    const { core } = coreAt('2025-05-20T09:00:00Z');
    expect((await core.handle('quantum', {})).footer).toBe('As of 12 May 2025, 8 days ago · 2 sources');
    expect((await core.handle('sources quantum', {})).footer).toBe('As of 12 May 2025, 8 days ago');
  });

  it('ages with the clock at answer time, not at load time', async () => {
    const { core, setNow } = coreAt('2025-05-13T09:00:00Z');
    expect((await core.handle('quantum', {})).footer).toContain('yesterday');
    setNow('2026-05-13T09:00:00Z');
    expect((await core.handle('quantum', {})).footer).toContain('12 months ago');
  });
});

describe('the latest development is easy to find', () => {
  it('timeline opens with the newest development', async () => {
    const { core } = coreAt('2026-12-02T09:00:00Z');
    const reply = await core.handle('timeline', {});
    expect(reply.summary).toBe('Latest: 12 May 2025 — A fixture council meeting took place.');
    const japanese = await core.handle('timeline lang=ja', {});
    expect(japanese.summary).toBe('最新：2025年5月12日 テスト用の会合が開かれた。');
  });

  it('help leads with what is new and offers the timeline', async () => {
    const { core } = coreAt('2026-12-02T09:00:00Z');
    const reply = await core.handle('help', {});
    expect(reply.sections[0]).toMatchObject({
      heading: 'What’s new',
      items: [
        { date: '2025-05-12', text: 'A fixture council meeting took place.', url: 'https://example.org/two' },
      ],
    });
    expect(reply.actions.map((action) => action.command)).toContain('timeline lang=en');
  });

  it('does not call a development dated after today the latest', async () => {
    const { core } = coreAt('2025-05-01T09:00:00Z');
    expect((await core.handle('timeline', {})).summary).toBe(
      'Latest: 30 April 2024 — A fixture memorandum was signed.',
    );
  });
});

describe('the sources list says which documents are not primary', () => {
  it('marks secondary sources and leaves primary ones plain, in both languages', async () => {
    const { core } = coreAt('2026-12-02T09:00:00Z');
    const english = await core.handle('sources ai', {});
    expect(english.sections[0]?.items.map((item) => item.text)).toEqual([
      'First fixture source — European Commission, 30 April 2024',
      'Second fixture source — Digital Agency, Japan, 12 May 2025 (secondary source)',
    ]);
    const japanese = await core.handle('sources ai lang=ja', {});
    // One register entry per document: the title is the document's own, the publisher localised.
    expect(japanese.sections[0]?.items[1]?.text).toBe(
      'Second fixture source — デジタル庁, 2025年5月12日（二次資料）',
    );
  });
});
