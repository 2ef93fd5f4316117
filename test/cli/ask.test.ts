import { describe, expect, it } from 'vitest';
import { runEntryPoint } from '../support/run-command.ts';

const ask = (args: string[], input?: string) =>
  runEntryPoint('src/cli/ask.ts', args, input === undefined ? {} : { input });

describe('npm run ask: one plain-text reply, or exactly one JSON object per query', () => {
  it('prints a briefing as plain text', async () => {
    const result = await ask(['semiconductors']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Semiconductors\n/);
    expect(result.stdout).toMatch(/\[1\] .+ https:\/\//);
  });

  it('prints exactly one JSON object with the promised fields for --json', async () => {
    const result = await ask(['--json', 'chips']);
    expect(result.code).toBe(0);
    const reply = JSON.parse(result.stdout);
    expect(Object.keys(reply).sort()).toEqual(['sources', 'suggestions', 'text', 'title', 'topic', 'type']);
    expect(reply).toMatchObject({ type: 'briefing', topic: 'semiconductors', title: 'Semiconductors' });
    expect(reply.sources[0]).toEqual({
      n: 1,
      title: expect.any(String),
      publisher: expect.any(String),
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      url: expect.stringMatching(/^https:\/\//),
    });
  });

  it('answers one JSON line per input line with --stdin, a blank line being help', async () => {
    const result = await ask(
      ['--json', '--stdin'],
      '半導体\n\npizza recipe\nsearch adequacy\ntimeline\nsubscribe daily 08:00\n',
    );
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.type)).toEqual([
      'briefing',
      'help',
      'not_found',
      'search',
      'timeline',
      'error',
    ]);
    expect(lines[0].topic).toBe('semiconductors');
    expect(lines[2].suggestions).toEqual(expect.any(Array));
  });

  it('refuses an unknown option with its usage and exit code 2', async () => {
    const result = await ask(['--jsn', 'ai']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run ask/);
  });

  it('stops with one clear message naming a bad variable', async () => {
    const result = await runEntryPoint('src/cli/ask.ts', ['ai'], { env: { EUJP_TZ: 'Mars/Olympus' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/EUJP_TZ: is not a known IANA time zone/);
  });
});
