import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createConditionWaiter } from '../../../fakes/condition-waiter.ts';
import { BLANK_BOT_ENV } from '../../../support/blank-bot-env.ts';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '../../../..');
const WAIT_LIMIT_MS = 60_000;

/** One JSON log line of the manager or of a shard (they share stderr). */
export type LogLine = Record<string, unknown> & { msg?: string };

/** `npm run start:sharded` as a child process, with its log lines parsed. */
export interface ShardedBot {
  readonly logs: LogLine[];
  /** Resolves with the `count`-th log line whose `msg` is `msg`. */
  waitForLog(msg: string, count?: number): Promise<LogLine>;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startShardedBot(env: Record<string, string>, args: string[]): Promise<ShardedBot> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/sharded-main.ts', ...args],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...BLANK_BOT_ENV,
        LOG_LEVEL: 'info',
        PORT: String(await freePort()),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: LogLine[] = [];
  const waiter = createConditionWaiter();
  let buffered = '';
  let output = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    output += chunk;
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        // Not a log line (a stack trace from a crash): kept in `output` for the failure message.
      }
    }
    waiter.notify();
  });
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let hasExited = false;
  // Marked before waking the waits, so a wait for a log line that will never come fails at once.
  void exited.then(() => {
    hasExited = true;
    waiter.notify();
  });

  return {
    logs,
    waitForLog: (msg, count = 1) =>
      waiter.waitFor(
        () => {
          const found = logs.filter((line) => line.msg === msg)[count - 1];
          if (!found && hasExited)
            throw new Error(`the sharded bot exited before logging "${msg}":\n${output}`);
          return found;
        },
        () => `no "${msg}" (×${count}) within ${WAIT_LIMIT_MS} ms:\n${output}`,
        WAIT_LIMIT_MS,
      ),
    stop: async (signal = 'SIGTERM') => {
      if (!hasExited) child.kill(signal);
      return exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True while a process with this pid exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
