import type { Language, SourceRef } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';
import type { RegisterEntry } from './briefing-schema.ts';

/** A body section of a briefing: `## Heading`, then paragraphs and `- ` bullets. */
export interface BriefingSection {
  heading?: string;
  paragraphs: string[];
  bullets: string[];
}

/** One language's text of a briefing. Citation numbers are the same in every language. */
export interface BriefingText {
  title: string;
  summary: string;
  sections: BriefingSection[];
  sources: SourceRef[];
  /** One line on what the latest update changed, for digests. */
  changes?: string;
}

/** A loaded, validated briefing (briefings/<id>.md and its Japanese twin <id>.ja.md). */
export interface Briefing {
  id: TopicId;
  aliases: string[];
  aliasesJa: string[];
  related: TopicId[];
  /** YYYY-MM-DD: the date of the newest fact in the briefing. */
  asOf: string;
  /** YYYY-MM-DD: when an editor last checked the briefing against its sources. */
  checked: string;
  /** Register ids behind the citation numbers: `[1]` is the first, in every language. */
  sourceIds: string[];
  text: Record<'en', BriefingText> & Partial<Record<Exclude<Language, 'en'>, BriefingText>>;
  /** The file it came from, for error messages. */
  file: string;
}

/** A dated event of the partnership (a council, a memorandum): feeds `timeline` and digests. */
export interface Development {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  topics: TopicId[];
  text: string;
  textJa?: string;
  sources: Omit<SourceRef, 'n'>[];
  /** Register ids of `sources`, in the same order. */
  sourceIds: string[];
}

/** Everything loaded from the briefings directory, swapped as a whole on reload. */
export interface BriefingLibrary {
  briefings: ReadonlyMap<TopicId, Briefing>;
  /** Newest first. */
  developments: readonly Development[];
  /** The source register (`sources.yaml`) by id: every document once. */
  register: ReadonlyMap<string, RegisterEntry>;
}
