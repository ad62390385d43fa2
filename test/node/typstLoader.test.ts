import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { BUNDLED_COMPILER_FILE, hostTarget, loadTypstCompiler } from '../../server/src/node/render/typstLoader';
import { REPO_ROOT } from '../support/lspClient';

/** The platform binary npm installed for this machine (an optional dependency of the compiler's package). */
function installedCompilerBinary(): string | undefined {
  const scope = path.join(REPO_ROOT, 'node_modules', '@myriaddreamin');
  for (const name of fs.readdirSync(scope).filter((entry) => entry.startsWith('typst-ts-node-compiler-'))) {
    const file = fs.readdirSync(path.join(scope, name)).find((entry) => entry.endsWith('.node'));
    if (file) return path.join(scope, name, file);
  }
  return undefined;
}

/** A directory no node_modules is above, as in an installed universal .vsix. */
function isolatedDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-loader-'));
  let reachable = true;
  try {
    createRequire(path.join(directory, 'x.js')).resolve('@myriaddreamin/typst-ts-node-compiler');
  } catch {
    reachable = false;
  }
  assert.equal(reachable, false, `the compiler's package is reachable from ${directory}`);
  return directory;
}

describe('loading the Typst compiler', () => {
  const remedy = `install the ${hostTarget()} build of the extension, or the command line with \`npm install\`.`;
  const made: string[] = [];
  after(() => made.forEach((directory) => fs.rmSync(directory, { recursive: true, force: true })));

  it('from the npm package when no platform build is beside the bundle (the CLI), and compiles', () => {
    const load = loadTypstCompiler();
    assert.ok(load.ok, load.ok ? '' : load.message);
    assert.match(load.from, /[\\/]@myriaddreamin[\\/]typst-ts-node-compiler[\\/]index\.js$/);
    const compiler = load.NodeCompiler.create({ workspace: os.tmpdir() });
    const compiled = compiler.compile({ mainFileContent: 'Hello' });
    assert.equal(compiled.hasError(), false);
    assert.equal(compiled.result?.numOfPages, 1);
  });

  it('once: the second call gives the same answer', () => {
    assert.equal(loadTypstCompiler(), loadTypstCompiler());
  });

  it('from the platform build beside the bundle first (a platform .vsix)', function () {
    const binary = installedCompilerBinary();
    if (!binary) this.skip();
    const directory = isolatedDirectory();
    made.push(directory);
    fs.symlinkSync(binary, path.join(directory, BUNDLED_COMPILER_FILE));
    const load = loadTypstCompiler(directory);
    assert.ok(load.ok, load.ok ? '' : load.message);
    assert.equal(load.from, path.join(directory, BUNDLED_COMPILER_FILE));
    assert.equal(typeof load.NodeCompiler.create, 'function');
  });

  it('says in one sentence what to install when there is no compiler (the universal .vsix)', () => {
    const directory = isolatedDirectory();
    made.push(directory);
    assert.deepEqual(loadTypstCompiler(directory), {
      ok: false,
      message: `Rendering needs the Typst compiler, which this build does not include: ${remedy}`,
    });
  });

  it('says why a damaged binary failed to load, and does not throw', () => {
    const directory = isolatedDirectory();
    made.push(directory);
    const binary = path.join(directory, BUNDLED_COMPILER_FILE);
    fs.writeFileSync(binary, 'not a shared library');
    const load = loadTypstCompiler(directory);
    assert.equal(load.ok, false);
    const message = load.ok ? '' : load.message;
    const prefix = `Rendering needs the Typst compiler for ${hostTarget()}, which failed to load (`;
    assert.ok(message.startsWith(prefix), message);
    assert.ok(message.endsWith(`); ${remedy}`), message);
    const reason = message.slice(prefix.length, message.length - `); ${remedy}`.length);
    assert.ok(reason.length > 0 && !reason.includes('\n'), reason);
  });

  it('falls back to the npm package when the binary beside the bundle is damaged', () => {
    const directory = fs.mkdtempSync(path.join(REPO_ROOT, 'out', 'loader-'));
    made.push(directory);
    fs.writeFileSync(path.join(directory, BUNDLED_COMPILER_FILE), 'not a shared library');
    const load = loadTypstCompiler(directory);
    assert.ok(load.ok, load.ok ? '' : load.message);
    assert.match(load.from, /[\\/]typst-ts-node-compiler[\\/]index\.js$/);
  });
});
