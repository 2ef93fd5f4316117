import type { Core } from '../../core/core.ts';
import type { Logger, RequestContext } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';

/**
 * The one catch of every Slack entry point: the core already turns its own failures into replies,
 * so anything that still escapes is logged with context and answered with a short apology
 * rather than leaving the user with Slack's "failed with the error" banner.
 */
export async function askCore(
  core: Core,
  text: string,
  context: RequestContext,
  logger: Logger,
): Promise<Reply> {
  try {
    return await core.handle(text, context);
  } catch (error) {
    logger.error({ err: error, channel: context.channel?.channelId }, 'slack: core.handle failed');
    return {
      type: 'error',
      topic: null,
      title: 'Sorry, something went wrong',
      sections: [{ paragraphs: ['Please try again in a moment.'], items: [] }],
      sources: [],
      suggestions: [],
      actions: [],
      visibility: 'private',
      lang: 'en',
    };
  }
}
