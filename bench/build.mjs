// Bundles a benchmark (it shares the protocol test client) and runs it: `run.ts`, or the one named by `--script <name>`.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const named = process.argv[2] === '--script';
const script = named ? process.argv[3] : 'run';
await esbuild.build({
  entryPoints: [`bench/${script}.ts`],
  outfile: `out/bench/${script}.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [`out/bench/${script}.js`, ...process.argv.slice(named ? 4 : 2)], { stdio: 'inherit' });
process.exitCode = result.status ?? 1;
