import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BriefingValidationError } from '../../../src/core/briefings/briefing-problems.ts';
import { loadBriefingLibrary } from '../../../src/core/briefings/load-briefing-library.ts';
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
  it('loads the real content: nine topics in two languages and dated developments, newest first', async () => {
    const library = await loadBriefingLibrary(BRIEFINGS_DIR);
    expect(library.briefings.size).toBe(9);
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

  it('reports a source that is never cited and numbering with gaps', async () => {
    await edit('quantum.md', (text) => text.replaceAll('[2]', '[1]').replace('  - n: 2', '  - n: 3'));
    const problems = await problemsOf();
    expect(problems).toContain('quantum.md: sources[1].n: is 3; sources must be numbered 1, 2, 3… in order');
  });

  it('reports a bad URL, a missing title and an impossible date, all at once', async () => {
    await edit('ai.md', (text) =>
      text
        .replace('https://example.org/one', 'not a url')
        .replace('title: Artificial intelligence\n', '')
        .replace('as_of: 2025-05-12', 'as_of: 2025-02-30'),
    );
    const problems = await problemsOf();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^ai\.md: sources\[0\]\.url: /),
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
    await edit('ai.ja.md', (text) => text.replace('学生の交流 [1]', '学生の交流'));
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

  it('demands the complete set (nine topics, Japanese for each) for production content', async () => {
    await expect(loadBriefingLibrary(dir)).rejects.toThrow(/quantum\.ja\.md: \(file\): is missing/);
  });

  it('never reads a file outside the briefings directory through a symlink', async () => {
    await symlink('/etc/hostname', path.join(dir, 'hpc.md'));
    expect(await problemsOf()).toContain('hpc.md: (file): points outside the briefings directory');
  });
});
