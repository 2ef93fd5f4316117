import type { Core } from '../core/core.ts';
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

/** The same publisher, counting each digest publish by outcome. */
export function instrumentPublisher(publisher: Publisher, metrics: BotMetrics): Publisher {
  return {
    platform: publisher.platform,
    publish: async (channel, reply) => {
      try {
        const result = await publisher.publish(channel, reply);
        metrics.digestPublishes.inc({ platform: publisher.platform, outcome: 'sent' });
        return result;
      } catch (error) {
        const outcome = error instanceof DeliveryError ? error.kind : 'error';
        metrics.digestPublishes.inc({ platform: publisher.platform, outcome });
        throw error;
      }
    },
  };
}
