import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(import.meta.dirname, '..', '..');
const WORKER = join('test', 'replicas', 'replica-worker.ts');

/** One replica process and the lines it has printed. */
export interface ReplicaProcess {
  id: string;
  child: ChildProcessWithoutNullStreams;
  /** Resolves when the process prints `line` (or has printed it already). */
  printed(line: string): Promise<void>;
  /** Whatever it wrote to stderr: shown when a test fails. */
  readonly errors: string[];
  exited: Promise<number | null>;
}

export function spawnReplica(id: string, env: Record<string, string>): ReplicaProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: ROOT,
    env: { ...process.env, ...env, REPLICA_ID: id },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const seen = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const errors: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    seen.add(line);
    for (const resolve of waiting.get(line) ?? []) resolve();
    waiting.delete(line);
  });
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    id,
    child,
    errors,
    exited,
    printed(line) {
      if (seen.has(line)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        waiting.set(line, [...(waiting.get(line) ?? []), resolve]);
        exited.then((code) =>
          reject(new Error(`replica ${id} exited (${code}) before printing ${line}:\n${errors.join('\n')}`)),
        );
      });
    },
  };
}

/** Stops the replicas still running, gracefully, and waits for them. */
export async function stopReplicas(replicas: ReplicaProcess[]): Promise<void> {
  await Promise.all(
    replicas.map(async (replica) => {
      if (replica.child.exitCode !== null || replica.child.signalCode !== null) return;
      replica.child.kill('SIGTERM');
      const timer = setTimeout(() => replica.child.kill('SIGKILL'), 10_000);
      await replica.exited;
      clearTimeout(timer);
    }),
  );
}

/** Polls `check` until it holds, or fails after `timeoutMs` saying what it was waiting for. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
