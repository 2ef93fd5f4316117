/**
 * Every variable the bot reads (the README's configuration table, OAuth included), blank, so a bot
 * started by a test sees only what the test sets, nothing from the developer's shell or a `.env`.
 */
export const BLANK_BOT_ENV: Readonly<Record<string, string>> = {
  SLACK_BOT_TOKEN: '',
  SLACK_SIGNING_SECRET: '',
  SLACK_APP_TOKEN: '',
  SLACK_API_URL: '',
  SLACK_CLIENT_ID: '',
  SLACK_CLIENT_SECRET: '',
  SLACK_STATE_SECRET: '',
  DISCORD_TOKEN: '',
  DISCORD_APP_ID: '',
  DISCORD_GUILD_ID: '',
  DISCORD_API_URL: '',
  EUJP_TZ: '',
  EUJP_BRIEFINGS_DIR: '',
  EUJP_CATCH_UP_HOURS: '',
  HOST: '',
  EUJP_METRICS_TOKEN: '',
  EUJP_ENCRYPTION_KEYS: '',
  EUJP_MAX_RETRY_AFTER_SECONDS: '',
  // The store's pool and time limits.
  EUJP_DB_POOL: '',
  EUJP_DB_CONNECT_TIMEOUT_SECONDS: '',
  EUJP_DB_QUERY_TIMEOUT_SECONDS: '',
  EUJP_DB_IDLE_TIMEOUT_SECONDS: '',
};
