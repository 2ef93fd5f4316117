import { toSlackAtoms } from './escape-slack-text.ts';

/** Where a chunk may end, best first: between paragraphs, lines, sentences, then words. */
const BOUNDARIES: Array<(atoms: string[], index: number) => boolean> = [
  (atoms, i) => atoms[i] === '\n' && atoms[i - 1] === '\n',
  (atoms, i) => atoms[i] === '\n',
  (atoms, i) =>
    /^[。！？]$/u.test(atoms[i] ?? '') || (atoms[i] === ' ' && /^[.!?]$/.test(atoms[i - 1] ?? '')),
  (atoms, i) => atoms[i] === ' ' || atoms[i] === '\n',
];

/**
 * Splits escaped mrkdwn into chunks of at most `max` characters. Slack caps a section at 3,000
 * characters, so a long briefing becomes several sections; each cut falls at the best boundary
 * available and never inside a `<url|label>` link, an entity or a surrogate pair.
 */
export function splitSlackText(text: string, max: number): string[] {
  if (text.length <= max) return text.trim() ? [text.trim()] : [];
  return splitAtoms(toSlackAtoms(text), max, 0)
    .map((chunk) => chunk.join('').trim())
    .filter((chunk) => chunk.length > 0);
}

function lengthOf(atoms: string[]): number {
  let length = 0;
  for (const atom of atoms) length += atom.length;
  return length;
}

function splitAtoms(atoms: string[], max: number, level: number): string[][] {
  if (lengthOf(atoms) <= max) return [atoms];
  const isBoundary = BOUNDARIES[level];
  if (!isBoundary) return hardCut(atoms, max);
  const chunks: string[][] = [];
  let current: string[] = [];
  let currentLength = 0;
  for (const piece of cutAfter(atoms, isBoundary)) {
    const pieceLength = lengthOf(piece);
    if (pieceLength > max) {
      if (current.length > 0) chunks.push(current);
      chunks.push(...splitAtoms(piece, max, level + 1));
      current = [];
      currentLength = 0;
    } else if (currentLength + pieceLength <= max) {
      current.push(...piece);
      currentLength += pieceLength;
    } else {
      chunks.push(current);
      current = [...piece];
      currentLength = pieceLength;
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function cutAfter(atoms: string[], isBoundary: (atoms: string[], index: number) => boolean): string[][] {
  const pieces: string[][] = [];
  let start = 0;
  for (let i = 0; i < atoms.length; i++) {
    if (isBoundary(atoms, i)) {
      pieces.push(atoms.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < atoms.length) pieces.push(atoms.slice(start));
  return pieces;
}

/** Last resort for a "word" longer than a whole section (a pasted blob, Japanese without 。). */
function hardCut(atoms: string[], max: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let currentLength = 0;
  for (const atom of atoms) {
    if (currentLength + atom.length > max && current.length > 0) {
      chunks.push(current);
      current = [];
      currentLength = 0;
    }
    // A single link longer than the limit cannot be kept whole: keep its label instead.
    const safeAtom = atom.length > max ? labelOf(atom).slice(0, max) : atom;
    current.push(safeAtom);
    currentLength += safeAtom.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function labelOf(link: string): string {
  const bar = link.indexOf('|');
  return bar >= 0 ? link.slice(bar + 1, -1) : '';
}
