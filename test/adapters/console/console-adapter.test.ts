import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runEntryPoint } from '../../support/run-command.ts';

// The bot as `npm start` runs it with no tokens: console adapter on stdin, embedded SQLite.
const startBot = (input: string) => runEntryPoint('src/main.ts', [], { input, env: { EUJP_DB: ':memory:' } });

describe('the console adapter (npm start without tokens)', () => {
  it('answers each line and exits cleanly at end of input', async () => {
    const result = await startBot('/eujp chips\nquantum sources\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Semiconductors\n/);
    expect(result.stdout).toContain('Sources: Quantum technology');
  });

  it('answers Japanese with lang=ja and explains that digests need a chat channel', async () => {
    const result = await startBot('半導体 lang=ja\nsubscribe daily 08:30 quantum\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^半導体\n/);
    expect(result.stdout).toMatch(/Slack or Discord/);
  });

  it('lists only the commands that work in the console, and titles a refused one so', async () => {
    const result = await startBot('help\nsubscribe daily 08:30\n');
    expect(result.stdout).toContain('/eujp search <words>');
    expect(result.stdout).not.toMatch(/\/eujp (subscribe|unsubscribe|subscriptions|status)\b/);
    expect(result.stdout).toMatch(/\nNot available in the console\n/);
    expect(result.stdout).not.toContain('Cannot do that');
  });

  it('keeps language ja for the session only, and shows Japanese headings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eujp-console-'));
    const env = { EUJP_DB: path.join(dir, 'eujp.sqlite') };
    try {
      const first = await runEntryPoint('src/main.ts', [], { input: 'language ja\nquantum\n', env });
      expect(first.stdout).toContain('終了まで');
      expect(first.stdout).toMatch(/\n出典\n\[1\]/);
      expect(first.stdout).not.toMatch(/\nSources\n/);
      const second = await runEntryPoint('src/main.ts', [], { input: 'quantum\n', env });
      expect(second.stdout).toMatch(/^Quantum technology\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('survives hostile lines and keeps answering', async () => {
    const hostile = [
      'x'.repeat(10_000),
      '\u001b]0;pwned\u0007',
      '<!channel> @everyone',
      '\u202Eevil',
      '../../etc/passwd',
      'hpc',
    ];
    const result = await startBot(`${hostile.join('\n')}\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('High-performance computing');
  });
});

describe('npm start, exactly as the README says', () => {
  it('builds the bot and answers a piped command with no tokens', async () => {
    const { spawn } = await import('node:child_process');
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn('npm', ['start', '--silent'], {
        cwd: PROJECT_ROOT,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, EUJP_DB: ':memory:' },
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
      child.stdin.end('/eujp chips\n');
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Semiconductors\n/);
  });
});
