import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedToSlack, slashCommandBody } from '../fakes/slack-requests.ts';
import { type BotProcess, startBot } from './bot-process.ts';
import { type FakePlatforms, SECRETS, startFakePlatforms } from './fake-platforms.ts';

let fakes: FakePlatforms;
let bot: BotProcess;

beforeAll(async () => {
  fakes = await startFakePlatforms();
  bot = await startBot(fakes.botEnv({ DISCORD_TOKEN: '', DISCORD_APP_ID: '' }));
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fakes?.close();
});

const post = (body: string, contentType: 'application/x-www-form-urlencoded' | 'application/json') =>
  postSignedToSlack(`http://127.0.0.1:${bot.port}/slack/events`, body, {
    signingSecret: SECRETS.slackSigningSecret,
    contentType,
  });

describe('the real bot process against signed bodies that are not objects', () => {
  it('answers payload=null and a JSON null with 400, and keeps serving', async () => {
    const form = await post('payload=null', 'application/x-www-form-urlencoded');
    const json = await post('null', 'application/json');
    expect([form.status, json.status]).toEqual([400, 400]);

    const command = await post(
      slashCommandBody({ text: 'quantum', responseUrl: fakes.slack.responseUrl('e2e') }),
      'application/x-www-form-urlencoded',
    );
    expect(command.status).toBe(200);
    expect((await bot.get('/healthz')).status).toBe(200);
  });
});
