import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriefingValidationError } from '../../../src/core/briefings/briefing-problems.ts';
import { loadBriefingLibrary } from '../../../src/core/briefings/load-briefing-library.ts';
import { TOPIC_IDS } from '../../../src/core/topics/topic-ids.ts';
import { BRIEFINGS_DIR } from '../../support/test-core.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/briefings');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eujp-briefings-'));
  await cp(FIXTURES, dir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

async function problemsOf(): Promise<string[]> {
  try {
    await loadBriefingLibrary(dir, { complete: false });
  } catch (error) {
    if (error instanceof BriefingValidationError)
      return error.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('loading the briefings', () => {
  it('loads the real content: ten topics in two languages and dated developments, newest first', async () => {
    const library = await loadBriefingLibrary(BRIEFINGS_DIR);
    expect(library.briefings.size).toBe(TOPIC_IDS.length);
    for (const briefing of library.briefings.values()) expect(briefing.text.ja).toBeDefined();
    expect(library.developments.length).toBeGreaterThan(10);
    const dates = library.developments.map((development) => development.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('loads valid fixtures with sections, bullets and sources', async () => {
    const library = await loadBriefingLibrary(dir, { complete: false });
    const ai = library.briefings.get('ai')!;
    expect(ai.text.en.sections[0]?.heading).toBe('What was agreed');
    expect(ai.text.en.sections[0]?.bullets).toHaveLength(2);
    expect(ai.text.en.sources[1]).toMatchObject({ n: 2, url: 'https://example.org/two' });
    expect(ai.text.ja?.title).toBe('人工知能');
  });

  it('names the file and field of a citation without a source', async () => {
    await edit('ai.md', (text) => text.replace('## Why it matters\n', '## Why it matters\nA claim [7].\n'));
    expect(await problemsOf()).toContain('ai.md: body: cites [7] but there is no source 7');
  });

  it('reports a source that is never cited', async () => {
    await edit('quantum.md', (text) => text.replaceAll('[2]', '[1]'));
    expect(await problemsOf()).toContain('quantum.md: sources[1]: source 2 is never cited in the body');
  });

  it('reports a bad URL, a missing title and an impossible date, all at once', async () => {
    await edit('sources.yaml', (text) => text.replace('https://example.org/one', 'not a url'));
    await edit('ai.md', (text) =>
      text.replace('title: Artificial intelligence\n', '').replace('as_of: 2025-05-12', 'as_of: 2025-02-30'),
    );
    const problems = await problemsOf();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sources\.yaml: \[0\]\.url: /),
        expect.stringMatching(/^ai\.md: title: /),
        'ai.md: as_of: is not a real calendar date',
      ]),
    );
  });

  it('refuses an unknown topic id, a file named after another topic and broken YAML', async () => {
    await edit('quantum.md', (text) => text.replace('id: quantum', 'id: blockchain'));
    await writeFile(path.join(dir, 'hpc.md'), '---\nid: hpc\ntitle: [unclosed\n---\nbody\n');
    const problems = await problemsOf();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^quantum\.md: id: /),
        expect.stringMatching(/^hpc\.md: front matter: not valid YAML/),
      ]),
    );
  });

  it('refuses markup the renderers would show three different ways', async () => {
    await edit('ai.md', (text) =>
      text.replace('## Why it matters\n', '## Why it matters\nSee **this** [link](https://x.org) [1].\n'),
    );
    const problems = await problemsOf();
    expect(problems.some((problem) => problem.includes('links are not allowed'))).toBe(true);
    expect(problems.some((problem) => problem.includes('bold, italics and code'))).toBe(true);
  });

  it('requires a Japanese text to cite the same sources as the English one', async () => {
    await edit('ai.ja.md', (text) => text.replace('学生の交流 [1]', '学生の交流').replace('[1][2]', '[2]'));
    await edit('ai.ja.md', (text) =>
      text.replace('両者は研究協力で合意した [1]', '両者は研究協力で合意した [2]'),
    );
    expect(await problemsOf()).toEqual(
      expect.arrayContaining([
        'ai.ja.md: sources[0]: source 1 is never cited in the body',
        'ai.ja.md: body: cites [2] but ai.md cites [1,2]',
      ]),
    );
  });

  it('refuses a Japanese section that cites other documents than the same English section', async () => {
    // The body as a whole still cites [1] and [2]: only the section-by-section check sees it.
    await edit('ai.ja.md', (text) =>
      text.replace('国境を越えた協力が進む [1][2]', '国境を越えた協力が進む [2]'),
    );
    expect(await problemsOf()).toEqual([
      'ai.ja.md: body section 2: cites [2] but the same section of ai.md cites [1,2]',
    ]);
  });

  it('refuses sources or dates in a Japanese file: the English file declares them for both', async () => {
    await edit('ai.ja.md', (text) => text.replace('summary:', 'sources: [second-fixture-source]\nsummary:'));
    expect(await problemsOf()).toEqual([
      'ai.ja.md: sources: is declared once, in the English file (dates, sources, aliases and related cover both languages)',
    ]);
  });

  it('names a citation of a source id the register does not hold', async () => {
    await edit('quantum.md', (text) => text.replace('  - second-fixture-source', '  - second-fixture-sauce'));
    expect(await problemsOf()).toContain(
      'quantum.md: sources[1]: "second-fixture-sauce" is not in sources.yaml',
    );
  });

  it('names a development source the register does not hold', async () => {
    await edit('developments.yaml', (text) =>
      text.replace('    - first-fixture-source', '    - no-such-source'),
    );
    expect(await problemsOf()).toContain(
      'developments.yaml: [1].sources[0]: "no-such-source" is not in sources.yaml',
    );
  });

  const orphan = (url: string) =>
    `\n- id: orphan-source\n  title: Orphan\n  publisher: MIC\n  date: 2024-01-01\n  url: ${url}\n  language: en\n  kind: primary\n`;

  it('refuses a register entry nobody cites', async () => {
    await edit('sources.yaml', (text) => `${text}${orphan('https://example.org/three')}`);
    expect(await problemsOf()).toEqual([
      'sources.yaml: orphan-source: is cited by no briefing and no development; remove it or cite it',
    ]);
  });

  it('refuses a document described twice', async () => {
    await edit('sources.yaml', (text) => `${text}${orphan('https://example.org/one')}`);
    expect(await problemsOf()).toEqual([
      'sources.yaml: [2].url: is also the URL of "first-fixture-source": describe each document once',
    ]);
  });

  it('refuses a checked date before the newest fact', async () => {
    await edit('ai.md', (text) => text.replace(/checked: .*/, 'checked: 2025-05-01'));
    expect(await problemsOf()).toContain(
      'ai.md: checked: is 2025-05-01, before as_of 2025-05-12; an editor checks after the newest fact',
    );
  });

  it('gives the Japanese reader the same documents, with the publisher named in Japanese', async () => {
    const library = await loadBriefingLibrary(dir, { complete: false });
    const ai = library.briefings.get('ai')!;
    expect(ai.text.ja?.sources.map((s) => s.url)).toEqual(ai.text.en.sources.map((s) => s.url));
    expect(ai.text.ja?.sources[0]?.publisher).toBe('欧州委員会');
    expect(ai.text.en.sources[0]?.publisher).toBe('European Commission');
    expect(ai).toMatchObject({ asOf: '2025-05-12', checked: '2026-11-20' });
  });

  it('counts words so a briefing stays skimmable', async () => {
    await edit('quantum.md', (text) =>
      text.replace(/## Why it matters[\s\S]*$/, '## Why it matters\nShort [1][2].\n'),
    );
    expect((await problemsOf()).some((problem) => /quantum\.md: body: has \d+ words/.test(problem))).toBe(
      true,
    );
  });

  it('refuses an alias that already names another topic', async () => {
    await edit('quantum.md', (text) =>
      text.replace('aliases: [quantum computing]', 'aliases: [quantum computing, Machine Learning]'),
    );
    expect(await problemsOf()).toContain('quantum.md: aliases: "machine learning" also names topic ai');
  });

  it('validates developments by entry and field', async () => {
    await edit('developments.yaml', (text) =>
      text.replace('date: 2024-04-30\n  topics: [ai]', 'date: 2024-13-01\n  topics: [nonsense]'),
    );
    const problems = await problemsOf();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^developments\.yaml: \[1\]\.date: /),
        expect.stringMatching(/^developments\.yaml: \[1\]\.topics\[0\]: /),
      ]),
    );
  });

  it('demands the complete set (every topic, Japanese for each) for production content', async () => {
    await expect(loadBriefingLibrary(dir)).rejects.toThrow(/quantum\.ja\.md: \(file\): is missing/);
  });

  it('never reads a file outside the briefings directory through a symlink', async () => {
    await symlink('/etc/hostname', path.join(dir, 'hpc.md'));
    expect(await problemsOf()).toContain('hpc.md: (file): points outside the briefings directory');
  });
});
