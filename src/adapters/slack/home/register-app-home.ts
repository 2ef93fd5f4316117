import type { App, BlockAction, ButtonAction, webApi } from '@slack/bolt';
import { HOME_MESSAGES } from '../../../core/home/home-messages.ts';
import type { WorkspaceOverview } from '../../../core/home/workspace-overview.ts';
import { languageFromLocale } from '../../../core/i18n/language.ts';
import type { ChannelRef, Logger } from '../../../core/ports.ts';
import type { Language } from '../../../core/reply.ts';
import { askCore } from '../ask-core.ts';
import { type SlackHandlerDeps, slackRequestContext } from '../slack-handler-deps.ts';
import { requestWorkspaceId } from '../slack-workspace-id.ts';
import { toSlackMessage } from '../to-slack-message.ts';
import { createHomePublisher, type HomePublisher } from './home-publisher.ts';
import { isChannelMember } from './is-channel-member.ts';
import { HOME_ACTION, toHomeView } from './to-home-view.ts';

/** What the Home tab reads: the app wiring builds it from the store and the content. */
export interface SlackHomeSource {
  overview(workspaceId: string, lang: Language): Promise<WorkspaceOverview>;
  /** The 1-based number `unsubscribe` gives subscription `id` in its channel, if it is still there. */
  subscriptionNumber(channel: ChannelRef, id: number): Promise<number | undefined>;
}

interface HomeDeps extends SlackHandlerDeps {
  home: SlackHomeSource;
  /** A client that rejects rate-limited calls, so the publisher sees Slack's Retry-After. */
  publishClient: webApi.WebClient;
}

/**
 * The Home tab: `app_home_opened` publishes the view for the user, in their Slack locale's
 * language; topic buttons open the briefing in a modal (the Home tab has no channel to post into,
 * and a modal keeps the reader where they are); digests can be removed here by members of the
 * channel. Returns the publisher so subscription changes elsewhere can refresh recent viewers.
 */
export function registerAppHome(app: App, deps: HomeDeps): HomePublisher {
  const tokens = new Map<string, string | undefined>();
  const pages = new Map<string, number>();
  const languages = new Map<string, { lang: Language; at: number }>();

  const languageOf = async (workspaceId: string, userId: string): Promise<Language> => {
    const key = `${workspaceId}:${userId}`;
    const known = languages.get(key);
    if (known && Date.now() - known.at < 60 * 60_000) return known.lang;
    let lang: Language = 'en';
    try {
      const token = tokens.get(workspaceId);
      const info = await deps.publishClient.users.info({
        ...(token ? { token } : {}),
        user: userId,
        include_locale: true,
      });
      lang = languageFromLocale(info.user?.locale) ?? 'en';
    } catch (error) {
      deps.logger.debug({ err: error, userId }, 'slack: no locale for a Home tab viewer; English');
    }
    languages.set(key, { lang, at: Date.now() });
    return lang;
  };

  const publisher = createHomePublisher({
    logger: deps.logger,
    publish: async (workspaceId, userId) => {
      const lang = await languageOf(workspaceId, userId);
      const view = toHomeView(
        await deps.home.overview(workspaceId, lang),
        pages.get(`${workspaceId}:${userId}`),
      );
      const token = tokens.get(workspaceId);
      await deps.publishClient.views.publish({ ...(token ? { token } : {}), user_id: userId, view });
    },
  });

  app.event('app_home_opened', async ({ event, context, body }) => {
    if (event.tab !== 'home') return;
    const workspaceId = requestWorkspaceId(context, (body as { team_id?: string }).team_id ?? context.teamId);
    if (!workspaceId) return;
    tokens.set(workspaceId, context.botToken);
    publisher.opened(workspaceId, event.user);
  });

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${HOME_ACTION.page}`) },
    async ({ ack, action, body, context }) => {
      await ack();
      const workspaceId = requestWorkspaceId(context, body.team?.id ?? body.user.team_id);
      if (!workspaceId) return;
      pages.set(`${workspaceId}:${body.user.id}`, Number(action.value) || 1);
      publisher.refreshUser(workspaceId, body.user.id);
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${HOME_ACTION.topic}`) },
    async ({ ack, action, body, client, context }) => {
      await ack();
      const workspaceId = requestWorkspaceId(context, body.team?.id ?? body.user.team_id);
      const lang = workspaceId ? await languageOf(workspaceId, body.user.id) : 'en';
      const context_ = slackRequestContext(undefined, workspaceId, body.user.id);
      const reply = await askCore(deps.core, `${action.value ?? ''} lang=${lang}`, context_, deps.logger);
      // A modal has no response_url for the reply's own buttons; its sources are listed instead.
      const message = toSlackMessage({ ...reply, actions: [] });
      await client.views
        .open({
          trigger_id: body.trigger_id,
          view: {
            type: 'modal',
            title: { type: 'plain_text', text: 'eujp' },
            close: { type: 'plain_text', text: HOME_MESSAGES[lang].close },
            blocks: message.blocks,
          },
        })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error }, 'slack: could not open a briefing from Home'),
        );
    },
  );

  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: new RegExp(`^${HOME_ACTION.unsubscribe}`) },
    async ({ ack, action, body, client, context }) => {
      await ack();
      const workspaceId = requestWorkspaceId(context, body.team?.id ?? body.user.team_id);
      if (!workspaceId) return;
      const lang = await languageOf(workspaceId, body.user.id);
      const target = parseTarget(action.value);
      const notice = (text: string) => showNotice(client, body.trigger_id, lang, text, deps.logger);
      if (!target) return;
      // On Slack any member of a channel may manage its digests there; from Home, the same members.
      if (!(await isChannelMember(client, target.channelId, body.user.id, deps.logger))) {
        await notice(HOME_MESSAGES[lang].notMember);
        return;
      }
      const channel: ChannelRef = { platform: 'slack', channelId: target.channelId, workspaceId };
      const number = await deps.home.subscriptionNumber(channel, target.subscriptionId);
      if (number !== undefined) {
        const request = slackRequestContext(target.channelId, workspaceId, body.user.id);
        const reply = await askCore(deps.core, `unsubscribe ${number} lang=${lang}`, request, deps.logger);
        const posted = { ...reply, visibility: 'public' as const, actions: [] };
        await client.chat
          .postMessage({
            channel: target.channelId,
            ...toSlackMessage(posted, { changedBy: body.user.name ?? body.user.id }),
          })
          .catch((error: unknown) =>
            deps.logger.info({ err: error }, 'slack: could not tell a channel its digest was removed'),
          );
      }
      publisher.refreshWorkspace(workspaceId);
      publisher.refreshUser(workspaceId, body.user.id);
    },
  );

  return publisher;
}

function parseTarget(value: string | undefined): { channelId: string; subscriptionId: number } | undefined {
  try {
    const parsed = JSON.parse(value ?? '') as { c?: unknown; s?: unknown };
    if (typeof parsed.c === 'string' && typeof parsed.s === 'number')
      return { channelId: parsed.c, subscriptionId: parsed.s };
  } catch {
    // A value we did not write: ignore the click.
  }
  return undefined;
}

async function showNotice(
  client: webApi.WebClient,
  triggerId: string,
  lang: Language,
  text: string,
  logger: Logger,
): Promise<void> {
  await client.views
    .open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: 'eujp' },
        close: { type: 'plain_text', text: HOME_MESSAGES[lang].close },
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      },
    })
    .catch((error: unknown) => logger.warn({ err: error }, 'slack: could not show a Home notice'));
}
