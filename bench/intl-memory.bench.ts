import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { type BenchResult, round } from './measure.ts';

// Resident memory after 10,000 subscribes' worth of date formatting across every time zone:
// the bot's cached formatters against a new Intl.DateTimeFormat per call (ICU memory the
// garbage collector does not see). Each mode runs in a fresh child process.
const ROOT = path.resolve(import.meta.dirname, '..');
const CHILD = path.join(ROOT, 'bench/intl-memory-child.ts');
// Every zone in every style we use, cached once: about 40 MB; beyond that it must stay flat.
const GROWTH_BUDGET_MB = 64;
const SECOND_PASS_BUDGET_MB = 20;

interface ChildResult {
  mode: string;
  calls: number;
  zones: number;
  beforeMb: number;
  afterMb: number;
  afterSecondMb: number;
}

function runChild(mode: 'cached' | 'per-call'): ChildResult {
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, mode], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1) as string) as ChildResult;
}

export async function run(): Promise<BenchResult> {
  const perCall = runChild('per-call');
  const cached = runChild('cached');
  const growth = (result: ChildResult) => round(result.afterMb - result.beforeMb, 1);
  const secondPass = (result: ChildResult) => round(result.afterSecondMb - result.afterMb, 1);
  if (growth(cached) > GROWTH_BUDGET_MB)
    throw new Error(`cached formatting grew RSS by ${growth(cached)} MB (budget ${GROWTH_BUDGET_MB} MB)`);
  if (secondPass(cached) > SECOND_PASS_BUDGET_MB)
    throw new Error(`cached formatting kept growing: +${secondPass(cached)} MB on the second pass`);
  return {
    name: `Intl formatter memory (${cached.calls} subscribes' formatting across ${cached.zones} zones)`,
    metrics: {
      'per-call RSS before → after (MB)': `${round(perCall.beforeMb, 1)} → ${round(perCall.afterMb, 1)}`,
      'per-call growth (MB)': growth(perCall),
      'per-call second pass (MB)': secondPass(perCall),
      'cached RSS before → after (MB)': `${round(cached.beforeMb, 1)} → ${round(cached.afterMb, 1)}`,
      'cached growth (MB)': growth(cached),
      'cached second pass (MB)': secondPass(cached),
    },
  };
}
