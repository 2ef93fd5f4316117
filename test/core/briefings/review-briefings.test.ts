import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkRegisterUrls } from '../../../src/core/briefings/check-register-urls.ts';
import { loadBriefingLibrary } from '../../../src/core/briefings/load-briefing-library.ts';
import { reviewBriefings } from '../../../src/core/briefings/review-briefings.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/briefings');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eujp-review-'));
  await cp(FIXTURES, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

const load = () => loadBriefingLibrary(dir, { complete: false });

describe('editorial warnings', () => {
  it('warns on a briefing whose newest fact is older than the allowed age, and only then', async () => {
    const library = await load();
    expect(reviewBriefings(library, { today: '2025-11-08' })).toEqual([]);
    expect(reviewBriefings(library, { today: '2025-11-09' }).map((w) => `${w.file}: ${w.message}`)).toEqual([
      'ai.md: is 2025-05-12, 181 days ago (over 180); last checked 2026-11-20: look for newer facts, then update checked',
      'quantum.md: is 2025-05-12, 181 days ago (over 180); last checked 2025-05-12: look for newer facts, then update checked',
    ]);
    expect(reviewBriefings(library, { today: '2025-11-09', maxAgeDays: 365 })).toEqual([]);
  });

  it('warns on a claim resting only on a secondary source when a primary one covers its event', async () => {
    await edit('sources.yaml', (text) =>
      text
        .replace('kind: primary', 'kind: primary\n  event: fixture-council')
        .replace('kind: secondary', 'kind: secondary\n  event: fixture-council'),
    );
    const warnings = reviewBriefings(await load(), { today: '2025-05-12' });
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0]).toEqual({
      file: 'ai.md',
      field: 'body',
      message:
        '"sides agreed to work together on shared research and exchange of ex…" rests only on secondary sources, but the register holds a primary one on fixture-council: first-fixture-source',
    });
  });

  it('says nothing about a secondary claim when no primary source covers the event', async () => {
    await edit('sources.yaml', (text) =>
      text.replace('kind: secondary', 'kind: secondary\n  event: fixture-council'),
    );
    expect(reviewBriefings(await load(), { today: '2025-05-12' })).toEqual([]);
  });
});

describe('register URLs against the fact sheets', () => {
  it('accepts URLs the sheets list, even at the end of a sentence or in brackets', async () => {
    const library = await load();
    const sheet = 'Seen at https://example.org/one. Also (https://example.org/two).';
    expect(checkRegisterUrls(library.register, [sheet])).toEqual([]);
  });

  it('refuses a URL no sheet lists, and a near miss', async () => {
    const library = await load();
    expect(
      checkRegisterUrls(library.register, ['https://example.org/one/ and https://example.org/tw']),
    ).toEqual([
      {
        file: 'sources.yaml',
        field: 'first-fixture-source.url',
        message: 'is not listed in the fact sheets; copy URLs exactly as the researchers recorded them',
      },
      {
        file: 'sources.yaml',
        field: 'second-fixture-source.url',
        message: 'is not listed in the fact sheets; copy URLs exactly as the researchers recorded them',
      },
    ]);
  });
});
