import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildSync } from 'esbuild';
import { freePort } from '../test/e2e/bot-process.ts';
import { startFakePlatforms } from '../test/e2e/fake-platforms.ts';
import { type BenchResult, percentile, round } from './measure.ts';

// Start-up time and resident memory of the real bot (`src/main.ts`, both adapters) against a bare
// Bolt + discord.js process doing the same start-up work (bench/bare-baseline.ts). Both run as
// built JavaScript under plain node against the same loopback fakes, alternately, after one
// discarded warm-up each (the OS page cache).
const RUNS = 5;
const SETTLE_MS = 2_000;
const READY_TIMEOUT_MS = 30_000;
const READY_BUDGET = 1.2;
const RSS_BUDGET = 1.1;
const ROOT = path.resolve(import.meta.dirname, '..');

interface Sample {
  readyMs: number;
  /** CPU time (all threads) spent up to ready: steadier than wall time on a busy machine. */
  cpuMs: number;
  rssMb: number;
}

interface Subject {
  /** Node arguments: the bot exactly as `npm start` runs it (without npm's own process). */
  args: string[];
  isReady(line: string): boolean;
}

// The bot runs as `npm start` runs it (the stale-build check, then dist/main.js in the same process,
// with source maps); the baseline bundled the same way (packages external) under plain node.
const BOT: Subject = {
  args: ['--enable-source-maps', 'scripts/start.mjs'],
  isReady: (line) => line.includes('"msg":"eujp ready"'),
};
const BARE: Subject = { args: ['dist-bench/bare-baseline.js'], isReady: (line) => line === 'ready' };

function buildBoth(): void {
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
  buildSync({
    entryPoints: ['bench/bare-baseline.ts'],
    outdir: 'dist-bench',
    absWorkingDir: ROOT,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}

export async function run(): Promise<BenchResult> {
  buildBoth();
  const fakes = await startFakePlatforms();
  const bot: Sample[] = [];
  const bare: Sample[] = [];
  try {
    let runs = 0;
    // A fresh database and port per start: every start pays for creating the schema.
    const envFor = async () => {
      runs += 1;
      return {
        ...fakes.botEnv({ EUJP_DB: path.join(fakes.dir, `run-${runs}.sqlite`) }),
        PORT: String(await freePort()),
      };
    };
    await sample(BARE, await envFor());
    await sample(BOT, await envFor());
    for (let round = 0; round < RUNS; round += 1) {
      bare.push(await sample(BARE, await envFor()));
      bot.push(await sample(BOT, await envFor()));
    }
  } finally {
    await fakes.close();
  }
  return report(bot, bare);
}

function report(bot: Sample[], bare: Sample[]): BenchResult {
  const median = (samples: Sample[], key: keyof Sample) =>
    percentile(
      samples.map((entry) => entry[key]),
      50,
    );
  const botReady = median(bot, 'readyMs');
  const bareReady = median(bare, 'readyMs');
  const botRss = median(bot, 'rssMb');
  const bareRss = median(bare, 'rssMb');
  const readyRatio = botReady / bareReady;
  const rssRatio = botRss / bareRss;
  const botCpu = median(bot, 'cpuMs');
  const bareCpu = median(bare, 'cpuMs');
  const list = (samples: Sample[], key: keyof Sample) =>
    samples.map((entry) => round(entry[key], 1)).join(', ');
  return {
    name: `startup and memory: bot vs bare Bolt + discord.js (median of ${RUNS}, RSS after ready + ${SETTLE_MS / 1000} s)`,
    metrics: {
      bot_ready_ms: round(botReady, 0),
      bare_ready_ms: round(bareReady, 0),
      ready_ratio: round(readyRatio, 2),
      ready_budget: `${READY_BUDGET} ${readyRatio <= READY_BUDGET ? 'met' : 'MISSED'}`,
      bot_rss_mb: round(botRss, 1),
      bare_rss_mb: round(bareRss, 1),
      rss_ratio: round(rssRatio, 2),
      rss_budget: `${RSS_BUDGET} ${rssRatio <= RSS_BUDGET ? 'met' : 'MISSED'}`,
      bot_cpu_to_ready_ms: round(botCpu, 0),
      bare_cpu_to_ready_ms: round(bareCpu, 0),
      cpu_ratio: round(botCpu / bareCpu, 2),
      bot_ready_runs_ms: list(bot, 'readyMs'),
      bare_ready_runs_ms: list(bare, 'readyMs'),
      bot_rss_runs_mb: list(bot, 'rssMb'),
      bare_rss_runs_mb: list(bare, 'rssMb'),
    },
  };
}

/** Spawns one process, times it to its ready line, reads its RSS after settling, and stops it. */
async function sample(subject: Subject, env: Record<string, string>): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, subject.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  try {
    const ready = await new Promise<{ readyMs: number; cpuMs: number }>((resolve, reject) => {
      let pending = '';
      const timer = setTimeout(
        () => reject(new Error(`${subject.args.join(' ')} not ready:\n${output}`)),
        READY_TIMEOUT_MS,
      );
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        if (lines.some(subject.isReady)) {
          clearTimeout(timer);
          resolve({ readyMs: performance.now() - started, cpuMs: cpuMs(child.pid ?? -1) });
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${subject.args.join(' ')} exited with ${code} before ready:\n${output}`));
      });
    });
    await sleep(SETTLE_MS);
    return { ...ready, rssMb: residentMb(child.pid ?? -1) };
  } finally {
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped) child.kill('SIGKILL');
  }
}

const CLOCK_TICKS_PER_SECOND =
  Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

// utime and stime, fields 14 and 15 of /proc/<pid>/stat, counted after the `(comm)` field.
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kilobytes) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kilobytes) / 1024;
}
