// Bundles a benchmark (it shares the protocol test client) and runs it: `run.ts`, or the one named by
// `--script <name>`. With no script named, all of them in turn (`run`, `render`, `preview`), the options
// given going to `run`; each runs even when one before it missed a budget, and the exit code is the worst.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const named = process.argv[2] === '--script';
const scripts = named ? [process.argv[3]] : ['run', 'render', 'preview'];
const options = process.argv.slice(named ? 4 : 2);
let exitCode = 0;
for (const script of scripts) {
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
  const result = spawnSync(process.execPath, [`out/bench/${script}.js`, ...(script === scripts[0] ? options : [])], { stdio: 'inherit' });
  exitCode = Math.max(exitCode, result.status ?? 1);
}
process.exitCode = exitCode;
