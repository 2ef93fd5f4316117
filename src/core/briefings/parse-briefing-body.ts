import type { BriefingSection } from './briefing.ts';

/** The body of a briefing, split into sections, with what the validator needs to know. */
export interface ParsedBody {
  sections: BriefingSection[];
  /** Every `[n]` cited anywhere in the body. */
  citations: Set<number>;
  /** Words of paragraphs and bullets, headings and citation markers excluded. */
  wordCount: number;
  problems: string[];
}

const CITATION = /\[(\d+)\]/g;

// The body is deliberately a tiny Markdown subset: every renderer (Block Kit, Discord embeds,
// plain text) owns its own formatting, so markup in the content would render three ways.
const UNSUPPORTED_MARKUP: ReadonlyArray<[RegExp, string]> = [
  [/\[[^\]]*[^\d\]][^\]]*\]\(/, 'links are not allowed in the body; cite a source with [n] instead'],
  [/\*\*|__|`/, 'bold, italics and code are not allowed; renderers own the formatting'],
  [/^#(?!# )|^###/, 'only "## " headings are allowed'],
  [/^\s*(?:>|\|)/, 'quotes and tables are not allowed'],
  [/^\s*(?:\*|\+|\d+\.)\s/, 'write bullets as "- "'],
  [/<[a-z!@#/]/i, 'angle-bracket markup is not allowed'],
];

/** Parses a briefing body: `## ` headings, paragraphs and `- ` bullets, citations `[n]`. */
export function parseBriefingBody(markdown: string, lineOffset = 0): ParsedBody {
  const sections: BriefingSection[] = [];
  const problems: string[] = [];
  const citations = new Set<number>();
  let current: BriefingSection = { paragraphs: [], bullets: [] };
  let paragraphLines: string[] = [];

  const flushParagraph = (): void => {
    if (paragraphLines.length > 0) current.paragraphs.push(paragraphLines.join(' '));
    paragraphLines = [];
  };
  const flushSection = (): void => {
    flushParagraph();
    if (current.heading !== undefined || current.paragraphs.length > 0 || current.bullets.length > 0) {
      sections.push(current);
    }
  };

  markdown.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    for (const [pattern, message] of UNSUPPORTED_MARKUP) {
      if (pattern.test(rawLine)) problems.push(`line ${lineOffset + index + 1}: ${message}`);
    }
    if (line === '') {
      flushParagraph();
    } else if (line.startsWith('## ')) {
      flushSection();
      current = { heading: line.slice(3).trim(), paragraphs: [], bullets: [] };
    } else if (line.startsWith('- ')) {
      flushParagraph();
      current.bullets.push(line.slice(2).trim());
    } else {
      // A section renders its paragraphs before its bullets, so text after a list continues
      // in a new, untitled section to keep the order the editor wrote.
      if (paragraphLines.length === 0 && current.bullets.length > 0) {
        flushSection();
        current = { paragraphs: [], bullets: [] };
      }
      paragraphLines.push(line);
    }
  });
  flushSection();

  let wordCount = 0;
  for (const section of sections) {
    for (const text of [...section.paragraphs, ...section.bullets]) {
      for (const match of text.matchAll(CITATION)) citations.add(Number(match[1]));
      wordCount += countWords(text.replace(CITATION, ' '));
    }
  }
  return { sections, citations, wordCount, problems };
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
