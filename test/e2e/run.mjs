// `npm run test:e2e`: builds the extension and bundles the extension-host
// suite (so it cannot rot even where it cannot run), then starts
// runTest.js, which downloads VS Code with @vscode/test-electron and runs the
// suite in it, or reports it skipped when VS Code cannot be downloaded.
//
//   node test/e2e/run.mjs [--build-only]
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'e2e');

const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

rmSync(out, { recursive: true, force: true });
const suite = join(root, 'test', 'e2e', 'suite');
await esbuild.build({
  entryPoints: [
    join(root, 'test', 'e2e', 'runTest.ts'),
    ...readdirSync(suite)
      .filter((name) => name.endsWith('.test.ts') || name === 'index.ts')
      .map((name) => join(suite, name)),
  ],
  outdir: out,
  outbase: join(root, 'test', 'e2e'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  // vscode is the host's; mocha and test-electron load from node_modules.
  external: ['vscode'],
  packages: 'external',
  logLevel: 'warning',
});
console.log('e2e: suite bundled into out/e2e/');
if (process.argv.includes('--build-only')) process.exit(0);

const run = spawnSync(process.execPath, [join(out, 'runTest.js')], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
