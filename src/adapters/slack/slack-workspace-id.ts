/** Where a Slack request or installation sits: a team, possibly inside an Enterprise Grid org. */
export interface SlackScope {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

/**
 * The id eujp files a Slack installation and its channels' subscriptions under
 * (`ChannelRef.workspaceId`): the org for an org-wide install, since one token then serves every
 * team in it and one uninstall removes it from all of them; otherwise the team.
 */
export function slackWorkspaceId(scope: SlackScope): string | undefined {
  if (scope.isEnterpriseInstall && scope.enterpriseId) return scope.enterpriseId;
  return scope.teamId;
}

/** A request's workspace: `teamId` as the payload names it, unless the app is installed org-wide. */
export function requestWorkspaceId(
  context: Omit<SlackScope, 'teamId'>,
  teamId: string | undefined,
): string | undefined {
  return slackWorkspaceId({ ...context, teamId });
}
