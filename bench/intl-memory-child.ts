import { resolveTimeZone, wallClockAt } from '../src/core/digests/zoned-time.ts';
import { formatDateTime } from '../src/core/i18n/format-date.ts';

// One child per mode, so each starts from a fresh heap and ICU: `cached` runs the bot's own
// formatting (the formatter cache), `per-call` the same work with a new formatter per call, as
// the code did before. Prints the resident set before and after each pass, in MB, as JSON.
const CALLS = Number(process.env.CALLS ?? 10_000);
const mode = process.argv[2] === 'per-call' ? 'per-call' : 'cached';
const zones = Intl.supportedValuesOf('timeZone');
const instant = new Date('2026-12-01T09:00:00Z');

function perCallFormat(timeZone: string, lang: 'en' | 'ja') {
  const format = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: lang === 'ja' ? 'numeric' : 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return `${format.format(instant)} (${timeZone})`;
}

function perCallResolve(name: string) {
  return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
}

const gc = (globalThis as { gc?: () => void }).gc;
const rssMb = () => {
  gc?.();
  return process.memoryUsage().rss / 2 ** 20;
};

let length = 0;
// What one subscribe does: resolve the zone the user typed, work out the next send, show it.
function pass(): number {
  for (let i = 0; i < CALLS; i++) {
    const zone = zones[i % zones.length] as string;
    const lang = i % 2 === 0 ? 'en' : 'ja';
    if (mode === 'cached') {
      length += (resolveTimeZone(zone) ?? '').length;
      length += wallClockAt(instant.getTime(), zone).hour;
      length += formatDateTime(instant, zone, lang).length;
    } else {
      length += perCallResolve(zone).length;
      length += perCallFormat(zone, lang).length;
      length += perCallFormat(zone, lang).length;
    }
  }
  return rssMb();
}

const beforeMb = rssMb();
const afterMb = pass();
// A second pass shows whether memory keeps growing with use or levels off.
const afterSecondMb = pass();
console.log(
  JSON.stringify({ mode, calls: CALLS, zones: zones.length, beforeMb, afterMb, afterSecondMb, length }),
);
