import { describe, expect, it } from 'vitest';
import type { BriefingText } from '../../../src/core/briefings/briefing.ts';
import { answerSentences } from '../../../src/core/commands/answer-sentences.ts';
import { tokenize } from '../../../src/core/topics/tokenize.ts';

const text = (paragraphs: string[], bullets: string[] = []): BriefingText => ({
  title: 'Test',
  summary: 'A summary.',
  sections: [{ heading: 'What was agreed', paragraphs, bullets }],
  sources: [],
});

describe('the sentences that answer a question', () => {
  const briefing = text(
    [
      'The partnership covers research in many fields [1]. Joint 6G research started in 2025 [2].',
      'Nothing here cites a source, though it mentions 6G.',
    ],
    [
      'Cables: a research memorandum on submarine cables was signed [3].',
      'Standards: both back global 6G standards [4].',
    ],
  );

  it('picks the cited sentences holding the rarest of the question’s words, in briefing order', () => {
    expect(answerSentences(briefing, tokenize('6g research'))).toEqual([
      'Joint 6G research started in 2025 [2].',
      'Standards: both back global 6G standards [4].',
    ]);
  });

  it('never leads with a sentence that cites nothing', () => {
    expect(answerSentences(briefing, tokenize('mentions'))).toEqual([]);
  });

  it('gives at most three sentences, and none when no word is found', () => {
    const many = text(Array.from({ length: 6 }, (_, n) => `Quantum step ${n} [1].`));
    expect(answerSentences(many, tokenize('quantum'))).toHaveLength(3);
    expect(answerSentences(many, tokenize('bread'))).toEqual([]);
  });

  it('splits Japanese sentences at 。 and matches by character pairs', () => {
    const japanese = text(['量子技術の協力趣意書に署名した[1]。半導体の専門家会合を開いた[2]。']);
    expect(answerSentences(japanese, tokenize('量子技術'))).toEqual(['量子技術の協力趣意書に署名した[1]。']);
  });
});
