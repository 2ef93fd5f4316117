// Builds the bot into dist/ for `npm start`. Our TypeScript is bundled into a few ES modules
// (node_modules stay external and load natively), so start-up does not pay a loader hook per
// source file; code splitting keeps each chat adapter a separate chunk, imported only when its
// credentials are configured.
import { build } from 'esbuild';

await build({
  // The re-encryption CLI ships too, so a container without dev dependencies can rotate keys.
  entryPoints: ['src/main.ts', 'src/cli/reencrypt-installations.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build.mjs from src/: edit the TypeScript, not this file.' },
});
