import { type ChildProcessByStdio, execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, freePort, watchBotProcess } from '../e2e/bot-process.ts';
import { type FakePlatforms, SECRETS, startFakePlatforms } from '../e2e/fake-platforms.ts';
import { APP_ID } from '../fakes/discord-interactions.ts';
import { PROJECT_ROOT } from '../support/run-command.ts';
import { parseDockerEnvFile, readRuntimeStage } from './image-layout.ts';

// No container engine runs here, so the image's start-up path is rebuilt around the real bundle:
// the runtime stage's files in a folder of their own (owned by root, read-only for the bot), its
// ENV, WORKDIR and CMD read from the Dockerfile, a writable folder in place of the /data volume,
// the unprivileged user (uid 1000, `node` in node:20-slim) when the test runs as root, and a `.env`
// made from `.env.example` the way an operator would, read with `docker run --env-file` rules.
const run = promisify(execFile);
const stage = readRuntimeStage();
const NODE_UID = 1000;
const asRoot = process.getuid?.() === 0;

let root: string;
let app: string;
let data: string;
let fakes: FakePlatforms;
let bot: BotProcess | undefined;
let env: Record<string, string>;

/** A path inside the image, mapped onto the test's folders. */
const inImage = (value: string) => value.replace(/^\/data(?=\/|$)/, data).replace(/^\/app(?=\/|$)/, app);

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'eujp-image-'));
  chmodSync(root, 0o755);
  app = path.join(root, 'app');
  data = path.join(root, 'data');
  mkdirSync(app);
  mkdirSync(data);
  if (asRoot) chownSync(data, NODE_UID, NODE_UID);
  // The runtime stage copies package.json, the production node_modules, dist/ and briefings/.
  await run(process.execPath, ['scripts/build.mjs', path.join(app, 'dist')], { cwd: PROJECT_ROOT });
  cpSync(path.join(PROJECT_ROOT, 'package.json'), path.join(app, 'package.json'));
  cpSync(path.join(PROJECT_ROOT, 'briefings'), path.join(app, 'briefings'), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(app, 'node_modules'));

  fakes = await startFakePlatforms();
  // `cp .env.example .env`, then fill in the Discord lines (and, here only, point them at the fakes).
  const filled = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8')
    .replace(/^DISCORD_TOKEN=.*$/m, `DISCORD_TOKEN=${SECRETS.discordToken}`)
    .replace(/^DISCORD_APP_ID=.*$/m, `DISCORD_APP_ID=${APP_ID}`)
    .replace(/^DISCORD_API_URL=.*$/m, `DISCORD_API_URL=${fakes.discordApi.url}`)
    .replace(/^PORT=.*$/m, `PORT=${await freePort()}`);
  const imageEnv = Object.fromEntries(
    Object.entries(stage.env).map(([name, value]) => [name, inImage(value)]),
  );
  // `--env-file` values win over the image's ENV, as in Docker.
  env = { PATH: process.env.PATH ?? '', HOME: data, ...imageEnv, ...parseDockerEnvFile(filled) };
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fakes?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

function runInImage(command: string[]): ChildProcessByStdio<null, Readable, Readable> {
  const [program, ...args] = command;
  return spawn(program === 'node' ? process.execPath : (program as string), args, {
    cwd: inImage(stage.workdir),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asRoot && stage.user === 'node' ? { uid: NODE_UID, gid: NODE_UID } : {}),
  });
}

describe('the image start-up path, with a .env made from .env.example', () => {
  it('runs as the unprivileged user from /app, with the data volume the only writable place', () => {
    expect(stage.user).toBe('node');
    expect(stage.workdir).toBe('/app');
    expect(stage.env.EUJP_DB).toBe('/data/eujp.sqlite');
    // The example must not override the image's database path with one the bot cannot write.
    expect(env.EUJP_DB).toBe(path.join(data, 'eujp.sqlite'));
  });

  it('starts with CMD, creates its database on the volume and reports healthy', async () => {
    bot = watchBotProcess(runInImage(stage.cmd), Number(env.PORT));
    await bot.waitForLog((line) => line.msg === 'eujp ready', "'eujp ready'");
    expect(existsSync(path.join(data, 'eujp.sqlite'))).toBe(true);
    const health = await bot.get('/healthz');
    expect(JSON.parse(health.text)).toMatchObject({
      status: 'ok',
      components: { discord: { status: 'up' } },
    });
    expect(await bot.stop('SIGTERM')).toBe(0);
  });

  it('registers the Discord commands with only what the image holds (no tsx, no src/)', async () => {
    const child = runInImage(['node', 'dist/register-discord.js']);
    const registration = watchBotProcess(child, 0);
    expect(await registration.exited, registration.output()).toBe(0);
    expect(registration.output()).toMatch(/Registered \/eujp, \/eujp-manage globally/);
    expect(fakes.discordApi.find('PUT', new RegExp(`^/applications/${APP_ID}/commands$`))).toHaveLength(1);
  });
});
