import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SLACK_ACTION_PREFIX } from '../../../src/adapters/slack/to-slack-message.ts';
import { buttonClickBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { createReplyWorld, type ReplyWorld } from '../../i18n/reply-catalogue.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

// `unsubscribe all` through the real Bolt App: the prompt removes nothing, and its button
// removes exactly what it listed, only in the channel it was shown in.

let world: ReplyWorld;
let harness: SlackHarness;
beforeEach(async () => {
  world = await createReplyWorld();
  harness = await startSlackHarness({ core: world.core });
});
afterEach(async () => {
  await harness.stop();
  await world.close();
});

interface SlackButton {
  action_id: string;
  value: string;
  text: { text: string };
}

async function slash(text: string, channelId = 'C1'): Promise<{ text: string; buttons: SlackButton[] }> {
  const result = await harness.post(
    slashCommandBody({ text, channelId, responseUrl: harness.api.responseUrl(`slash-${text}`) }),
    'form',
  );
  const body = JSON.parse(result.body || '{}') as {
    blocks?: Array<{ type: string; elements?: SlackButton[] }>;
  };
  const buttons = (body.blocks ?? []).flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []) : [],
  );
  return { text: result.body, buttons };
}

async function press(button: SlackButton, channelId: string, responseId: string): Promise<string> {
  await harness.post(
    buttonClickBody({
      actionId: button.action_id,
      value: button.value,
      channelId,
      responseUrl: harness.api.responseUrl(responseId),
    }),
    'form',
  );
  return JSON.stringify((await harness.api.waitForResponse(responseId)).body);
}

const schedulesIn = async (channelId: string) =>
  (await world.store.listChannelSubscriptions({ platform: 'slack', channelId, workspaceId: 'T1' })).map(
    (s) => s.schedule,
  );

async function promptForAll(channelId = 'C1'): Promise<SlackButton> {
  await slash('subscribe daily 07:00 quantum', channelId);
  await slash('subscribe weekly fri 17:30 tz=Asia/Tokyo', channelId);
  const prompt = await slash('unsubscribe all', channelId);
  expect(prompt.text).toContain('Remove all 2 digests from this channel?');
  const confirm = prompt.buttons.find((button) => button.action_id.startsWith(SLACK_ACTION_PREFIX.command));
  expect(confirm?.text.text).toBe('Remove all 2');
  return confirm!;
}

describe('unsubscribe all on Slack', () => {
  it('removes nothing on a bare unsubscribe or on the prompt', async () => {
    await promptForAll();
    const bare = await slash('unsubscribe');
    expect(bare.text).toContain('Which digest?');
    expect(await schedulesIn('C1')).toHaveLength(2);
  });

  it('removes what the prompt listed when its button is pressed, and says how to restore it', async () => {
    const confirm = await promptForAll();
    const answer = await press(confirm, 'C1', 'confirm');
    expect(answer).toContain('All 2 digests were removed.');
    expect(answer).toContain('/eujp subscribe daily 07:00 tz=Europe/Brussels quantum');
    expect(answer).toContain('/eujp subscribe weekly fri 17:30 tz=Asia/Tokyo');
    expect(await schedulesIn('C1')).toEqual([]);
  });

  it('removes nothing when the button is pressed in another channel', async () => {
    const confirm = await promptForAll('C1');
    await slash('subscribe daily 07:00 quantum', 'C2');
    await slash('subscribe weekly fri 17:30 tz=Asia/Tokyo', 'C2');
    const answer = await press(confirm, 'C2', 'elsewhere');
    expect(answer).toContain('Nothing was removed');
    expect(await schedulesIn('C2')).toHaveLength(2);
    expect(await schedulesIn('C1')).toHaveLength(2);
  });

  it('never removes a digest subscribed after the prompt', async () => {
    const confirm = await promptForAll();
    await slash('subscribe daily 12:00 hpc');
    const answer = await press(confirm, 'C1', 'late');
    expect(answer).toContain('Digests changed meanwhile');
    expect(await schedulesIn('C1')).toEqual(['daily 07:00', 'weekly fri 17:30', 'daily 12:00']);
  });
});
