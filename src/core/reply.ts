import type { TopicId } from './topics/topic-ids.ts';

/**
 * Every kind of answer the core gives. The first nine are the CLI's JSON `type` values
 * (docs/contracts.md, command line); the rest answer subscription commands in chat.
 */
export const REPLY_TYPES = [
  'briefing',
  'sources',
  'topics',
  'help',
  'search',
  'timeline',
  'digest',
  'not_found',
  'error',
  'subscription',
  'status',
] as const;

export type ReplyType = (typeof REPLY_TYPES)[number];

/** The `type` values the CLI's JSON may carry (docs/contracts.md): the first nine reply types. */
export const CLI_REPLY_TYPES: readonly ReplyType[] = REPLY_TYPES.slice(0, 9);

export type Language = 'en' | 'ja';

/** A numbered source behind the `[n]` markers of a reply. */
export interface SourceRef {
  n: number;
  title: string;
  publisher: string;
  /** YYYY-MM-DD */
  date: string;
  url: string | null;
  /** How close the document is to the institution that made the statement (the source register's kind). */
  kind?: 'primary' | 'official-repost' | 'secondary';
}

/** One line of a list: a development, a search hit, a topic, a subscription. */
export interface ReplyItem {
  text: string;
  /** Shown before the text, e.g. a topic title or a subscription number. */
  label?: string;
  /** YYYY-MM-DD, shown as a date prefix. */
  date?: string;
  /** Where the line links to (a development's source). */
  url?: string;
  topic?: TopicId;
}

/** A block of the reply body. Headings, paragraphs and items are plain text, never markup. */
export interface ReplySection {
  heading?: string;
  paragraphs: string[];
  items: ReplyItem[];
}

/**
 * A button as an intent. `command` is a canonical grammar command (at most 80 characters,
 * never raw user text) that the adapter runs through the core when the button is pressed.
 */
export interface ReplyAction {
  kind: 'command' | 'share';
  label: string;
  command: string;
}

/**
 * The platform-neutral reply. All text is plain text: citations appear as `[n]` and each
 * renderer escapes what its platform would otherwise read as markup or mentions.
 */
export interface Reply {
  type: ReplyType;
  topic: TopicId | null;
  title: string;
  /** One-line summary under the title. */
  summary?: string;
  /** YYYY-MM-DD date of the newest fact in a briefing or digest. */
  asOf?: string;
  /** YYYY-MM-DD: when an editor last checked the briefing against its sources. */
  checkedOn?: string;
  /** Small print in the reply's language, e.g. "As of 12 May 2025, 19 months ago · checked 2 December 2026 · 6 sources". */
  footer?: string;
  sections: ReplySection[];
  sources: SourceRef[];
  suggestions: TopicId[];
  actions: ReplyAction[];
  /** 'private' goes only to the asker where the platform allows (Slack ephemeral, Discord flag 64). */
  visibility: 'private' | 'public';
  lang: Language;
}
