import type { FakeSlackAnswer, RecordedCall } from './fake-slack-api.ts';
import { appMentionBody, slashCommandBody } from './slack-requests.ts';

/** A workspace that installs the app through the fake's `oauth.v2.access`. */
export interface FakeWorkspace {
  /** The grant Slack would put in `/slack/oauth_redirect?code=…` for this workspace. */
  code: string;
  teamId: string;
  /** Set for a workspace inside an Enterprise Grid org. */
  enterpriseId?: string;
  /** An org-wide install: Slack then names no team, only the enterprise. */
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId: string;
  botId: string;
}

/** A plain (non-Grid) workspace `T<n>` whose bot token is `xoxb-T<n>`. */
export function fakeWorkspace(n: number): FakeWorkspace {
  return {
    code: `code-${n}`,
    teamId: `T${n}`,
    botToken: `xoxb-T${n}`,
    botUserId: `UBOT${n}`,
    botId: `BBOT${n}`,
  };
}

/**
 * Answers `oauth.v2.access` (by `code`) and `auth.test` (by bearer token) for these workspaces, the
 * two calls Bolt's InstallProvider makes in `/slack/oauth_redirect`. An unknown code or token gets
 * Slack's own error.
 */
export function slackOAuthAnswers(workspaces: readonly FakeWorkspace[]): FakeSlackAnswer {
  return (call: RecordedCall) => {
    if (call.method === 'oauth.v2.access') {
      const workspace = workspaces.find((candidate) => candidate.code === call.params.code);
      return workspace ? oauthAccess(workspace) : { ok: false, error: 'invalid_code' };
    }
    if (call.method === 'auth.test') {
      const workspace = workspaces.find((candidate) => call.authorization === `Bearer ${candidate.botToken}`);
      if (!workspace) return { ok: false, error: 'invalid_auth' };
      return {
        ok: true,
        url: `https://${workspace.teamId.toLowerCase()}.slack.test/`,
        team_id: workspace.teamId,
        user_id: workspace.botUserId,
        bot_id: workspace.botId,
        ...(workspace.enterpriseId ? { enterprise_id: workspace.enterpriseId } : {}),
      };
    }
    return undefined;
  };
}

function oauthAccess(workspace: FakeWorkspace): Record<string, unknown> {
  const orgWide = workspace.isEnterpriseInstall === true;
  return {
    ok: true,
    app_id: 'A1',
    authed_user: { id: 'UINSTALLER' },
    scope: 'commands,chat:write,chat:write.public,app_mentions:read',
    token_type: 'bot',
    access_token: workspace.botToken,
    bot_user_id: workspace.botUserId,
    team: orgWide ? null : { id: workspace.teamId, name: `Team ${workspace.teamId}` },
    enterprise: workspace.enterpriseId ? { id: workspace.enterpriseId, name: 'Grid' } : null,
    is_enterprise_install: orgWide,
  };
}

/** What a browser sees walking through the install flow. */
export interface InstallWalk {
  /** Where `/slack/install` sent the browser (Slack's consent screen). */
  authorizeUrl: URL;
  /** The `/slack/oauth_redirect` answer once Slack sent the browser back with a code. */
  callback: { status: number; body: string };
}

/**
 * Plays the browser: opens `/slack/install`, keeps the state cookie it sets, and comes back to
 * `/slack/oauth_redirect` with `code` and the state, as Slack redirects after consent.
 */
export async function walkInstallFlow(baseUrl: string, code: string): Promise<InstallWalk> {
  const install = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  const location = install.headers.get('location');
  if (install.status !== 302 || !location) throw new Error(`/slack/install answered ${install.status}`);
  const authorizeUrl = new URL(location);
  const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const state = authorizeUrl.searchParams.get('state') ?? '';
  const redirect = new URL(`${baseUrl}/slack/oauth_redirect`);
  redirect.searchParams.set('code', code);
  redirect.searchParams.set('state', state);
  const callback = await fetch(redirect, { headers: { cookie }, redirect: 'manual' });
  return { authorizeUrl, callback: { status: callback.status, body: await callback.text() } };
}

/** `/eujp <text>` as sent from a workspace (for an org-wide install, a team inside the org). */
export function slashCommandFrom(
  workspace: FakeWorkspace,
  input: { text: string; responseUrl: string; channelId: string },
): string {
  const form = new URLSearchParams(slashCommandBody(input));
  form.set('team_id', workspace.teamId);
  if (workspace.enterpriseId) {
    form.set('enterprise_id', workspace.enterpriseId);
    form.set('is_enterprise_install', String(workspace.isEnterpriseInstall === true));
  }
  return form.toString();
}

/** An `app_mention` callback from a workspace, authorised for that workspace's bot. */
export function appMentionFrom(
  workspace: FakeWorkspace,
  input: { text: string; ts: string; channelId: string },
): string {
  const body = JSON.parse(appMentionBody(input)) as Record<string, unknown> & {
    event: Record<string, unknown>;
  };
  return JSON.stringify({
    ...body,
    ...scopeFields(workspace),
    event: { ...body.event, team: workspace.teamId },
    authorizations: [
      {
        team_id: workspace.isEnterpriseInstall ? null : workspace.teamId,
        enterprise_id: workspace.enterpriseId ?? null,
        user_id: workspace.botUserId,
        is_bot: true,
        is_enterprise_install: workspace.isEnterpriseInstall === true,
      },
    ],
  });
}

/** An `app_uninstalled` or `tokens_revoked` (bot token) callback from a workspace. */
export function uninstallEventFrom(
  workspace: FakeWorkspace,
  type: 'app_uninstalled' | 'tokens_revoked',
  eventId: string,
): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    ...scopeFields(workspace),
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: 1_700_000_000,
    event:
      type === 'app_uninstalled'
        ? { type }
        : { type, tokens: { oauth: [], bot: [workspace.botUserId] }, event_ts: '1700000000.000100' },
  });
}

function scopeFields(workspace: FakeWorkspace): Record<string, unknown> {
  return {
    team_id: workspace.teamId,
    ...(workspace.enterpriseId ? { enterprise_id: workspace.enterpriseId } : {}),
    is_enterprise_install: workspace.isEnterpriseInstall === true,
  };
}
