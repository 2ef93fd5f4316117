import { describe, expect, it } from 'vitest';
import { resolveTimeZone, wallClockAt } from '../../../src/core/digests/zoned-time.ts';
import { cachedFormatterCount } from '../../../src/core/i18n/cached-formatter.ts';
import { formatDateTime } from '../../../src/core/i18n/format-date.ts';

const instant = new Date('2026-12-01T00:30:00Z');

describe('Intl formatters', () => {
  it('are built once per locale, zone and style, not once per call', () => {
    expect(formatDateTime(instant, 'Asia/Tokyo', 'en')).toBe('Tue, 1 December 2026 at 09:30 (Asia/Tokyo)');
    const built = cachedFormatterCount();
    for (let i = 0; i < 1_000; i++) {
      formatDateTime(instant, 'Asia/Tokyo', 'en');
      wallClockAt(instant.getTime(), 'Asia/Tokyo');
      resolveTimeZone('asia/tokyo');
    }
    // At most the wall-clock formatter for Tokyo is new; a thousand calls built nothing more.
    expect(cachedFormatterCount()).toBeLessThanOrEqual(built + 1);
  });

  it('stay bounded whatever zones and spellings users type', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      formatDateTime(instant, zone, 'en');
      formatDateTime(instant, zone, 'ja');
      wallClockAt(instant.getTime(), zone);
      for (const spelling of [zone.toLowerCase(), zone.toUpperCase(), ` ${zone} `])
        expect(resolveTimeZone(spelling)).toBe(resolveTimeZone(zone));
    }
    for (let i = 0; i < 2_000; i++) expect(resolveTimeZone(`Nowhere/Place${i}`)).toBeUndefined();
    expect(cachedFormatterCount()).toBeLessThanOrEqual(2_048);
  });
});
