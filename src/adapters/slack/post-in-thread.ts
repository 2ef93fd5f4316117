import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import type { Language, Reply } from '../../core/reply.ts';
import { toSlackMessages } from './to-slack-message.ts';

/**
 * Posts a reply into a thread as one message, or as several when it is longer than one Slack
 * message can hold (the first with the header and buttons, the rest continuing it). Resolves with
 * the first message's `ts`; throws when the first message was refused. A later part that fails
 * is logged and ends the answer with the apology, so the reader knows it is incomplete.
 */
export async function postReplyInThread(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
  reply: Reply,
  logger: Logger,
): Promise<string | undefined> {
  const [first, ...rest] = toSlackMessages(reply);
  const common = { channel, thread_ts: threadTs, unfurl_links: false, unfurl_media: false } as const;
  const posted = await client.chat.postMessage({ ...common, ...first! });
  for (const message of rest) {
    try {
      await client.chat.postMessage({ ...common, ...message });
    } catch (error) {
      logger.warn({ err: error, channel }, 'slack: could not post the rest of a long answer');
      await postApology(client, channel, threadTs, reply.lang);
      break;
    }
  }
  return posted.ts;
}

const APOLOGY: Record<Language, string> = {
  en: 'Sorry, I could not post the whole answer here. Please try again in a moment, or ask with `/eujp`.',
  ja: '申し訳ありません。ここに回答を投稿できませんでした。しばらくしてからもう一度、または `/eujp` でお試しください。',
};

/** The short answer a failed answer leaves in the thread, so nobody is left with silence. */
export async function postApology(
  client: webApi.WebClient,
  channel: string,
  threadTs: string,
  lang: Language,
): Promise<boolean> {
  try {
    await client.chat.postMessage({
      channel,
      thread_ts: threadTs,
      text: APOLOGY[lang],
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: APOLOGY[lang], verbatim: true } }],
    });
    return true;
  } catch {
    return false;
  }
}
