import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../../src/adapters/console/to-plain-text.ts';
import { toDiscordMessages } from '../../src/adapters/discord/to-discord-messages.ts';
import { toSlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import { toReplyJson } from '../../src/cli/reply-json.ts';
import { loadBriefingLibrary } from '../../src/core/briefings/load-briefing-library.ts';
import { createCore } from '../../src/core/create-core.ts';
import { fixedClock, silentLogger } from '../support/test-core.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/briefings');
const FRESHNESS = 'As of 12 May 2025, 19 months ago · checked 20 November 2026';

describe('every renderer shows how old a briefing is and when it was checked', async () => {
  const library = await loadBriefingLibrary(FIXTURES, { complete: false });
  const core = createCore({
    getLibrary: () => library,
    clock: fixedClock(new Date('2026-12-02T09:00:00Z')),
    logger: silentLogger,
    rateLimits: false,
  });
  const reply = await core.handle('ai', {});

  it('Slack', () => {
    expect(JSON.stringify(toSlackMessage(reply).blocks)).toContain(FRESHNESS);
  });

  it('Discord', () => {
    expect(toDiscordMessages(reply).at(-1)?.embeds.at(-1)?.footer?.text).toContain(FRESHNESS);
  });

  it('the console', () => {
    expect(toPlainText(reply)).toContain(FRESHNESS);
  });

  it('the CLI JSON, inside its text and without new keys', () => {
    const json = JSON.parse(toReplyJson(reply));
    expect(Object.keys(json).sort()).toEqual(['sources', 'suggestions', 'text', 'title', 'topic', 'type']);
    expect(json.text).toContain(FRESHNESS);
  });
});
