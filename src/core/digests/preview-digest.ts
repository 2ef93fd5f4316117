import type { BriefingLibrary } from '../briefings/briefing.ts';
import { UserFacingError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import { isTopicId } from '../topics/topic-ids.ts';
import { composeDigest } from './compose-digest.ts';
import type { DigestCommands } from './digest-commands.ts';
import type { Store } from './store-port.ts';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages.ts';

/** `digest [topics…]`: what the channel's next digest would say now, shown only to the asker. */
export async function previewDigest(
  deps: { store: Store; getLibrary: () => BriefingLibrary; clock: Clock },
  { channel, lang, topics }: Parameters<DigestCommands['preview']>[0],
) {
  const library = deps.getLibrary();
  const unknown = topics.filter((t) => !isTopicId(t) || !library.briefings.has(t));
  if (unknown.length > 0) {
    throw new UserFacingError('unknown_topic', SUBSCRIPTION_MESSAGES[lang].unknownTopics(unknown));
  }
  const cursor = channel ? await deps.store.getDigestCursor(channel) : undefined;
  return composeDigest({
    library,
    topics,
    cursor,
    now: deps.clock.now(),
    lang,
    visibility: 'private',
    preview: true,
  }).reply;
}
