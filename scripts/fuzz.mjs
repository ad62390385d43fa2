// `npm run fuzz`: the long, seeded fuzz run (test/fuzz/run.ts) over the
// engine and, for a sample, the bundled server. Builds the server and the
// runner first (pass --no-build to skip the server build), then runs it;
// every other argument goes to the runner:
//   node scripts/fuzz.mjs [--cases N] [--seed S|random] [--case I] [--server-every K]
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaValidator } from './build-schema.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const runnerArgs = args.filter((arg) => arg !== '--no-build');

if (!skipBuild) {
  // The server sample runs dist/server.js: make sure it is the current source.
  const built = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
} else {
  buildSchemaValidator();
}

const runner = join(root, 'out', 'fuzz', 'run.js');
await esbuild.build({
  entryPoints: [join(root, 'test', 'fuzz', 'run.ts')],
  outfile: runner,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});

const result = spawnSync(process.execPath, ['--enable-source-maps', runner, ...runnerArgs], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
