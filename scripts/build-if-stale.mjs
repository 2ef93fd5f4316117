// Rebuilds dist/ only when its inputs changed since the last build: `npm install` runs it
// (prepare), and `npm start` checks it before every start (scripts/start.mjs), so a start after an
// edit or a `git pull` runs the new code while an ordinary restart pays only a few hundred stat
// calls instead of an esbuild run. The fingerprint is every input's path, size and mtime.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src', 'scripts/build.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

function fingerprint(root) {
  const hash = createHash('sha1');
  const visit = (relative) => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    const stats = statSync(absolute);
    // A directory's mtime changes when a file in it is added, removed or renamed.
    hash.update(`${relative}\0${stats.size}\0${stats.mtimeMs}\n`);
    if (stats.isDirectory())
      for (const name of readdirSync(absolute).sort()) visit(path.join(relative, name));
  };
  for (const input of INPUTS) visit(input);
  return hash.digest('hex');
}

const runBuildScript = (root) =>
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });

/**
 * Builds dist/ if it is missing or its inputs changed since the last build; returns whether it
 * built. `root` and `build` are for tests.
 */
export function buildIfStale({ root = ROOT, build = runBuildScript } = {}) {
  // `npm ci` in the image runs before src/ is copied in; the image builds explicitly afterwards.
  if (!existsSync(path.join(root, 'src'))) return false;
  const fingerprintFile = path.join(root, 'dist', '.build-inputs');
  const current = fingerprint(root);
  const built = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, 'utf8') : '';
  if (built === current && existsSync(path.join(root, 'dist', 'main.js'))) return false;
  build(root);
  writeFileSync(fingerprintFile, current);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) buildIfStale();
