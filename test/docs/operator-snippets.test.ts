import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/run-command.ts';
import { readSlackManifest } from '../support/slack-manifest.ts';

// What an operator copies from the docs must work as pasted: a manifest block replaces the
// manifest's own block whole, and `docker run --env-file` keeps a trailing "# note" in the value.
const read = (file: string) => readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
const DOCS = [
  'README.md',
  ...['operations', 'scaling', 'slack-setup', 'discord-setup'].map((name) => `docs/${name}.md`),
];

function codeBlocks(markdown: string, languages: RegExp): string[] {
  return [...markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)]
    .filter((match) => languages.test(match[1] ?? ''))
    .map((match) => match[2] ?? '');
}

describe('manifest snippets in the docs', () => {
  const snippets = ['docs/slack-setup.md', 'docs/scaling.md'].flatMap((file) =>
    codeBlocks(read(file), /^ya?ml$/).map((text) => ({
      file,
      yaml: load(text) as Record<string, Record<string, unknown>>,
    })),
  );

  it('are found', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(2);
  });

  it('are complete blocks: every key of the manifest block they replace is there', async () => {
    const manifest = (await readSlackManifest()) as unknown as Record<string, Record<string, unknown>>;
    for (const { file, yaml } of snippets)
      for (const [block, content] of Object.entries(yaml)) {
        const original = manifest[block];
        if (!original) continue;
        expect(Object.keys(content).sort(), `${file}: ${block}`).toEqual(
          expect.arrayContaining(Object.keys(original).sort()),
        );
      }
  });

  it('give every slash command the description Slack requires', () => {
    const commands = snippets.flatMap(
      ({ yaml }) => (yaml.features?.slash_commands ?? []) as Array<Record<string, unknown>>,
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands)
      expect(command).toMatchObject({ command: '/eujp', description: expect.any(String) });
  });
});

describe('.env lines in the docs and .env.example', () => {
  it('keep comments on lines of their own', () => {
    const lines = [
      ...read('.env.example').split('\n'),
      ...DOCS.flatMap((file) => codeBlocks(read(file), /^(sh|bash|dotenv|env|)$/)).flatMap((block) =>
        block.split('\n'),
      ),
    ];
    const inline = lines.filter((line) => /^\s*#?\s*[A-Z][A-Z0-9_]*=\S*\s+#/.test(line));
    expect(inline).toEqual([]);
  });
});
