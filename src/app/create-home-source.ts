import type { SlackHomeSource } from '../adapters/slack/home/register-app-home.ts';
import type { BriefingLibrary } from '../core/briefings/briefing.ts';
import type { Store } from '../core/digests/store-port.ts';
import { buildWorkspaceOverview } from '../core/home/workspace-overview.ts';
import type { Clock } from '../core/ports.ts';

/** What Slack's Home tab reads, from the store and the live content. */
export function createHomeSource(deps: {
  store: Store;
  getLibrary: () => BriefingLibrary;
  clock: Clock;
  defaultTimeZone: string;
}): SlackHomeSource {
  return {
    overview: (workspaceId, lang) => buildWorkspaceOverview(deps, { platform: 'slack', workspaceId }, lang),
    async subscriptionNumber(channel, id) {
      const index = (await deps.store.listChannelSubscriptions(channel)).findIndex((s) => s.id === id);
      return index < 0 ? undefined : index + 1;
    },
  };
}
