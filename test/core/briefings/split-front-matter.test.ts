import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/briefings/split-front-matter.ts';

describe('splitFrontMatter', () => {
  it('cuts the block between the fences and the line break after the closing one', () => {
    expect(splitFrontMatter('---\ntopic: ai\n---\n# Title\n')).toEqual({
      matter: '\ntopic: ai',
      body: '# Title\n',
    });
  });

  it('reads Windows line breaks and a byte-order mark', () => {
    expect(splitFrontMatter('\ufeff---\r\na: 1\r\n---\r\nbody')).toEqual({
      matter: '\na: 1\r',
      body: 'body',
    });
  });

  it('leaves a file without an opening fence whole', () => {
    expect(splitFrontMatter('# Just Markdown\n---\n')).toEqual({
      matter: '',
      body: '# Just Markdown\n---\n',
    });
    expect(splitFrontMatter('----\nnot a fence')).toEqual({ matter: '', body: '----\nnot a fence' });
  });

  it('treats an unclosed block as all front matter and no body', () => {
    expect(splitFrontMatter('---\na: 1\n')).toEqual({ matter: '\na: 1\n', body: '' });
  });
});
