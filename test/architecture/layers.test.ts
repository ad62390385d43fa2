/**
 * The layers, lowest first, and what each may import:
 *
 *   engine   pure TypeScript: runs anywhere (a browser worker one day), so no
 *            Node, no `vscode`, no LSP library, and nothing above it.
 *   rules    the engine only; a rule never imports another rule (only the
 *            registry gathers them).
 *   node     the engine and Node.
 *   render   `node/render/`: the typesetter's side, in its own process or
 *            the CLI's: the engine, the linter and the page rules, Node,
 *            the Typst compiler and pdf.js.
 *   adapter  `lsp/` and `browserServer.ts`: the LSP handlers, run in Node and
 *            in a browser's web worker alike, so no Node built-in, no
 *            `vscode-languageserver/node` and nothing of `node/` at run time
 *            (its types only): the host (`lsp/host.ts`) reads files for them.
 *   node adapter  `server.ts`, `lsp/node/` and the adapter's Node-only files
 *            (render, preview, the stdio writer, file URIs): everything below,
 *            Node and the LSP library.
 *   cli      everything below the adapter, and Node.
 *   client   the VS Code API, and of the server only `protocol.ts`.
 *
 * Imports are read with the TypeScript parser, so `import type`,
 * `export … from`, `import()` and `require()` all count. No import cycle
 * anywhere in the server or the CLI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

type Layer = 'engine' | 'rules' | 'linter' | 'node' | 'render' | 'protocol' | 'adapter' | 'node adapter' | 'cli' | 'client';

/** The adapter's files that need Node: the renderer's requests and preview, the stdio writer, file paths from URIs. */
const NODE_ADAPTER_FILES = ['render', 'renderRequest', 'preview', 'writer', 'uris'].map((name) => `server/src/lsp/${name}.ts`);

/** Which layer a repository path (forward slashes) belongs to. */
function layerOf(file: string): Layer | undefined {
  if (file.startsWith('server/src/engine/')) return 'engine';
  if (file.startsWith('server/src/rules/')) return 'rules';
  if (file === 'server/src/linter.ts') return 'linter';
  if (file.startsWith('server/src/node/render/')) return 'render';
  if (file.startsWith('server/src/node/')) return 'node';
  if (file === 'server/src/protocol.ts') return 'protocol';
  if (file === 'server/src/server.ts' || file.startsWith('server/src/lsp/node/') || NODE_ADAPTER_FILES.includes(file))
    return 'node adapter';
  if (file.startsWith('server/src/lsp/') || file === 'server/src/browserServer.ts') return 'adapter';
  if (file.startsWith('cli/src/')) return 'cli';
  if (file.startsWith('client/src/')) return 'client';
  return undefined;
}

/** The layers whose code each layer may import (its own included). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  engine: ['engine'],
  rules: ['engine', 'rules'],
  // The engine bound to the registered rules: the one place both meet.
  linter: ['engine', 'rules', 'linter'],
  node: ['engine', 'node'],
  render: ['engine', 'rules', 'linter', 'node', 'render'],
  protocol: ['engine', 'protocol'],
  // `node` for types only (see `violation`).
  adapter: ['engine', 'rules', 'linter', 'node', 'protocol', 'adapter'],
  'node adapter': ['engine', 'rules', 'linter', 'node', 'render', 'protocol', 'adapter', 'node adapter'],
  cli: ['engine', 'rules', 'linter', 'node', 'render', 'cli'],
  client: ['protocol', 'client'],
};

const NODE_BUILTIN = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier.split('/', 1).join(''));
const ENGINE_PACKAGES = (specifier: string) =>
  /^(yaml|jsonc-parser)$/.test(specifier) ||
  /^ajv-formats\/dist\/formats(\.js)?$/.test(specifier) ||
  /^ajv\/dist\/runtime\/[\w./-]+$/.test(specifier);
const LSP_PACKAGES = (specifier: string) => /^vscode-languageserver(-textdocument|-protocol)?(\/node)?$/.test(specifier);
/** The LSP library as it runs anywhere, and its web-worker transport. */
const SHARED_LSP_PACKAGES = (specifier: string) => /^vscode-languageserver(-textdocument|-protocol|\/browser)?$/.test(specifier);

/** The packages (not repository files) each layer may import. */
const MAY_USE_PACKAGE: Record<Layer, (specifier: string) => boolean> = {
  engine: ENGINE_PACKAGES,
  rules: ENGINE_PACKAGES,
  linter: ENGINE_PACKAGES,
  node: (specifier) => ENGINE_PACKAGES(specifier) || NODE_BUILTIN(specifier),
  render: (specifier) =>
    ENGINE_PACKAGES(specifier) ||
    NODE_BUILTIN(specifier) ||
    specifier === '@myriaddreamin/typst-ts-node-compiler' ||
    specifier === 'pdfjs-dist/legacy/build/pdf.mjs',
  // Only types cross to the client: `protocol.ts` imports nothing at run time.
  protocol: () => false,
  adapter: (specifier) => ENGINE_PACKAGES(specifier) || SHARED_LSP_PACKAGES(specifier),
  'node adapter': (specifier) => ENGINE_PACKAGES(specifier) || NODE_BUILTIN(specifier) || LSP_PACKAGES(specifier),
  // The text-document package is plain offset-to-position arithmetic, with no protocol in it.
  cli: (specifier) =>
    ENGINE_PACKAGES(specifier) || NODE_BUILTIN(specifier) || specifier === 'diff' || specifier === 'vscode-languageserver-textdocument',
  client: (specifier) => NODE_BUILTIN(specifier) || specifier === 'vscode' || /^vscode-languageclient(\/node|\/browser)?$/.test(specifier),
};

const FOLDERS = ['server/src', 'cli/src', 'client/src'];

interface Import {
  specifier: string;
  /** Every name it brings in is a type: erased from the bundle. */
  typeOnly: boolean;
}

/** Every import of a module: static and type imports, re-exports, `import()`, `require()` and `import('x').T` types. */
export function importsOf(fileName: string, source: string): Import[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const namedAllTypes =
        clause?.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.name === undefined &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((element) => element.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: clause?.isTypeOnly === true || namedAllTypes });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expression = node.moduleReference.expression;
      if (ts.isStringLiteral(expression)) found.push({ specifier: expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments[0] !== undefined && ts.isStringLiteralLike(node.arguments[0])) {
      const dynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (dynamicImport || required) found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const repoPath = (absolute: string) => path.relative(ROOT, absolute).split(path.sep).join('/');

/** The repository file a relative specifier names, as a bundler resolves it; undefined when there is none. */
function resolveRelative(fromFile: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    ...['.ts', '.js', '.d.ts', '.json'].map((ext) => base + ext),
    ...['index.ts', 'index.js'].map((name) => path.join(base, name)),
  ];
  return candidates.find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

interface Edge {
  from: string;
  specifier: string;
  /** The repository file it names, for a relative import. */
  to?: string;
  typeOnly: boolean;
}

function collectEdges(): { files: string[]; edges: Edge[] } {
  const files = FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
  const edges = files.flatMap((file) =>
    importsOf(file, fs.readFileSync(file, 'utf8')).map(({ specifier, typeOnly }): Edge => {
      const target = specifier.startsWith('.') ? resolveRelative(file, specifier) : undefined;
      return { from: repoPath(file), specifier, to: target && repoPath(target), typeOnly };
    }),
  );
  return { files: files.map(repoPath), edges };
}

/** The import edges that break a layer, as `file: specifier (why)`. */
export function layerViolations(edges: readonly Edge[]): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    const from = layerOf(edge.from);
    if (!from) continue;
    const problem = violation(edge, from);
    if (problem) problems.push(`${edge.from}: ${edge.specifier} (${problem})`);
  }
  return problems;
}

function violation(edge: Edge, from: Layer): string | undefined {
  if (!edge.specifier.startsWith('.')) return MAY_USE_PACKAGE[from](edge.specifier) ? undefined : `the ${from} may not use this package`;
  if (!edge.to) return 'names no file';
  if (edge.to.endsWith('.json')) {
    // Data, not code: any JSON of the repository (the schema, the taxonomy), never a package's.
    return edge.to.startsWith('node_modules/') || edge.to.startsWith('..') ? 'JSON from outside the repository' : undefined;
  }
  const to = layerOf(edge.to);
  if (!to || !MAY_IMPORT[from].includes(to)) return `the ${from} may not import the ${to ?? 'code outside the layers'}`;
  if (from === 'protocol' && !edge.typeOnly) return 'the protocol may import types only';
  if (from === 'adapter' && to === 'node' && !edge.typeOnly)
    return 'the adapter may import types only from the node layer: it runs in a browser too';
  if (from === 'rules' && to === 'rules' && edge.from !== 'server/src/rules/registry.ts') return 'a rule may not import another rule';
  return undefined;
}

/** Each import cycle once, as its files in import order from the smallest, the first repeated at the end. */
export function importCycles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (!edge.to || edge.to.endsWith('.json')) continue;
    const targets = next.get(edge.from) ?? new Set<string>();
    targets.add(edge.to);
    next.set(edge.from, targets);
  }
  // Tarjan's strongly connected components: every component of more than one file (or a file importing itself) holds a cycle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || next.get(node)?.has(node)) components.push(component);
    }
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((component) => shortestCycle(component, next));
}

/** A shortest cycle through the smallest file of a component: the path to name in a failure. */
function shortestCycle(component: string[], next: Map<string, Set<string>>): string[] {
  const members = new Set(component);
  const [start] = [...component].sort();
  if (start === undefined) return [];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of [...(next.get(node) ?? [])].sort()) {
      if (!members.has(target)) continue;
      if (target === start) {
        const cycle = [start];
        for (let at: string | undefined = node; at !== undefined && at !== start; at = cameFrom.get(at)) cycle.splice(1, 0, at);
        return [...cycle, start];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

describe('layers', () => {
  const { files, edges } = collectEdges();

  it('finds the sources of every layer', () => {
    for (const expected of [
      'server/src/engine/lint.ts',
      'server/src/rules/registry.ts',
      'server/src/linter.ts',
      'server/src/node/config.ts',
      'server/src/protocol.ts',
      'server/src/server.ts',
      'server/src/browserServer.ts',
      'server/src/lsp/published.ts',
      'server/src/lsp/node/nodeHost.ts',
      'cli/src/cli.ts',
      'client/src/extension.ts',
    ]) {
      assert.ok(files.includes(expected), expected);
    }
    assert.ok(edges.length > 100, `only ${edges.length} imports found`);
  });

  it('reads every form of import', () => {
    const sample = [
      "import * as fs from 'node:fs';",
      "import type { X } from 'vscode';",
      "import { type Y, type Z } from './types';",
      "import { a,\n  b } from './a';",
      "export { c } from '../c';",
      "export type { D } from './d';",
      "import 'side-effect';",
      "import e = require('./e');",
      "const p = require('path');",
      "const q = await import('vscode-languageserver');",
      "let t: import('./t').T;",
      "// import nope from 'commented-out';",
      'const s = "import nope from \'in-a-string\'";',
    ].join('\n');
    assert.deepEqual(importsOf('sample.ts', sample), [
      { specifier: 'node:fs', typeOnly: false },
      { specifier: 'vscode', typeOnly: true },
      { specifier: './types', typeOnly: true },
      { specifier: './a', typeOnly: false },
      { specifier: '../c', typeOnly: false },
      { specifier: './d', typeOnly: true },
      { specifier: 'side-effect', typeOnly: false },
      { specifier: './e', typeOnly: false },
      { specifier: 'path', typeOnly: false },
      { specifier: 'vscode-languageserver', typeOnly: false },
      { specifier: './t', typeOnly: true },
    ]);
  });

  it('flags an import that goes up a layer, out of the engine or from rule to rule', () => {
    const edge = (from: string, specifier: string, to?: string, typeOnly = false): Edge => ({ from, specifier, to, typeOnly });
    assert.deepEqual(
      layerViolations([
        edge('server/src/engine/a.ts', 'node:fs'),
        edge('server/src/engine/a.ts', 'vscode-languageserver'),
        edge('server/src/engine/a.ts', '../node/config', 'server/src/node/config.ts'),
        edge('server/src/rules/quantify.ts', './filler', 'server/src/rules/filler.ts'),
        edge('server/src/rules/registry.ts', './filler', 'server/src/rules/filler.ts'),
        edge('server/src/node/config.ts', '../lsp/settings', 'server/src/lsp/settings.ts'),
        edge('cli/src/cli.ts', '../../server/src/lsp/published', 'server/src/lsp/published.ts'),
        edge('server/src/lsp/settings.ts', 'node:path'),
        edge('server/src/lsp/guard.ts', 'vscode-languageserver/node'),
        edge('server/src/lsp/documentState.ts', '../node/config', 'server/src/node/config.ts'),
        edge('server/src/lsp/codeActions.ts', '../node/configEdit', 'server/src/node/configEdit.ts', true),
        edge('server/src/lsp/languageServer.ts', './render', 'server/src/lsp/render.ts'),
        edge('server/src/server.ts', './lsp/render', 'server/src/lsp/render.ts'),
        edge('client/src/report.ts', '../../server/src/engine/types', 'server/src/engine/types.ts', true),
        edge('client/src/report.ts', '../../server/src/protocol', 'server/src/protocol.ts', true),
        edge('server/src/protocol.ts', './engine/report', 'server/src/engine/report.ts'),
      ]),
      [
        'server/src/engine/a.ts: node:fs (the engine may not use this package)',
        'server/src/engine/a.ts: vscode-languageserver (the engine may not use this package)',
        'server/src/engine/a.ts: ../node/config (the engine may not import the node)',
        'server/src/rules/quantify.ts: ./filler (a rule may not import another rule)',
        'server/src/node/config.ts: ../lsp/settings (the node may not import the adapter)',
        'cli/src/cli.ts: ../../server/src/lsp/published (the cli may not import the adapter)',
        'server/src/lsp/settings.ts: node:path (the adapter may not use this package)',
        'server/src/lsp/guard.ts: vscode-languageserver/node (the adapter may not use this package)',
        'server/src/lsp/documentState.ts: ../node/config (the adapter may import types only from the node layer: it runs in a browser too)',
        'server/src/lsp/languageServer.ts: ./render (the adapter may not import the node adapter)',
        'client/src/report.ts: ../../server/src/engine/types (the client may not import the engine)',
        'server/src/protocol.ts: ./engine/report (the protocol may import types only)',
      ],
    );
  });

  it('no import goes up a layer', () => {
    assert.deepEqual(layerViolations(edges), []);
  });

  it('finds a cycle, and names its files in order', () => {
    const edge = (from: string, to: string): Edge => ({ from, specifier: to, to, typeOnly: false });
    assert.deepEqual(
      importCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('c.ts', 'a.ts'), edge('c.ts', 'd.ts'), edge('e.ts', 'e.ts')]),
      [
        ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
        ['e.ts', 'e.ts'],
      ],
    );
    assert.deepEqual(importCycles([edge('a.ts', 'b.ts'), edge('b.ts', 'c.ts'), edge('a.ts', 'c.ts')]), []);
  });

  it('rules give fixes as intents: they import no parser or text writer and read no parser node', () => {
    const writers = [
      'server/src/engine/scalarRender.ts',
      'server/src/engine/valueEdits.ts',
      'server/src/engine/posting/edits.ts',
      'server/src/engine/listEdits.ts',
      'server/src/engine/yamlWriter.ts',
    ];
    const ruleFiles = files.filter((file) => layerOf(file) === 'rules' && file !== 'server/src/rules/registry.ts');
    assert.ok(ruleFiles.length > 20, `only ${ruleFiles.length} rule files found`);
    const imports = edges
      .filter(
        (edge) => ruleFiles.includes(edge.from) && (edge.specifier === 'yaml' || (edge.to !== undefined && writers.includes(edge.to))),
      )
      .map((edge) => `${edge.from}: ${edge.specifier}`);
    assert.deepEqual(imports, []);
    const nodeReaders = ruleFiles.filter((file) => /\.(?:node|scalar|document)\b/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(nodeReaders, []);
  });

  it('no import cycle in the server, the CLI or the client', () => {
    assert.deepEqual(
      importCycles(edges).map((cycle) => cycle.join(' → ')),
      [],
    );
  });
});
