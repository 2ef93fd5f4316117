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

// Dependencies point inward (docs/decisions/0001): the core knows no platform, storage, environment
// or wall clock, so every adapter and backend can change without touching it. This test proves it.
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

  it('imports Slack and Discord libraries only inside src/adapters/', async () => {
    // Static imports and re-exports, type-only ones included: a type import still ties the file to
    // the library's version. A dynamic `import('../adapters/…')` of an adapter module is fine: the
    // adapter imports the library, the caller does not.
    const platformLibrary =
      /(?:from|import\s*\(?|require\s*\()\s*['"](@slack\/[^'"]*|discord\.js|@discordjs\/[^'"]*)['"]/g;
    const found: string[] = [];
    for (const file of await filesUnder('.')) {
      if (file.startsWith(`adapters${path.sep}`)) continue;
      const source = await readFile(path.join(SRC, file), 'utf8');
      for (const [, library] of source.matchAll(platformLibrary)) found.push(`${file}: imports ${library}`);
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
