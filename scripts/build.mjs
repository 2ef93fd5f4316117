// Builds the bot into dist/ for `npm start`. Our TypeScript is bundled into a few ES modules
// (node_modules stay external and load natively), so start-up does not pay a loader hook per
// source file; code splitting keeps each chat adapter a separate chunk, imported only when its
// credentials are configured. `dist/register-discord.js` registers the Discord slash commands, so
// an operator with only the image can do it (the image has neither tsx nor src/).
// `node scripts/build.mjs OUTDIR` builds elsewhere (the image start-up test uses it).
import { build } from 'esbuild';

await build({
  entryPoints: {
    main: 'src/main.ts',
    'register-discord': 'src/adapters/discord/register-commands.ts',
    // The re-encryption CLI ships too, so a container without dev dependencies can rotate keys.
    'cli/reencrypt-installations': 'src/cli/reencrypt-installations.ts',
  },
  outdir: process.argv[2] ?? 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  // Stack traces name the TypeScript file and line; the sources themselves need not ride along
  // (with --enable-source-maps node keeps every map in memory: about 10 MB more with them).
  sourcesContent: false,
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build.mjs from src/: edit the TypeScript, not this file.' },
});
