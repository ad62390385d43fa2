/**
 * What `npm pack` puts in the tarball (.npmignore): pre-commit installs the
 * hook from it (`npm pack`, then a global install), so it must hold the
 * `bulletproof` bin, dist/cli.js, and the language server, and what the CLI
 * loads from outside its bundle must be a dependency the install brings.
 * test/integrations runs the installed hook itself.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  bin: Record<string, string>;
  dependencies: Record<string, string>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;

/** `pdfjs-dist/legacy/build/pdf.mjs` → `pdfjs-dist`; `@scope/name/x` → `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The bare module names a bundle loads at run time (`require("x")`, `import("x")`), not those inside strings. */
export function bareRequests(code: string): string[] {
  const found = [...code.matchAll(/(?<!['"`])\b(?:require|import)\("([^".][^"]*)"\)/g)].map((match) => packageOf(match[1]!));
  return [...new Set(found)].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name)).sort();
}

describe('the npm package', function () {
  this.timeout(60_000);
  let files: string[];

  before(() => {
    const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    files = (JSON.parse(output) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path);
  });

  it('holds the bin, the CLI and the language server, with the README and license', () => {
    assert.deepEqual(manifest.bin, { bulletproof: 'dist/cli.js' });
    for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/cli.js', 'dist/server.js']) {
      assert.ok(files.includes(file), `${file} is not packed: ${files.join(', ')}`);
    }
    assert.ok(
      files.some((file) => file.startsWith('docs/rules/')),
      'the rule docs are not packed',
    );
  });

  it('leaves out sources, tests, source maps and the other bundles', () => {
    const unwanted = files.filter((file) =>
      /^(test|cli|client|server|scripts|bench|node_modules|out)\/|\.map$|^dist\/(extension|renderWorker)/.test(file),
    );
    assert.deepEqual(unwanted, []);
  });

  it('what dist/cli.js loads from outside its bundle is a dependency', () => {
    const code = fs.readFileSync(path.join(root, 'dist', 'cli.js'), 'utf8');
    const requested = bareRequests(code);
    assert.ok(requested.includes('pdfjs-dist'), requested.join(', '));
    // The Typst compiler is loaded by name through createRequire (server/src/node/render/typstLoader.ts).
    for (const name of [...requested, '@myriaddreamin/typst-ts-node-compiler']) {
      assert.ok(manifest.dependencies[name], `${name} is not in dependencies: a global install would not bring it`);
    }
  });

  it('the request scan skips code inside strings and Node built-ins', () => {
    const code = `require("yaml"); x = 'require("ajv/dist/runtime")'; require("node:fs"); require("fs"); import("@a/b/c.mjs");`;
    assert.deepEqual(bareRequests(code), ['@a/b', 'yaml']);
  });
});
