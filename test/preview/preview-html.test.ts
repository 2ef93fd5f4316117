import { describe, expect, it } from 'vitest';
import { toDiscordMessages } from '../../src/adapters/discord/to-discord-messages.ts';
import { toSlackMessages } from '../../src/adapters/slack/to-slack-message.ts';
import { blockKitHtml, mrkdwnHtml } from '../../src/preview/block-kit-html.ts';
import { discordHtml, markdownHtml } from '../../src/preview/discord-html.ts';
import { sampleBriefing } from '../adapters/slack/sample-replies.ts';

describe('the preview page renders what the adapters send', () => {
  it('shows Slack mrkdwn as formatted HTML: links, bold, code, entities', () => {
    expect(mrkdwnHtml('*Heading*\n\nA &amp; B <https://example.org/a?x=1&amp;y=2|[1]> `code`')).toBe(
      '<b>Heading</b><br><br>A &amp; B <a href="https://example.org/a?x=1&amp;y=2" target="_blank" rel="noreferrer">[1]</a> <code>code</code>',
    );
  });

  it('never lets briefing text become markup on the page', () => {
    const hostile = sampleBriefing({
      title: '<script>alert(1)</script>',
      summary: '<img src=x onerror=alert(1)> "quoted"',
    });
    const html = blockKitHtml(toSlackMessages(hostile)) + discordHtml(toDiscordMessages(hostile));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(mrkdwnHtml('<javascript:alert(1)|click>')).not.toContain('href');
    expect(markdownHtml('[click](javascript:alert(1))')).not.toContain('href');
  });

  it("keeps Discord's escaped brackets around a linked citation, and counts each message", () => {
    expect(markdownHtml('claim \\[[1](https://example.org/a)\\]')).toBe(
      'claim [<a href="https://example.org/a" target="_blank" rel="noreferrer">1</a>]',
    );
    expect(discordHtml(toDiscordMessages(sampleBriefing()))).toMatch(/\d+ \/ 6,000 characters/);
  });
});
