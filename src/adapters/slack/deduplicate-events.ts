import type { App } from '@slack/bolt';
import type { Logger } from '../../core/ports.ts';
import type { RecentKeys } from './recent-keys.ts';

// Slack retries an event three times within about five minutes; an hour is comfortably longer.
const EVENT_ID_TTL_MS = 60 * 60_000;

/**
 * Runs each Events API delivery once per `event_id`. Slack retries an event it thinks was not
 * received in time (`X-Slack-Retry-Num`, or a Socket Mode redelivery), and each retry would
 * otherwise post the answer again. Bolt acknowledges events before this middleware runs, so a
 * skipped retry is still answered 200 and Slack stops retrying.
 */
export function deduplicateEvents(app: App, seen: RecentKeys, logger: Logger): void {
  app.use(async ({ body, context, next }) => {
    const delivery = body as { type?: unknown; event_id?: unknown };
    if (delivery.type === 'event_callback' && typeof delivery.event_id === 'string') {
      if (!(await seen.claim(`slack-event:${delivery.event_id}`, EVENT_ID_TTL_MS))) {
        logger.info(
          { eventId: delivery.event_id, retryNum: context.retryNum },
          'slack: ignored a repeated delivery of an event',
        );
        return;
      }
    }
    await next();
  });
}
