// Bundles the client, the language server and the CLI. esbuild does not
// type-check: `npm run typecheck` does.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { buildSchemaValidator } from './scripts/build-schema.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

buildSchemaValidator();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version) },
  // Keep the `yaml` package's ESM-free build; no browser field shims.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'cli/src/cli.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
];

/**
 * V8 keeps a script's source in memory for as long as the script runs, two
 * bytes a character if a single one is not ASCII. esbuild escapes non-ASCII
 * characters in strings but leaves them in regular expression literals (the
 * engine's rules match quotes, dashes and currency signs): escape those too.
 * `\uXXXX` is the same code unit in any regular expression, and a surrogate
 * pair written so is one code point under the `u` flag, as it was.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      for (const file of Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.js'))) {
        const code = readFileSync(file, 'utf8');
        const escaped = code.replace(/(\\*)([\u0080-\uFFFF])/g, (_match, slashes, char) => {
          // `\’` (an identity escape) is the character itself: the escape replaces it.
          const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
          return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
        });
        if (escaped !== code) writeFileSync(file, escaped);
      }
    });
  },
};

const withAsciiOnly = (options) => ({ ...options, metafile: true, plugins: [asciiOnly] });

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(withAsciiOnly(options))));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(withAsciiOnly(options))));
}
