import { App } from '@slack/bolt';
import { Client, GatewayIntentBits } from 'discord.js';

// The baseline the startup bench compares the bot with: the two platform libraries alone, doing the
// same start-up network work as the bot (Slack auth.test and an HTTP listener, a Discord gateway
// login with the Guilds intent), configured from the same variables, and nothing else. It writes
// `ready` on stderr once both are up and stops on SIGTERM.
const env = process.env;
const port = Number(env.PORT ?? 3000);

const slack = new App({
  token: env.SLACK_BOT_TOKEN,
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  clientOptions: { ...(env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {}) },
  deferInitialization: true,
});
slack.command('/eujp', async ({ ack }) => {
  await ack('ok');
});

const discord = new Client({
  intents: [GatewayIntentBits.Guilds],
  allowedMentions: { parse: [] },
  rest: { ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}) },
});
discord.on('interactionCreate', () => {});

await Promise.all([
  slack.init().then(() => slack.start({ port, host: '0.0.0.0' })),
  discord.login(env.DISCORD_TOKEN),
]);
process.stderr.write('ready\n');

process.once('SIGTERM', () => {
  void Promise.allSettled([slack.stop(), discord.destroy()]).then(() => process.exit(0));
});
