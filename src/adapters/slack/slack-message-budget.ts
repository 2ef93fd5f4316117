import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;

/**
 * Slack refuses a message whose blocks hold more than about 12,000 characters of text in total
 * (`msg_blocks_too_long`), although every block is within its own limit. The figure is not
 * documented and refusals have been reported from about 11,300, so we stay well below 11,000.
 */
export const MAX_MESSAGE_TEXT = 10_500;
export const MAX_BLOCKS = 50;

/** Room kept on every page for the one-line note that says more follows or was left out. */
const NOTE_ROOM = 300;

/** Every character of text a block carries: what Slack counts against the whole-message limit. */
export function blockTextLength(block: KnownBlock): number {
  return textIn(block);
}

export function blocksTextLength(blocks: readonly KnownBlock[]): number {
  let total = 0;
  for (const block of blocks) total += blockTextLength(block);
  return total;
}

function textIn(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + textIn(item), 0);
  if (!value || typeof value !== 'object') return 0;
  let total = 0;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'text' && typeof inner === 'string') total += inner.length;
    else if (typeof inner === 'object') total += textIn(inner);
  }
  return total;
}

/**
 * Packs `body` blocks into pages, the first starting with `top`. Every page leaves room for
 * `actions` and one note block within the block count and the whole-message text budget (the
 * caller adds them). A body block is at most one section (3,000 characters), so it always fits.
 */
export function paginateBlocks(
  top: KnownBlock[],
  body: KnownBlock[],
  actions: KnownBlock[],
  budget: number = MAX_MESSAGE_TEXT,
): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  let current: KnownBlock[] = [...top];
  let chars = blocksTextLength(top);
  const reserve = NOTE_ROOM + blocksTextLength(actions);
  for (const block of body) {
    const size = blockTextLength(block);
    const blockRoom = MAX_BLOCKS - 1 - actions.length;
    const full = current.length + 1 > blockRoom || chars + size > budget - reserve;
    if (full && current.length > (pages.length === 0 ? top.length : 0)) {
      pages.push(current);
      current = [];
      chars = 0;
    }
    current.push(block);
    chars += size;
  }
  pages.push(current);
  return pages;
}
