import type { Reply } from '../reply.ts';
import { normalizeQuery } from '../topics/normalize-query.ts';
import { type CommandRequest, emptyReply } from './command-request.ts';
import { textIn } from './show-briefing.ts';

const MAX_RESULTS = 5;
const SNIPPET_LENGTH = 200;

/** `search <words>`: ranked topics, each with the sentence that best shows why it matched. */
export function searchBriefings(request: CommandRequest, words: string): Reply {
  const { lang, messages } = request;
  const hits = request.index.search(words).slice(0, MAX_RESULTS);
  const reply = emptyReply('search', messages.searchTitle(words), lang);
  if (hits.length === 0)
    return { ...reply, sections: [{ paragraphs: [messages.searchNoResults(words)], items: [] }] };
  return {
    ...reply,
    sections: [
      {
        paragraphs: [],
        items: hits.map((hit) => {
          const text = textIn(request.library.briefings.get(hit.topic)!, request);
          return { label: text.title, text: snippet(text, hit.matchedTerms), topic: hit.topic };
        }),
      },
    ],
    suggestions: hits.map((hit) => hit.topic),
  };
}

// The first sentence holding a matched term; the summary when the match was on a name.
function snippet(text: ReturnType<typeof textIn>, terms: readonly string[]): string {
  const sentences = text.sections
    .flatMap((section) => [...section.paragraphs, ...section.bullets])
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?。])\s*/));
  const found = sentences.find((sentence) => {
    const normalized = normalizeQuery(sentence);
    return terms.some((term) => normalized.includes(term));
  });
  return shorten(found ?? text.summary);
}

function shorten(text: string): string {
  if (text.length <= SNIPPET_LENGTH) return text;
  const cut = text.slice(0, SNIPPET_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SNIPPET_LENGTH - 20))}…`;
}
