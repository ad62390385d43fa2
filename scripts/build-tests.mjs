// Compiles every test to out/ with esbuild (type-checking is `npm run
// typecheck`'s job), so mocha runs plain JavaScript. Pass test files to
// build only those.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaValidator } from './build-schema.mjs';

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : findTests(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

buildSchemaValidator();
const only = process.argv.slice(2);
if (only.length === 0) rmSync('out/test', { recursive: true, force: true });
await esbuild.build({
  entryPoints: only.length ? only : findTests('test').filter((path) => !path.startsWith(join('test', 'e2e'))),
  outdir: 'out/test',
  outbase: 'test',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  packages: 'external',
  logLevel: 'warning',
});
