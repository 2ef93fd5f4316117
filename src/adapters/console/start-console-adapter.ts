import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Core } from '../../core/core.ts';
import type { ChannelRef } from '../../core/ports.ts';
import { toPlainText } from './to-plain-text.ts';

const CONSOLE_CHANNEL: ChannelRef = { platform: 'console', channelId: 'console' };

/**
 * The local terminal adapter: one command per line (the `/eujp` prefix optional), one reply
 * each. Resolves when input ends, so `printf '/eujp chips\n' | npm start` exits by itself.
 */
export async function runConsoleAdapter(options: {
  core: Core;
  input: Readable;
  output: Writable;
}): Promise<void> {
  const { core, input, output } = options;
  const interactive = 'isTTY' in input && input.isTTY === true;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY, terminal: interactive });
  if (interactive)
    output.write('eujp console: type a topic (e.g. semiconductors) or "help"; Ctrl-D to quit.\n> ');
  for await (const line of lines) {
    const reply = await core.handle(line, { channel: CONSOLE_CHANNEL, userId: 'console' });
    output.write(`${toPlainText(reply)}\n\n`);
    if (interactive) output.write('> ');
  }
}
