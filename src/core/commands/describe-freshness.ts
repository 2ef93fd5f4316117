import type { Briefing } from '../briefings/briefing.ts';
import { describeAge } from '../i18n/describe-age.ts';
import { formatDate } from '../i18n/format-date.ts';
import type { CommandRequest } from './command-request.ts';

/**
 * "As of 5 May 2026, 7 months ago · checked 2 December 2026": the newest fact, how old it is,
 * and, when it differs, when an editor last confirmed the briefing against its sources.
 */
export function describeFreshness(
  request: Pick<CommandRequest, 'lang' | 'messages' | 'now'>,
  briefing: Pick<Briefing, 'asOf' | 'checked'>,
): string {
  const { lang, messages } = request;
  const parts = [
    messages.asOfAge(formatDate(briefing.asOf, lang), describeAge(briefing.asOf, request.now, lang)),
  ];
  if (briefing.checked !== briefing.asOf) parts.push(messages.checkedOn(formatDate(briefing.checked, lang)));
  return parts.join(lang === 'ja' ? '・' : ' · ');
}
