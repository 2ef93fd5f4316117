import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { Readable } from 'node:stream';
import { BLANK_BOT_ENV } from '../support/blank-bot-env.ts';
import { PROJECT_ROOT } from '../support/run-command.ts';

/** One line the bot logged: pino JSON when it parses, the raw text either way. */
export interface LogLine {
  raw: string;
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export const PINO_ERROR = 50;

/** The real bot (`src/main.ts`) running as a subprocess, with everything it writes captured. */
export interface BotProcess {
  readonly pid: number;
  readonly port: number;
  readonly logs: LogLine[];
  /** Everything written to stderr and stdout so far. */
  output(): string;
  /** Resolves with the first log line matching, waiting for it; rejects if the process exits first. */
  waitForLog(matches: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** `GET http://127.0.0.1:PORT{path}`. */
  get(path: string): Promise<{ status: number; text: string }>;
  /** Sends `signal` and resolves with the exit code once the process has gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  readonly exited: Promise<number | null>;
}

/** Environment the bot reads (the README's configuration table); empty strings mean "unset", as in `.env.example`. */
export type BotEnv = Record<string, string>;

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
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

/**
 * Spawns `node --import tsx src/main.ts` and waits for its `eujp ready` line. `PORT` is chosen
 * here unless given; the bot's HTTP server (Bolt's, or its own health server) listens on it.
 */
export async function startBot(env: BotEnv, options: { readyTimeoutMs?: number } = {}): Promise<BotProcess> {
  const bot = await spawnBot(env);
  try {
    await bot.waitForLog((line) => line.msg === 'eujp ready', "'eujp ready'", options.readyTimeoutMs);
  } catch (error) {
    await bot.stop('SIGKILL');
    throw error;
  }
  return bot;
}

/** How a bot that was expected to fail at start-up ended. */
export interface BotExit {
  /** The exit code; `'still running'` when it had not exited within the time allowed (then it is killed). */
  code: number | null | 'still running';
  output: string;
  /** The non-empty lines it wrote to stderr. */
  lines: string[];
}

/** Spawns the bot and waits up to `withinMs` for it to exit by itself (it is killed after that). */
export async function runBotUntilExit(env: BotEnv, withinMs = 10_000): Promise<BotExit> {
  const bot = await spawnBot(env);
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([
    bot.exited,
    new Promise<'still running'>((resolve) => {
      timer = setTimeout(() => resolve('still running'), withinMs);
    }),
  ]);
  clearTimeout(timer);
  if (code === 'still running') await bot.stop('SIGKILL');
  return { code, output: bot.output(), lines: bot.logs.map((line) => line.raw) };
}

/** Spawns `node --import tsx src/main.ts` without waiting for anything. */
export async function spawnBot(env: BotEnv): Promise<BotProcess> {
  const port = env.PORT ? Number(env.PORT) : await freePort();
  return watchBotProcess(
    spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...BLANK_BOT_ENV,
        LOG_LEVEL: 'info',
        ...env,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    port,
  );
}

/** Captures a spawned bot's output and exit; shared by the source and the built-image runs. */
export function watchBotProcess(
  child: ChildProcessByStdio<null, Readable, Readable>,
  port: number,
): BotProcess {
  const logs: LogLine[] = [];
  const listeners = new Set<() => void>();
  let text = '';
  let pending = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const raw of lines) if (raw.trim()) logs.push(parseLine(raw));
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => {
      if (pending.trim()) logs.push(parseLine(pending));
      pending = '';
      resolve(code ?? (signal ? null : code));
      for (const listener of listeners) listener();
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const waitForLog: BotProcess['waitForLog'] = (matches, what, timeoutMs = 20_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = logs.find(matches);
        if (found) {
          cleanup();
          resolve(found);
        } else if (hasExited || child.exitCode !== null) {
          cleanup();
          reject(new Error(`the bot exited (code ${child.exitCode}) before logging ${what}:\n${text}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the bot did not log ${what} within ${timeoutMs} ms:\n${text}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  const bot: BotProcess = {
    pid: child.pid ?? -1,
    port,
    logs,
    output: () => text,
    waitForLog,
    get: async (path) => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      return { status: response.status, text: await response.text() };
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    exited,
  };
  return bot;
}

function parseLine(raw: string): LogLine {
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (parsed && typeof parsed === 'object') return { ...(parsed as Record<string, unknown>), raw };
  } catch {
    // Not pino: a Node warning or a library printing on its own; kept as raw text.
  }
  return { raw };
}
