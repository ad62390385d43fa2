/**
 * The render worker's bundle settings (esbuild.config.mjs) on a probe
 * (fixtures/renderProbe.ts) that loads the Typst compiler, typesets a line
 * and reads it back with pdf.js: built into a folder with no node_modules
 * above it, as an installed .vsix is, so pdf.js must be inside the bundle,
 * its worker script beside it, and the compiler beside it or nowhere.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLED_COMPILER_FILE, hostTarget } from '../../server/src/node/render/typstLoader';

const root = path.resolve(__dirname, '..', '..', '..');

interface ProbeResult {
  ok: boolean;
  from?: string;
  text?: string;
  message?: string;
  crash?: string;
}

function runProbe(dir: string): ProbeResult {
  const output = execFileSync(process.execPath, [path.join(dir, 'renderProbe.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(output) as ProbeResult;
}

describe('the render worker bundle (ES module, pdf.js inside)', () => {
  let dir: string;

  before(function () {
    this.timeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-probe-'));
    const build = [
      `import * as esbuild from 'esbuild';`,
      `import { copyPdfWorker, renderWorkerBuild, withAsciiOnly } from './esbuild.config.mjs';`,
      `const out = ${JSON.stringify(dir)};`,
      `await esbuild.build(withAsciiOnly(renderWorkerBuild({ renderProbe: 'test/package/fixtures/renderProbe.ts' }, out)));`,
      `copyPdfWorker(out);`,
    ].join('\n');
    execFileSync(process.execPath, ['--input-type=module', '-e', build], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('bundles pdf.js (no import of pdfjs-dist is left) and is ASCII', () => {
    const code = fs.readFileSync(path.join(dir, 'renderProbe.mjs'), 'utf8');
    assert.doesNotMatch(code, /from ["']pdfjs-dist/);
    assert.match(code, /getTextContent/);
    assert.equal(/[\u0080-\uFFFF]/.exec(code), null);
    assert.ok(fs.existsSync(path.join(dir, 'pdf.worker.mjs')));
  });

  it('without a compiler beside it, says what to install', function () {
    this.timeout(30_000);
    assert.deepEqual(runProbe(dir), {
      ok: false,
      message: `Rendering needs the Typst compiler, which this build does not include: install the ${hostTarget()} build of the extension, or the command line with \`npm install\`.`,
    });
  });

  it('with the compiler beside it, typesets and reads the text back with the bundled pdf.js', function () {
    this.timeout(30_000);
    if (hostTarget() !== 'linux-x64') this.skip(); // the binary npm installed here is linux-x64's
    const binary = require.resolve('@myriaddreamin/typst-ts-node-compiler-linux-x64-gnu/package.json', { paths: [root] });
    const beside = path.join(dir, BUNDLED_COMPILER_FILE);
    const file = fs.readdirSync(path.dirname(binary)).find((name) => name.endsWith('.node'))!;
    fs.symlinkSync(path.join(path.dirname(binary), file), beside);
    try {
      const result = runProbe(dir);
      assert.equal(result.crash, undefined);
      assert.equal(result.from, beside);
      assert.equal(result.text, 'Probe\nTypeset here.');
    } finally {
      fs.rmSync(beside);
    }
  });
});
