/**
 * The engine and the rules must run anywhere (a browser worker one day):
 * they import only each other, the `yaml` package, and the runtime pieces
 * the generated schema validator needs. No Node built-ins, no `vscode`, no
 * LSP library.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FOLDERS = ['server/src/engine', 'server/src/rules'];

/** Packages the engine may use, and the runtime paths of the generated validator. */
const ALLOWED = [/^yaml$/, /^ajv-formats\/dist\/formats(\.js)?$/, /^ajv\/dist\/runtime\/[\w./-]+$/];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every module specifier: static and type imports, re-exports, `import()` and `require()`. */
function specifiers(source: string): string[] {
  // Comments may mention modules; strip them first (a crude but safe pass:
  // a `//` inside a string only hides text, it cannot invent an import).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

describe('engine purity', () => {
  const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));

  it('finds the engine and rule sources', () => {
    const relative = files.map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
    for (const expected of ['server/src/engine/lint.ts', 'server/src/engine/document.ts', 'server/src/rules/registry.ts']) {
      assert.ok(relative.includes(expected), expected);
    }
  });

  it('the specifier scanner sees every import form', () => {
    const sample = [
      "import * as fs from 'node:fs';",
      "import type { X } from 'vscode';",
      "import { a,\n  b } from './a';",
      "export { c } from '../c';",
      "import 'side-effect';",
      "const p = require('path');",
      "const q = await import('vscode-languageserver');",
      "// import nope from 'commented-out';",
    ].join('\n');
    assert.deepEqual(specifiers(sample).sort(), ['../c', './a', 'node:fs', 'path', 'side-effect', 'vscode', 'vscode-languageserver'].sort());
  });

  for (const folder of FOLDERS) {
    it(`${folder} imports only relative paths, \`yaml\` and the validator runtime`, () => {
      const offenders: string[] = [];
      for (const file of files.filter((f) => path.relative(ROOT, f).split(path.sep).join('/').startsWith(folder))) {
        for (const specifier of specifiers(fs.readFileSync(file, 'utf8'))) {
          const relative = specifier.startsWith('./') || specifier.startsWith('../');
          if (!relative && !ALLOWED.some((allowed) => allowed.test(specifier))) {
            offenders.push(`${path.relative(ROOT, file)}: ${specifier}`);
          }
        }
      }
      assert.deepEqual(offenders, []);
    });
  }

  it('relative imports of code stay inside the engine and the rules; JSON data may come from the repository', () => {
    const codeRoots = FOLDERS.map((folder) => path.join(ROOT, folder) + path.sep);
    const offenders: string[] = [];
    for (const file of files) {
      for (const specifier of specifiers(fs.readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const target = path.resolve(path.dirname(file), specifier);
        const inside = specifier.endsWith('.json')
          ? target.startsWith(ROOT + path.sep) && !target.includes(`${path.sep}node_modules${path.sep}`)
          : codeRoots.some((root) => target.startsWith(root));
        if (!inside) offenders.push(`${path.relative(ROOT, file)}: ${specifier}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the engine imports no rule: the rule list is bound above it, in server/src/linter.ts', () => {
    const engine = path.join(ROOT, 'server/src/engine') + path.sep;
    const rulesRoot = path.join(ROOT, 'server/src/rules') + path.sep;
    const offenders: string[] = [];
    for (const file of files.filter((f) => f.startsWith(engine))) {
      for (const specifier of specifiers(fs.readFileSync(file, 'utf8'))) {
        if (specifier.startsWith('.') && path.resolve(path.dirname(file), specifier).startsWith(rulesRoot)) {
          offenders.push(`${path.relative(ROOT, file)}: ${specifier}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });
});
