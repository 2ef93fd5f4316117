import { describe, expect, it } from 'vitest';
import { lookUpTimeZone } from '../../../src/core/digests/time-zone-lookup.ts';

describe('reading tz=', () => {
  it.each([
    ['Asia/Tokyo', 'Asia/Tokyo'],
    ['asia/tokyo', 'Asia/Tokyo'],
    ['tokyo', 'Asia/Tokyo'],
    ['Tokyo', 'Asia/Tokyo'],
    ['東京', 'Asia/Tokyo'],
    ['osaka', 'Asia/Tokyo'],
    ['JST', 'Asia/Tokyo'],
    ['jst', 'Asia/Tokyo'],
    ['brussels', 'Europe/Brussels'],
    ['CET', 'Europe/Brussels'],
    ['new_york', 'America/New_York'],
    ['new-york', 'America/New_York'],
    ['São_Paulo', 'America/Sao_Paulo'],
    ['UTC', 'UTC'],
    // The runtime alone reads EST as America/Panama, which has no daylight saving time.
    ['EST', 'America/New_York'],
  ])('accepts %j as %s', (typed, zone) => {
    expect(lookUpTimeZone(typed)).toEqual({ kind: 'zone', zone });
  });

  it.each([
    ['IST', ['Asia/Calcutta', 'Europe/Dublin', 'Asia/Jerusalem']],
    ['CST', ['America/Chicago', 'Asia/Shanghai', 'America/Havana']],
    ['GMT', ['Europe/London', 'UTC']],
  ])('asks which zone an ambiguous %j means instead of choosing one', (typed, zones) => {
    expect(lookUpTimeZone(typed)).toEqual({ kind: 'ambiguous', zones });
  });

  it.each([
    ['Asia/Tokio', 'Asia/Tokyo'],
    ['tokio', 'Asia/Tokyo'],
    ['brusels', 'Europe/Brussels'],
    ['Europe/Brusels', 'Europe/Brussels'],
    ['amsterdm', 'Europe/Amsterdam'],
  ])('suggests, but does not accept, a misspelt %j', (typed, zone) => {
    const found = lookUpTimeZone(typed);
    expect(found.kind).toBe('unknown');
    expect(found.kind === 'unknown' && found.nearest).toContain(zone);
  });

  it.each(['Mars/Olympus', '+09:00', ''])('knows nothing of %j', (typed) => {
    expect(lookUpTimeZone(typed)).toEqual({ kind: 'unknown', nearest: [] });
  });
});
