import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBriefingSource } from '../../../src/core/briefings/create-briefing-source.ts';
import type { Logger } from '../../../src/core/ports.ts';
import { BRIEFINGS_DIR } from '../../support/test-core.ts';

let dir: string;
const warnings: unknown[] = [];
const logger: Logger = { debug() {}, info() {}, warn: (obj) => warnings.push(obj), error() {} };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'eujp-reload-'));
  await cp(BRIEFINGS_DIR, dir, { recursive: true });
  warnings.length = 0;
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const editSummary = async (summary: string) => {
  const file = path.join(dir, 'hpc.md');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/^summary: .*$/m, `summary: ${summary}`));
};

describe('live briefing content: edits swap in whole, invalid edits keep the previous content', () => {
  it('swaps in a valid edit as a whole', async () => {
    const source = await createBriefingSource(dir, logger);
    const before = source.current();
    await editSummary('A brand-new summary for high-performance computing.');
    expect(await source.reload()).toBe(true);
    expect(source.current()).not.toBe(before);
    expect(source.current().briefings.get('hpc')?.text.en.summary).toBe(
      'A brand-new summary for high-performance computing.',
    );
  });

  it('keeps the previous content and names the file and field when an edit is invalid', async () => {
    const source = await createBriefingSource(dir, logger);
    const before = source.current();
    await editSummary('');
    expect(await source.reload()).toBe(false);
    expect(source.current()).toBe(before);
    expect(JSON.stringify(warnings)).toContain('"file":"hpc.md","field":"summary"');
  });

  it('notices an edited file by itself while watching', async () => {
    const source = await createBriefingSource(dir, logger);
    const stop = source.watch();
    try {
      await editSummary('Edited while the bot runs.');
      await vi.waitFor(
        () =>
          expect(source.current().briefings.get('hpc')?.text.en.summary).toBe('Edited while the bot runs.'),
        {
          timeout: 5000,
        },
      );
    } finally {
      stop();
    }
  });
});
