import type { Core } from '../core/core.ts';
import { type IdempotentPublisher, isIdempotentPublisher } from '../core/digests/idempotent-publisher.ts';
import { DeliveryError, type Publisher } from '../core/ports.ts';
import type { BotMetrics } from './metrics.ts';

/** The same core, counting every answer and its latency per platform. */
export function instrumentCore(core: Core, metrics: BotMetrics): Core {
  return {
    ...core,
    handle: async (text, context) => {
      const platform = context.channel?.platform ?? 'cli';
      const stopTimer = metrics.commandSeconds.startTimer({ platform });
      const reply = await core.handle(text, context);
      stopTimer();
      metrics.commandsServed.inc({ platform, reply_type: reply.type });
      return reply;
    },
  };
}

/** The same publisher, counting each digest publish by outcome; keeps `publishOnce` if offered. */
export function instrumentPublisher(publisher: Publisher, metrics: BotMetrics): Publisher {
  const counted = async (send: () => Promise<{ messageId: string }>) => {
    try {
      const result = await send();
      metrics.digestPublishes.inc({ platform: publisher.platform, outcome: 'sent' });
      return result;
    } catch (error) {
      const outcome = error instanceof DeliveryError ? error.kind : 'error';
      metrics.digestPublishes.inc({ platform: publisher.platform, outcome });
      throw error;
    }
  };
  const instrumented: Publisher = {
    platform: publisher.platform,
    publish: (channel, reply) => counted(() => publisher.publish(channel, reply)),
  };
  if (!isIdempotentPublisher(publisher)) return instrumented;
  const withOnce: IdempotentPublisher = {
    ...instrumented,
    publishOnce: (channel, reply, key) => counted(() => publisher.publishOnce(channel, reply, key)),
  };
  return withOnce;
}
