import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/adapters/console/to-plain-text.ts';
import type { Core } from '../../src/core/core.ts';
import { createCore } from '../../src/core/create-core.ts';
import type { Reply } from '../../src/core/reply.ts';
import { BRIEFINGS_DIR, fixedClock, loadRealLibrary, silentLogger } from '../support/test-core.ts';
import { PATH_LIKE, pathLikeCommand } from './hostile-text.ts';
import { propertyRuns } from './property-runs.ts';

const SRC = path.resolve(import.meta.dirname, '../../src');
const CANARY = 'CANARY-7f3a9c-NOT-A-BRIEFING';

/**
 * Briefing content is read once, by the loader, from the briefings directory. These tests show
 * that no text typed at the bot reaches a file: not by design (nothing past the loader can read
 * one) and not in effect (no reply carries a byte of a file outside the briefings).
 */
describe('query text never reads a file', () => {
  let core: Core;
  let outside: string;
  // Distinctive lines of files an attacker would want, and of files that sit next to the briefings.
  const forbidden: string[] = [];

  beforeAll(async () => {
    const library = await loadRealLibrary();
    core = createCore({
      getLibrary: () => library,
      clock: fixedClock(),
      logger: silentLogger,
      rateLimits: false,
    });
    // A file shaped like a briefing, outside the briefings directory, holding a canary.
    outside = mkdtempSync(path.join(tmpdir(), 'eujp-outside-'));
    mkdirSync(path.join(outside, 'briefings'));
    writeFileSync(
      path.join(outside, 'briefings', 'quantum.md'),
      `---\nid: quantum\ntitle: ${CANARY}\n---\n${CANARY}\n`,
    );
    writeFileSync(path.join(outside, 'passwd'), `root:${CANARY}:0:0\n`);
    forbidden.push(
      CANARY,
      'root:x:0:0',
      '"better-sqlite3"',
      'noUncheckedIndexedAccess',
      'SLACK_SIGNING_SECRET=',
    );
  });
  afterAll(() => {
    rmSync(outside, { recursive: true, force: true });
  });

  it('leaves reading files to the briefings loader: nothing else in the core imports the file system', () => {
    const readers = readdirSync(path.join(SRC, 'core'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        /from ['"](node:)?fs(\/promises)?['"]/.test(readFileSync(path.join(SRC, 'core', file), 'utf8')),
      )
      .map((file) => file.split(path.sep).join('/'));
    expect(readers.sort()).toEqual([
      'briefings/create-briefing-source.ts',
      'briefings/load-briefing-library.ts',
    ]);
  });

  const replyText = (reply: Reply) => `${JSON.stringify(reply)}\n${toPlainText(reply)}`;

  it('answers path-like text from the loaded briefings or with not_found, help or an error, never with file content', async () => {
    const targets = fc.oneof(
      pathLikeCommand,
      fc
        .tuple(
          fc.constantFrom('', 'sources ', 'timeline ', 'search ', 'digest '),
          fc.constantFrom(
            () => path.join(outside, 'briefings', 'quantum'),
            () => path.join(outside, 'briefings', 'quantum.md'),
            () => path.relative(BRIEFINGS_DIR, path.join(outside, 'briefings', 'quantum.md')),
            () => path.relative(process.cwd(), path.join(outside, 'passwd')),
            () => path.join(outside, 'passwd'),
          ),
        )
        .map(([command, target]) => `${command}${target()}`),
    );
    await fc.assert(
      fc.asyncProperty(targets, async (text) => {
        const reply = await core.handle(text, {});
        const shown = replyText(reply);
        for (const line of forbidden) expect(shown).not.toContain(line);
        if (reply.type === 'briefing' || reply.type === 'sources' || reply.type === 'timeline') {
          // A word in the path ("quantum.md", "sources") named a topic: the answer must then be
          // exactly that topic's answer from the loaded library, as if its id had been typed.
          expect(reply.topic).not.toBeNull();
          const asTyped = reply.type === 'briefing' ? `${reply.topic}` : `${reply.type} ${reply.topic}`;
          expect(reply).toEqual(await core.handle(asTyped, {}));
        } else {
          expect(['not_found', 'help', 'error', 'search']).toContain(reply.type);
          for (const item of reply.sections.flatMap((section) => section.items)) {
            if (reply.type === 'search') expect(item.topic).toBeDefined();
          }
        }
      }),
      propertyRuns(150),
    );
  });

  it.each(PATH_LIKE)('does not treat %j as a topic', async (text) => {
    const reply = await core.handle(text, {});
    // `quantum.md` and `../briefings/quantum.md` read as the word "quantum", which is a topic by
    // name, not a file: the answer comes from the loaded library like any other query.
    if (reply.type === 'briefing') {
      expect(reply.topic).toBe('quantum');
      expect(text).toMatch(/quantum/);
    } else {
      expect(['not_found', 'error', 'help']).toContain(reply.type);
    }
    for (const line of forbidden) expect(replyText(reply)).not.toContain(line);
  });
});
