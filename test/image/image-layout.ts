import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../support/run-command.ts';

/** What the Dockerfile's runtime stage sets up: its ENV, WORKDIR, USER and CMD. */
export interface RuntimeStage {
  env: Record<string, string>;
  workdir: string;
  user: string;
  cmd: string[];
}

/** Reads the runtime stage of the project's Dockerfile, so the test follows the file as written. */
export function readRuntimeStage(): RuntimeStage {
  const text = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
  const stage = text.slice(text.search(/^FROM \S+ AS runtime$/m));
  const instructions = stage
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => /^[A-Z]+ /.test(line));
  const stage_: RuntimeStage = { env: {}, workdir: '/', user: 'root', cmd: [] };
  for (const line of instructions) {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(' ').trim();
    if (keyword === 'ENV')
      for (const pair of args.split(/\s+/)) {
        const at = pair.indexOf('=');
        stage_.env[pair.slice(0, at)] = pair.slice(at + 1);
      }
    if (keyword === 'WORKDIR') stage_.workdir = args;
    if (keyword === 'USER') stage_.user = args;
    if (keyword === 'CMD') stage_.cmd = JSON.parse(args) as string[];
  }
  return stage_;
}

/**
 * Parses an env file as `docker run --env-file` does: `#` starts a comment only at the start of a
 * line; a value is taken verbatim (quotes and a trailing `# note` stay part of it); a bare `NAME`
 * takes the value from the calling environment.
 */
export function parseDockerEnvFile(text: string, outer: NodeJS.ProcessEnv = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at === -1) {
      const value = outer[line.trim()];
      if (value !== undefined) env[line.trim()] = value;
    } else {
      env[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return env;
}
