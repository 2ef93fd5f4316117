import fc from 'fast-check';

/**
 * A word no briefing, message or renderer ever writes. It rides inside every markup sample, so a
 * check can ask "is the markup around SENTINEL still live?" without guessing which characters the
 * renderer added itself.
 */
export const SENTINEL = 'QZXW';

/** Path-like text, including the real files a leak would show. */
export const PATH_LIKE = [
  '../../etc/passwd',
  '../../../../../../etc/passwd',
  '/etc/passwd',
  '/etc/hostname',
  '/proc/self/environ',
  'C:\\',
  'C:\\Windows\\win.ini',
  '..\\..\\..\\windows\\system32\\drivers\\etc\\hosts',
  'file:///etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//etc/passwd',
  '~/.ssh/id_rsa',
  '.env',
  '../.env',
  '../package.json',
  'briefings/../package.json',
  '../briefings/quantum.md',
  'quantum.md',
  '../../../../../../../tmp',
  '/dev/zero',
  '\\\\server\\share\\file',
] as const;

const CONTROL = [
  '\u0000',
  '\u0007',
  '\u0008',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u001b]0;pwned\u0007',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
];
const BIDI_AND_INVISIBLE = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u202eevil\u202c',
];
const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🇯🇵', '🇪🇺', '🏳️‍🌈', '1️⃣', '🫠', '\ud83d', '\ude00'];
const SLACK_MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123|@team>',
  '<@U123>',
  '<@W123|bob>',
  '<#C1|x>',
  '<https://x|y>',
  '<http://evil.example|click me>',
  '<mailto:a@b.c|mail>',
  '&lt;!channel&gt;',
  '&amp;',
  '@channel',
  `*${SENTINEL}*`,
  `_${SENTINEL}_`,
  `~${SENTINEL}~`,
  `\`${SENTINEL}\``,
  `\`\`\`${SENTINEL}\`\`\``,
  `<https://evil.example|${SENTINEL}>`,
];
const DISCORD_MARKUP = [
  '@everyone',
  '@here',
  '@ everyone',
  '@\u200beveryone',
  '<@&123>',
  '<@!123>',
  '<@123456789012345678>',
  '<#123456789012345678>',
  '</eujp:123>',
  '<t:1700000000:R>',
  '<:emoji:123>',
  '**',
  '`',
  '\\',
  '[a](http://x)',
  `**${SENTINEL}**`,
  `__${SENTINEL}__`,
  `~~${SENTINEL}~~`,
  `||${SENTINEL}||`,
  `\`${SENTINEL}\``,
  `[${SENTINEL}](http://evil.example)`,
  `[${SENTINEL}](<http://evil.example>)`,
  `\\**${SENTINEL}**`,
  `\n# ${SENTINEL}`,
  `\n-# ${SENTINEL}`,
  `\n> ${SENTINEL}`,
  `\n- ${SENTINEL}`,
  `\n1. ${SENTINEL}`,
];
const JAPANESE = [
  '半導体',
  '量子',
  '人工知能',
  'ｓｅｍｉｃｏｎｄｕｃｔｏｒｓ',
  'ハンドウタイ',
  '日ＥＵ',
  '　',
  '。',
  '「',
  '」',
  '購読',
  '出典',
];
const GRAMMAR = [
  '/eujp',
  'help',
  'topics',
  'list',
  'sources',
  'search',
  'timeline',
  'digest',
  'subscribe',
  'unsubscribe',
  'subscriptions',
  'status',
  'language',
  'lang=ja',
  'lang=en',
  'lang=',
  'daily',
  'weekly',
  'mon',
  '09:00',
  '25:99',
  'cron',
  '"0 9 * * 1"',
  '"* * * * * *"',
  'tz=Asia/Tokyo',
  'tz=../../etc/localtime',
  'all',
  '#1',
  '0',
  '-1',
  '99999999999',
  'quantum',
  'ai',
  'semiconductors',
  '5g-6g',
  'data-flows',
];

// Citation markers: renderers turn `[n]` into links to source n, which must stay well-formed.
const CITATIONS = ['[1]', '[2]', '[3]', '[0]', '[999]', '[1000]', '[1][2]', '\\[1]'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SLACK_MARKUP, ...DISCORD_MARKUP) },
  { weight: 2, arbitrary: fc.constantFrom(...GRAMMAR) },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL, ...BIDI_AND_INVISIBLE) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI, ...JAPANESE, ...CITATIONS) },
  { weight: 1, arbitrary: fc.constantFrom(...PATH_LIKE) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '', '\n', '\t', '　');

/**
 * Pieces of hostile text joined by spaces, line breaks or nothing, within `maxLength` UTF-16
 * units. fast-check keeps generated arrays small unless told otherwise, so `size` is explicit:
 * 'max' really does reach thousands of pieces.
 */
export function hostileText(
  maxPieces: number,
  maxLength: number,
  options: { minPieces?: number; size?: fc.SizeForArbitrary } = {},
): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(piece, separator), {
      minLength: options.minPieces ?? 0,
      maxLength: maxPieces,
      size: options.size ?? 'medium',
    })
    .map((pieces) => pieces.map(([text, gap]) => text + gap).join(''))
    .map((text) => text.slice(0, maxLength));
}

// A command word first, so every branch of the grammar sees hostile arguments.
const COMMAND_PREFIXES = [
  '',
  '/eujp ',
  'search ',
  'sources ',
  'timeline ',
  'digest ',
  'subscribe daily 09:00 ',
  'subscribe weekly mon 09:00 tz=',
  'subscribe cron "',
  'subscribe daily 09:00 tz=Asia/Tokyo ',
  'unsubscribe ',
  'language ',
  'lang=ja ',
  '/eujp lang=en search ',
];

/**
 * What a person (or an attacker) might type: usually a command word and a short hostile tail,
 * sometimes one enormous blob of up to 10,000 characters.
 */
export const hostileCommand: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.constantFrom(...COMMAND_PREFIXES), hostileText(60, 600)).map(([a, b]) => a + b),
  },
  // Around the 500-character limit: cleaning may bring a longer text under it, or not.
  { weight: 1, arbitrary: hostileText(300, 2_000, { minPieces: 40, size: 'max' }) },
  { weight: 1, arbitrary: hostileText(2_500, 10_000, { minPieces: 200, size: 'max' }) },
  {
    weight: 1,
    arbitrary: fc
      .string({ unit: 'binary', minLength: 1, maxLength: 10_000, size: 'max' })
      .map((text) => text.slice(0, 10_000)),
  },
);

/** A path-like query behind any command word that takes a topic or words. */
export const pathLikeCommand: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', '/eujp ', 'sources ', 'search ', 'timeline ', 'digest ', 'subscribe daily 09:00 tz='),
    fc.constantFrom(...PATH_LIKE),
    fc.constantFrom('', ' sources', '%00', '\u0000.md', '.md', '/'),
  )
  .map(([command, path, suffix]) => `${command}${path}${suffix}`);

/** Hostile text for a reply field that a renderer must escape (title, paragraph, label…). */
export const hostileField = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileText(Math.ceil(maxLength / 4), maxLength) },
    { weight: 1, arbitrary: hostileText(Math.ceil(maxLength / 2), maxLength, { size: 'max' }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength, size: 'medium' }) },
  );
