import type { Briefing, BriefingText } from '../briefings/briefing.ts';
import type { Reply, ReplyAction } from '../reply.ts';
import { answerSentences } from './answer-sentences.ts';
import { type CommandRequest, withLanguage } from './command-request.ts';
import { describeFreshness } from './describe-freshness.ts';
import { ambiguousReply, notFoundReply } from './not-found-reply.ts';
import { timelineReply } from './show-timeline.ts';

/**
 * `<topic or question>`: the briefing, with Sources, Share and related-topic buttons. A question
 * gets the briefing's sentences that answer it first; "what's new" gets the latest developments;
 * a question naming several topics gets a choice, never one picked for it.
 */
export function showBriefing(request: CommandRequest, query: string): Reply {
  const resolution = request.index.resolve(query);
  switch (resolution.kind) {
    case 'not_found':
      return notFoundReply(request, query, resolution.suggestions);
    case 'ambiguous':
      return ambiguousReply(request, query, resolution.topics, resolution.latest ? 'timeline ' : '');
    case 'latest':
      return timelineReply(request, resolution.topic ?? undefined);
    case 'topic': {
      const briefing = request.library.briefings.get(resolution.topic)!;
      const reply = briefingReply(request, briefing);
      return resolution.answerTerms
        ? leadWithAnswer(reply, textIn(briefing, request), resolution.answerTerms)
        : reply;
    }
  }
}

// The answering sentences take the summary's place under the title, where every renderer puts
// the first thing a reader sees; the summary opens the body instead.
function leadWithAnswer(reply: Reply, text: BriefingText, terms: readonly string[]): Reply {
  const answer = answerSentences(text, terms);
  if (answer.length === 0) return reply;
  return {
    ...reply,
    summary: answer.reduce((joined, sentence) =>
      /[。！？]$/u.test(joined) ? joined + sentence : `${joined} ${sentence}`,
    ),
    sections: [{ paragraphs: [text.summary], items: [] }, ...reply.sections],
  };
}

export function briefingReply(request: CommandRequest, briefing: Briefing): Reply {
  const { lang, messages } = request;
  const text = textIn(briefing, request);
  const related: ReplyAction[] = briefing.related.map((topic) => ({
    kind: 'command',
    label: request.index.displayTitle(topic, lang),
    command: withLanguage(topic, lang),
  }));
  return {
    type: 'briefing',
    topic: briefing.id,
    title: text.title,
    summary: text.summary,
    asOf: briefing.asOf,
    checkedOn: briefing.checked,
    footer: `${describeFreshness(request, briefing)}${lang === 'ja' ? '・' : ' · '}${messages.sourceCount(text.sources.length)}`,
    sections: text.sections.map((section) => ({
      ...(section.heading === undefined ? {} : { heading: section.heading }),
      paragraphs: section.paragraphs,
      items: section.bullets.map((bullet) => ({ text: bullet })),
    })),
    sources: text.sources,
    suggestions: briefing.related,
    actions: [
      {
        kind: 'command',
        label: messages.sourcesButton,
        command: withLanguage(`sources ${briefing.id}`, lang),
      },
      { kind: 'share', label: messages.shareButton, command: withLanguage(briefing.id, lang) },
      ...related,
    ],
    visibility: 'private',
    lang,
  };
}

/** The briefing's text in the request's language, falling back to English. */
export function textIn(briefing: Briefing, request: Pick<CommandRequest, 'lang'>): BriefingText {
  return briefing.text[request.lang] ?? briefing.text.en;
}
