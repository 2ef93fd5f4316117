import type { ChannelRef, RequestContext } from './ports.ts';
import type { Language, Reply } from './reply.ts';

/** A topic offered while the user types (Discord autocomplete). */
export interface TopicChoice {
  /** What the user sees, at most 100 characters. */
  name: string;
  /** What the command receives, at most 100 characters. */
  value: string;
}

/** A grammar command as data, for help texts and platform command definitions. */
export interface CommandDescriptor {
  name: string;
  usage: string;
  /** The usage line with its placeholders in each language (`sources <トピック>`). */
  localizedUsage?: Record<Language, string>;
  description: Record<Language, string>;
  /** Subscription management: Discord requires Manage Channels for these. */
  managesChannel: boolean;
}

/** What every adapter talks to: one grammar, one reply model. */
export interface Core {
  /** Answers one line of command text (without the `/eujp` prefix, though it is tolerated). */
  handle(text: string, context: RequestContext): Promise<Reply>;
  /** Up to `limit` topic choices for a partial query, best first. */
  autocomplete(partial: string, options?: { lang?: Language; limit?: number }): TopicChoice[];
  /** True when `text` is a command that changes this channel's subscriptions. */
  isChannelManagementCommand(text: string): boolean;
  readonly commands: readonly CommandDescriptor[];
}

export type { ChannelRef, RequestContext };
