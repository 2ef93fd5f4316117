import type { Core } from '../../../core/core.ts';

/**
 * The core, calling `changed(workspaceId)` after every command that changed a channel's digests
 * (from a slash command, a mention, a button or the Home tab), so the Home tabs showing that
 * workspace's subscriptions are republished.
 */
export function withHomeRefresh(core: Core, changed: (workspaceId: string) => void): Core {
  return {
    ...core,
    handle: async (text, context) => {
      const reply = await core.handle(text, context);
      const workspaceId = context.channel?.workspaceId;
      if (workspaceId && reply.type === 'subscription' && core.isChannelManagementCommand(text))
        changed(workspaceId);
      return reply;
    },
  };
}
