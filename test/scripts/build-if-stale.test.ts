import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';

// npm start checks this before every start: a restart with unchanged sources must not rebuild,
// and any change to the sources must.
let root: string;
let builds: number;
const fakeBuild = (at: string) => {
  builds += 1;
  mkdirSync(path.join(at, 'dist'), { recursive: true });
  writeFileSync(path.join(at, 'dist', 'main.js'), `// build ${builds}`);
};
const check = () => buildIfStale({ root, build: fakeBuild });

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'eujp-build-'));
  builds = 0;
  mkdirSync(path.join(root, 'src', 'core'), { recursive: true });
  writeFileSync(path.join(root, 'src', 'main.ts'), 'export {};');
  writeFileSync(path.join(root, 'package.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('building dist/ only when the sources changed', () => {
  it('builds on the first start and not on a restart with the same sources', () => {
    expect(check()).toBe(true);
    expect(check()).toBe(false);
    expect(builds).toBe(1);
  });

  it('rebuilds after a source file is edited, added or removed', () => {
    check();
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(root, 'src', 'main.ts'), later, later);
    expect(check()).toBe(true);
    writeFileSync(path.join(root, 'src', 'core', 'new.ts'), 'export {};');
    expect(check()).toBe(true);
    rmSync(path.join(root, 'src', 'core', 'new.ts'));
    expect(check()).toBe(true);
    expect(check()).toBe(false);
  });

  it('rebuilds when dist/ was deleted', () => {
    check();
    rmSync(path.join(root, 'dist', 'main.js'));
    expect(check()).toBe(true);
  });

  it('does nothing without src/ (the image installs before copying it)', () => {
    rmSync(path.join(root, 'src'), { recursive: true });
    expect(check()).toBe(false);
    expect(builds).toBe(0);
  });
});
