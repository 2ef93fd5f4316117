import { editDistance, typoAllowance } from '../topics/edit-distance.ts';
import { TIME_ZONE_ABBREVIATIONS, TIME_ZONE_PLACES } from './time-zone-aliases.ts';
import { resolveTimeZone } from './zoned-time.ts';

/** What a typed time zone means: one zone, some zones to choose from, or nothing known. */
export type TimeZoneLookup =
  | { kind: 'zone'; zone: string }
  | { kind: 'ambiguous'; zones: string[] }
  | { kind: 'unknown'; nearest: string[] };

const MAX_SUGGESTIONS = 3;

/**
 * Reads `tz=…`: an IANA name in any case, an unambiguous abbreviation (JST) or place (tokyo,
 * osaka, 東京) is accepted as its zone; an ambiguous abbreviation (IST) or a misspelling
 * (Asia/Tokio, brusels) only suggests, since a digest at the wrong hour is worse than a question.
 */
export function lookUpTimeZone(typed: string): TimeZoneLookup {
  const text = typed.normalize('NFKC').trim();
  const abbreviation = TIME_ZONE_ABBREVIATIONS[text.toUpperCase()];
  if (abbreviation) {
    const zones = canonical(abbreviation);
    const [only] = zones;
    return only && zones.length === 1 ? { kind: 'zone', zone: only } : { kind: 'ambiguous', zones };
  }
  const exact = resolveTimeZone(text);
  if (exact) return { kind: 'zone', zone: exact };
  const place = placeKey(text);
  const known = placeIndex().get(place);
  if (known) return { kind: 'zone', zone: known };
  return { kind: 'unknown', nearest: nearestZones(place) };
}

function canonical(zones: readonly string[]): string[] {
  return [...new Set(zones.map((zone) => resolveTimeZone(zone) ?? zone))];
}

// "New_York", "new-york", "São Paulo" and "america/new york" all read as the same key.
function placeKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\-\s]+/g, ' ')
    .trim();
}

let index: Map<string, string> | undefined;

/** Every place key (zone city, full zone name, listed place) with the one zone it means. */
function placeIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const resolved = resolveTimeZone(zone) ?? zone;
    index.set(placeKey(zone), resolved);
    const city = zone.split('/').at(-1);
    if (city && !index.has(placeKey(city))) index.set(placeKey(city), resolved);
  }
  for (const [place, zone] of Object.entries(TIME_ZONE_PLACES))
    index.set(placeKey(place), resolveTimeZone(zone) ?? zone);
  return index;
}

function nearestZones(place: string): string[] {
  const limit = Math.max(1, typoAllowance([...place].length));
  const scored: Array<{ zone: string; distance: number }> = [];
  for (const [key, zone] of placeIndex()) {
    const distance = editDistance(place, key, limit);
    if (distance <= limit) scored.push({ zone, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.zone.localeCompare(b.zone));
  return [...new Set(scored.map((entry) => entry.zone))].slice(0, MAX_SUGGESTIONS);
}
