// Writes `contributes.configuration` of package.json from the settings table
// (server/src/engine/settings.ts). test/manifest.test.ts fails when it is out
// of date.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const bundled = await esbuild.build({
  entryPoints: ['server/src/engine/settings.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundled.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
const before = readFileSync('package.json', 'utf8');
const after = module.exports.manifestWithSettings(before);
if (after === before) console.log('package.json: settings up to date');
else {
  writeFileSync('package.json', after);
  console.log('package.json: settings written');
}
