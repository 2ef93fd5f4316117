import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeSlackText, truncateSlackText } from '../../../src/adapters/slack/escape-slack-text.ts';
import { splitSlackText } from '../../../src/adapters/slack/split-slack-text.ts';

describe('splitSlackText', () => {
  it('returns short text as one chunk', () => {
    expect(splitSlackText('Hello there.', 100)).toEqual(['Hello there.']);
  });

  it('prefers a paragraph break, then a sentence end, then a space', () => {
    expect(splitSlackText('One two.\n\nThree four.', 15)).toEqual(['One two.', 'Three four.']);
    expect(splitSlackText('One two. Three four.', 15)).toEqual(['One two.', 'Three four.']);
    expect(splitSlackText('alpha beta gamma', 11)).toEqual(['alpha beta', 'gamma']);
  });

  it('keeps a link whole even when its label has spaces', () => {
    const link = '<https://example.org/a|a long label>';
    const chunks = splitSlackText(`intro words ${link} outro`, 40);
    expect(chunks.some((chunk) => chunk.includes(link))).toBe(true);
  });

  it('cuts a word longer than a whole section, but never inside an entity', () => {
    const chunks = splitSlackText(escapeSlackText('&'.repeat(20)), 12);
    expect(chunks.every((chunk) => /^(&amp;)+$/.test(chunk) && chunk.length <= 12)).toBe(true);
  });

  it('keeps every chunk within the limit, never splits a link and loses no words (property)', () => {
    const token = fc.oneof(
      fc.stringMatching(/^[a-zA-Z&<>.]{1,12}$/).map(escapeSlackText),
      fc.constantFrom(' ', ' ', '\n', '\n\n', '. '),
      fc.stringMatching(/^[a-z ]{1,20}$/).map((label) => `<https://example.org/x|${label}>`),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), fc.integer({ min: 40, max: 300 }), (tokens, max) => {
        const text = tokens.join('');
        const chunks = splitSlackText(text, max);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(max);
          expect(chunk.split('<').length).toBe(chunk.split('>').length);
          expect(chunk).not.toMatch(/&(a|am|l|g)?$/);
        }
        expect(chunks.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });
});

describe('truncateSlackText', () => {
  it('leaves text that fits alone', () => {
    expect(truncateSlackText('short', 10)).toBe('short');
  });

  it('cuts at a word and adds an ellipsis', () => {
    expect(truncateSlackText('alpha beta gamma delta', 15)).toBe('alpha beta…');
  });
});
