import type { BriefingLibrary } from './briefing.ts';
import type { BriefingProblem } from './briefing-problems.ts';

export const DEFAULT_MAX_AGE_DAYS = 180;
const DAY_MS = 86_400_000;

export interface ReviewOptions {
  /** YYYY-MM-DD: the day of the review, from the caller's clock. */
  today: string;
  /** A briefing whose newest fact is older than this many days gets a warning. */
  maxAgeDays?: number;
}

// A claim is the text before a run of citation markers: "… agreed [1][3]." is one claim on 1 and 3.
const CLAIM = /([^[\]]+?)((?:\s*\[\d+\])+)/g;

/**
 * Editorial warnings that do not stop the bot: content that has grown old, and claims resting
 * only on secondary sources when the register holds a primary one for the same event.
 */
export function reviewBriefings(library: BriefingLibrary, options: ReviewOptions): BriefingProblem[] {
  const warnings: BriefingProblem[] = [];
  const maxAgeDays = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const today = Date.parse(`${options.today}T00:00:00Z`);
  const primaryByEvent = new Map<string, string>();
  for (const entry of library.register.values())
    if (entry.kind === 'primary' && entry.event && !primaryByEvent.has(entry.event))
      primaryByEvent.set(entry.event, entry.id);

  for (const briefing of library.briefings.values()) {
    const age = Math.floor((today - Date.parse(`${briefing.asOf}T00:00:00Z`)) / DAY_MS);
    if (age > maxAgeDays)
      warnings.push({
        file: briefing.file,
        field: 'as_of',
        message: `is ${briefing.asOf}, ${age} days ago (over ${maxAgeDays}); last checked ${briefing.checked}: look for newer facts, then update checked`,
      });
    const texts = briefing.text.en.sections.flatMap((section) => [...section.paragraphs, ...section.bullets]);
    for (const text of texts) {
      for (const match of text.matchAll(CLAIM)) {
        const numbers = [...(match[2] ?? '').matchAll(/\d+/g)].map((n) => Number(n[0]));
        const entries = numbers.map((n) => library.register.get(briefing.sourceIds[n - 1] ?? ''));
        if (entries.some((entry) => entry?.kind !== 'secondary')) continue;
        const event = entries.find((entry) => entry?.event && primaryByEvent.has(entry.event))?.event;
        if (event === undefined) continue;
        warnings.push({
          file: briefing.file,
          field: 'body',
          message: `"${shorten(match[1] ?? '')}" rests only on secondary sources, but the register holds a primary one on ${event}: ${primaryByEvent.get(event)}`,
        });
      }
    }
  }
  return warnings;
}

function shorten(text: string): string {
  const trimmed = text.trim().replace(/^[-.;:,\s]+/, '');
  return trimmed.length > 70 ? `${trimmed.slice(0, 67)}…` : trimmed;
}
