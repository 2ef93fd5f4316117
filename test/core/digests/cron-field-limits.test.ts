import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core.ts';
import { parseSchedule } from '../../../src/core/digests/schedule.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import type { RequestContext } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { propertyRuns } from '../../properties/property-runs.ts';
import { type CoreWithDigests, startCoreWithDigests } from '../../support/core-with-digests.ts';
import { PROJECT_ROOT } from '../../support/run-command.ts';

// A cron schedule is the one place user text becomes a count of things: node-cron expands a
// range into an array before it checks the bounds. Every field is checked before it gets there.

const channel = { platform: 'slack' as const, channelId: 'C1', workspaceId: 'T1' };
const member: RequestContext = { channel, userId: 'U1' };
const text = (reply: Reply) => reply.sections.flatMap((s) => s.paragraphs).join(' ');

/** Parses `expressions` in a child process whose heap is far too small for an expanded range. */
function parseWithSmallHeap(expressions: string[]): Promise<{ code: number | null; stdout: string }> {
  const script = `
    const { parseSchedule } = await import('./src/core/digests/schedule.ts');
    const results = JSON.parse(process.argv[1]).map((expression) => parseSchedule({ kind: 'cron', expression }));
    console.log(JSON.stringify(results.map((r) => (r.ok ? 'ok' : r.problem.code))));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--max-old-space-size=48',
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
        JSON.stringify(expressions),
      ],
      {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.resume();
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout }));
  });
}

describe('cron field limits', () => {
  it('refuses huge ranges, steps and lists in a process with a 48 MB heap (the old parser died of it)', async () => {
    const result = await parseWithSmallHeap([
      '0 0 1-99999999 * *',
      '0 0 1-9999999 * *',
      '0 0-99999999 * * *',
      '0 0 * 1-99999999/1 *',
      '0 0 * * 0-99999999',
      `0 0 ${'1-31,'.repeat(40)}1 * *`,
      '0 9 * * 1-5',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      'cron_field',
      'cron_field',
      'cron_field',
      'cron_field',
      'cron_field',
      'cron_too_long',
      'ok',
    ]);
  }, 30_000);

  it.each([
    ['minute', '60 9 * * *'],
    ['hour', '0 24 * * *'],
    ['hour', '0 1-100 * * *'],
    ['day_of_month', '0 9 0 * *'],
    ['day_of_month', '0 9 1-32 * *'],
    ['day_of_month', '0 9 */99 * *'],
    ['day_of_month', '0 9 */0 * *'],
    ['month', '0 9 * 13 *'],
    ['month', '0 9 * foo *'],
    ['day_of_week', '0 9 * * 8'],
    ['day_of_week', '0 9 * * 1-5/10'],
    ['day_of_week', '0 9 * * 001'],
    ['day_of_week', '0 9 * * 1,2,3,4,5,6,0,1,2'],
  ])('names the %s field of %s', (field, expression) => {
    const result = parseSchedule({ kind: 'cron', expression });
    expect(result).toMatchObject({ ok: false, problem: { code: 'cron_field', field } });
  });

  it.each([
    '0 9 * * 1-5',
    '15 */3 * * *',
    '0 0 1,15 * *',
    '45 1 * 3,10 0',
    '0 3 * * sun',
    '0 9 * jan-mar mon-fri',
    '0 9 * * 7',
    '0 22-2 * * *',
    '0 9 ? * MON',
  ])('still accepts %s', (expression) => {
    expect(parseSchedule({ kind: 'cron', expression }).ok).toBe(true);
  });

  it('only ever accepts fields within their bounds, whatever the numbers typed (property)', () => {
    // Numbers up to 12 digits only: the check refuses anything longer than two before node-cron.
    const number = fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 100, max: 999_999_999_999 }));
    const item = fc.oneof(
      fc.constant('*'),
      number.map(String),
      fc.tuple(number, number).map(([a, b]) => `${a}-${b}`),
      fc.tuple(number, number, number).map(([a, b, c]) => `${a}-${b}/${c}`),
      number.map((n) => `*/${n}`),
      fc.constantFrom('mon-fri', 'jan', 'sun', 'L', '5#2', '?', 'x'),
    );
    const field = fc.array(item, { minLength: 1, maxLength: 4 }).map((items) => items.join(','));
    const sizes = [60, 24, 31, 12, 7];
    fc.assert(
      fc.property(fc.array(field, { minLength: 5, maxLength: 5 }), (fields) => {
        const result = parseSchedule({ kind: 'cron', expression: fields.join(' ') });
        if (!result.ok) return;
        const { minutes, hours, daysOfMonth, months, weekdays } = result.schedule.fields;
        const expanded = [minutes, hours, daysOfMonth, months, weekdays];
        for (const [index, values] of expanded.entries()) {
          expect(values.length).toBeLessThanOrEqual(sizes[index] ?? 0);
        }
        expect(Math.max(...minutes)).toBeLessThanOrEqual(59);
        expect(Math.max(...hours)).toBeLessThanOrEqual(23);
        expect(Math.max(...daysOfMonth)).toBeLessThanOrEqual(31);
        expect(Math.max(...months)).toBeLessThanOrEqual(12);
      }),
      propertyRuns(300),
    );
  });

  it('keeps refusing L, W and # as unsupported rather than malformed', () => {
    for (const expression of ['0 9 L * *', '0 9 15W * *', '0 9 * * 5L', '0 9 * * mon#2']) {
      expect(parseSchedule({ kind: 'cron', expression })).toMatchObject({
        ok: false,
        problem: { code: 'cron_unsupported' },
      });
    }
  });
});

describe('subscribe cron with a field out of bounds, through the core', () => {
  let fixture: CoreWithDigests;
  let store: Store;
  let core: Core;

  beforeEach(async () => {
    fixture = await startCoreWithDigests();
    ({ core, store } = fixture);
  });
  afterEach(() => fixture.close());

  it('tells a member which field is wrong and its range, in English, and stores nothing', async () => {
    const reply = await core.handle('subscribe cron "0 0 1-999 * *"', member);
    expect(reply.type).toBe('error');
    expect(text(reply)).toMatch(/the day-of-month \(3rd\) field takes 1 to 31/);
    expect(text(reply)).toMatch(/Nothing was changed/);
    expect(await store.listChannelSubscriptions(channel)).toEqual([]);
  });

  it('says the same in Japanese', async () => {
    await core.handle('lang ja', member);
    const reply = await core.handle('subscribe cron "0 0 * * 1-99"', member);
    expect(reply.type).toBe('error');
    expect(text(reply)).toMatch(/曜日（5番目）の項目には 0〜7（0 と 7 は日曜日）または sun〜sat/);
    expect(await store.listChannelSubscriptions(channel)).toEqual([]);
  });

  it('refuses an overlong expression without echoing it', async () => {
    const long = `0 0 ${'1,'.repeat(60)}1 * *`;
    const reply = await core.handle(`subscribe cron "${long}"`, member);
    expect(reply.type).toBe('error');
    expect(text(reply)).toMatch(/longer than 100 characters/);
    expect(text(reply)).not.toContain('1,1,1,1');
    expect(await store.listChannelSubscriptions(channel)).toEqual([]);
  });
});
