import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy } from '../fakes/tcp-proxy.ts';
import { type BotEnv, freePort, runBotUntilExit, spawnBot } from './bot-process.ts';
import { type FakePlatforms, startFakePlatforms } from './fake-platforms.ts';

// Every failure before "ready" must end the process with exit 1 within seconds (so Docker's restart
// policy fires), after one line naming the variable and its value. A hang, a second line of stack,
// or a message without the variable fails these tests.
const PG_URL = process.env.EUJP_TEST_PG_URL;

let dir: string;
let fakes: FakePlatforms;
let busyPort: Server;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eujp-startup-'));
  fakes = await startFakePlatforms();
  busyPort = createServer();
  await new Promise<void>((resolve) => busyPort.listen(0, '0.0.0.0', resolve));
});

afterAll(async () => {
  await new Promise((resolve) => busyPort?.close(resolve));
  await fakes?.close();
  rmSync(dir, { recursive: true, force: true });
});

const busy = () => String((busyPort.address() as { port: number }).port);

/** Discord-only against the fakes: the bot gets past the configuration check and the content. */
const discordBot = (overrides: BotEnv): BotEnv => ({
  ...fakes.botEnv({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_API_URL: '' }),
  ...overrides,
});

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

function newerSchema(): string {
  const target = path.join(dir, 'newer.sqlite');
  const db = new Database(target);
  db.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER)',
  );
  db.prepare('INSERT INTO schema_migrations VALUES (999, ?, 0)').run('from the future');
  db.close();
  return target;
}

async function expectFailure(env: BotEnv, line: RegExp): Promise<string> {
  const exit = await runBotUntilExit(env);
  expect(exit.code, exit.output).toBe(1);
  const failures = exit.lines.filter((raw) => /could not start|invalid configuration/i.test(raw));
  expect(failures, exit.output).toHaveLength(1);
  expect(failures[0]).toMatch(line);
  if (process.env.SHOW_STARTUP_LINES) console.log(failures[0]);
  return failures[0] as string;
}

describe('a start-up failure after the configuration check exits 1 at once, naming the variable', () => {
  it('EUJP_DB is a directory (cannot be opened)', async () => {
    mkdirSync(path.join(dir, 'a-folder'), { recursive: true });
    const target = path.join(dir, 'a-folder');
    await expectFailure(discordBot({ EUJP_DB: target }), new RegExp(`EUJP_DB=${target}.*cannot`, 'i'));
  });

  it('EUJP_DB lies under a file (not writable)', async () => {
    const target = `${file('plain-file', 'x')}/eujp.sqlite`;
    await expectFailure(discordBot({ EUJP_DB: target }), new RegExp(`EUJP_DB=${target}`));
  });

  it('EUJP_DB is not a database', async () => {
    const target = file('not-a-db.sqlite', 'these are notes, not a database\n'.repeat(200));
    await expectFailure(
      discordBot({ EUJP_DB: target }),
      new RegExp(`EUJP_DB=${target}.*not a (SQLite )?database`, 'i'),
    );
  });

  it('EUJP_DB holds a schema newer than the code', async () => {
    const target = newerSchema();
    await expectFailure(discordBot({ EUJP_DB: target }), /EUJP_DB=.*schema version 999 is newer/);
  });

  it('EUJP_DB is a 0-byte file that existed (refused, not started empty)', async () => {
    const target = file('emptied.sqlite', '');
    await expectFailure(discordBot({ EUJP_DB: target }), new RegExp(`EUJP_DB=${target}.*empty`, 'i'));
  });

  it('EUJP_DB fails its integrity check', async () => {
    const target = path.join(dir, 'damaged.sqlite');
    const db = new Database(target);
    db.exec('CREATE TABLE t (x TEXT); CREATE INDEX t_x ON t (x);');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(50)}`);
    })();
    db.close();
    // Overwrite the middle of the file (index and table pages) with noise.
    const bytes = readFileSync(target);
    bytes.fill(0x5a, 8192, bytes.length - 8192);
    writeFileSync(target, bytes);
    await expectFailure(discordBot({ EUJP_DB: target }), new RegExp(`EUJP_DB=${target}`));
  });

  it('EUJP_DB is a Postgres port nobody listens on', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/test`;
    await expectFailure(
      discordBot({ EUJP_DB: url }),
      /EUJP_DB=postgres:\/\/.*127\.0\.0\.1:\d+\/test.*refused/i,
    );
  });

  it.runIf(PG_URL)('EUJP_DB names a Postgres database that does not exist', async () => {
    const url = new URL(PG_URL as string);
    url.pathname = '/eujp_no_such_database';
    await expectFailure(discordBot({ EUJP_DB: url.href }), /EUJP_DB=.*eujp_no_such_database.*does not exist/);
  });

  it.runIf(PG_URL)('EUJP_DB is a Postgres that accepts connections and never answers', async () => {
    const frozen = await startTcpProxy(Number(new URL(PG_URL as string).port || 5432));
    frozen.freeze();
    try {
      const url = `postgres://postgres@127.0.0.1:${frozen.port}/test`;
      await expectFailure(
        discordBot({ EUJP_DB: url, EUJP_DB_CONNECT_TIMEOUT_SECONDS: '1' }),
        /EUJP_DB=postgres:\/\/.*: no answer from 127\.0\.0\.1:\d+ .*timeout/,
      );
    } finally {
      await frozen.close();
    }
  });

  it.runIf(PG_URL)('a SIGTERM while the store is still opening stops the bot at once (exit 0)', async () => {
    const frozen = await startTcpProxy(Number(new URL(PG_URL as string).port || 5432));
    frozen.freeze();
    try {
      const bot = await spawnBot(
        discordBot({
          EUJP_DB: `postgres://postgres@127.0.0.1:${frozen.port}/test`,
          EUJP_DB_CONNECT_TIMEOUT_SECONDS: '300',
        }),
      );
      while (frozen.connections === 0 && bot.logs.length === 0)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await bot.stop('SIGTERM'), bot.output()).toBe(0);
    } finally {
      await frozen.close();
    }
  });

  it('PORT is already in use (own health server, Discord only)', async () => {
    await expectFailure(discordBot({ PORT: busy() }), new RegExp(`PORT=${busy()}.*in use`));
  });

  it('PORT is already in use (Slack HTTP mode)', async () => {
    await expectFailure(
      fakes.botEnv({ DISCORD_TOKEN: '', DISCORD_APP_ID: '', PORT: busy() }),
      new RegExp(`PORT=${busy()}.*in use`),
    );
  });
});

describe('EUJP_BRIEFINGS_DIR problems name the variable and the folder', () => {
  it.each([
    ['missing', () => path.join(dir, 'no-such-folder'), /does not exist/],
    ['a file', () => file('briefings-file', 'x'), /not a folder/],
    ['empty', () => mkdtempSync(path.join(dir, 'empty-')), /no briefings in .* \(EUJP_BRIEFINGS_DIR\)/],
  ])('%s', async (_what, folder, reason) => {
    const target = folder();
    const line = await expectFailure(discordBot({ EUJP_BRIEFINGS_DIR: target }), reason);
    expect(line).toContain(target);
    expect(line).toContain('EUJP_BRIEFINGS_DIR');
  });
});
