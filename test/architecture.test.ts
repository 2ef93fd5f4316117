import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../src');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(SRC, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(SRC, path.join(entry.parentPath, entry.name)));
}

async function offenders(dir: string, forbidden: ReadonlyArray<[RegExp, string]>): Promise<string[]> {
  const found: string[] = [];
  for (const file of await filesUnder(dir)) {
    const source = await readFile(path.join(SRC, file), 'utf8');
    for (const [pattern, what] of forbidden) if (pattern.test(source)) found.push(`${file}: ${what}`);
  }
  return found;
}

// STYLE.md principle 2: dependencies point inward, and this test proves it.
describe('the architecture', () => {
  it('keeps the core free of platforms, storage, the environment and the wall clock', async () => {
    expect(
      await offenders('core', [
        [/from ['"]@slack\//, 'imports Slack'],
        [/from ['"]discord\.js['"]|from ['"]@discordjs\//, 'imports discord.js'],
        [/from ['"][./]*\/adapters\//, 'imports an adapter'],
        [/from ['"][./]*\/storage\//, 'imports a storage implementation'],
        [/from ['"]better-sqlite3['"]|from ['"]pg['"]/, 'imports a database driver'],
        [/process\.env/, 'reads process.env'],
        [/Date\.now\(\)|new Date\(\)/, 'reads the wall clock instead of the injected Clock'],
      ]),
    ).toEqual([]);
  });

  it('keeps adapters apart: Slack and Discord never import each other', async () => {
    expect(
      await offenders('adapters/slack', [[/from ['"][./]*\/discord\/|discord\.js/, 'imports Discord']]),
    ).toEqual([]);
    expect(
      await offenders('adapters/discord', [[/from ['"][./]*\/slack\/|@slack\//, 'imports Slack']]),
    ).toEqual([]);
  });

  it('keeps storage free of chat platforms', async () => {
    expect(
      await offenders('storage', [
        [/from ['"][./]*\/adapters\//, 'imports an adapter'],
        [/@slack\/|discord\.js/, 'imports a platform'],
      ]),
    ).toEqual([]);
  });

  it("builds the editors' preview from the adapters' pure renderers, never their network code", async () => {
    const pure = /^\.\.\/adapters\/(slack\/to-slack-message|discord\/to-discord-messages)\.ts$/;
    const found: string[] = [];
    for (const file of await filesUnder('preview')) {
      const source = await readFile(path.join(SRC, file), 'utf8');
      for (const [, target] of source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g))
        if (target?.includes('/adapters/') && !pure.test(target)) found.push(`${file}: imports ${target}`);
      if (/from ['"](@slack\/bolt|discord\.js)['"]/.test(source.replace(/import type[^;]+;/g, '')))
        found.push(`${file}: imports a platform library`);
    }
    expect(found).toEqual([]);
  });

  it('reads the environment only in entry points and config', async () => {
    const readers = (await offenders('.', [[/process\.env/, 'reads process.env']])).map(
      (line) => line.split(':')[0],
    );
    for (const file of readers)
      expect(file).toMatch(
        /^(main\.ts|sharded-main\.ts|shard-main\.ts|config\.ts|cli\/|adapters\/discord\/register-commands\.ts)/,
      );
  });
});
