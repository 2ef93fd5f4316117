import { Client, GatewayIntentBits, Options, type RateLimitData, type RESTOptions } from 'discord.js';
import { pacedRestRequests } from './discord-rate-limit-headers.ts';

const HOUR_SECONDS = 3_600;

/**
 * A client that keeps only what slash commands need. Interactions carry everything the bot reads
 * (ids, locale, the member's permissions), so messages, members, users, presences and the like
 * are never cached; only the Guilds intent is requested, and no privileged intent.
 */
export function createDiscordClient(
  options: { apiUrl?: string; rest?: Partial<RESTOptions>; maxRetryAfterSeconds?: number } = {},
): Client {
  const isSelf = (value: { id: string; client: Client }) => value.id === value.client.user?.id;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: isSelf },
      VoiceStateManager: 0,
    }),
    // The limits above keep caches empty; the sweepers catch anything a library path adds anyway.
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: HOUR_SECONDS, lifetime: HOUR_SECONDS / 2 },
      users: { interval: HOUR_SECONDS, filter: () => (user) => !isSelf(user) },
    },
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      rejectOnRateLimit: isChannelPost,
      // discord.js refills its 50-a-second global budget by Date.now(): after the wall clock steps
      // back it waits out the step. Digests pace themselves under the limit on a monotonic clock
      // and interaction replies are not under it, so the library's own count is never reached.
      globalRequestsPerSecond: Number.POSITIVE_INFINITY,
      makeRequest: pacedRestRequests(options.maxRetryAfterSeconds),
      ...options.rest,
    },
  });
}

// Digest posts hand a 429 back to the delivery layer, which spaces out the whole fan-out; waiting
// inside the REST queue would hide it. Interaction replies keep the library's waiting.
function isChannelPost(data: RateLimitData): boolean {
  return data.method.toUpperCase() === 'POST' && data.route === '/channels/:id/messages';
}
