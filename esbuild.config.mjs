// Bundles the client, the language server, the CLI and the render worker.
// esbuild does not type-check: `npm run typecheck` does.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemaValidator } from './scripts/build-schema.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  define: { VERSION: JSON.stringify(version) },
  // Keep the `yaml` package's ESM-free build; no browser field shims.
  mainFields: ['module', 'main'],
};

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  {
    ...common,
    entryPoints: { cli: 'cli/src/cli.ts' },
    // The CLI is installed with its dependencies: the compiler's native addon and pdf.js (an ES module that
    // cannot run from a CommonJS bundle) load from node_modules, only when a render is asked for.
    external: ['@myriaddreamin/typst-ts-node-compiler', '@napi-rs/canvas', 'pdfjs-dist'],
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  renderWorkerBuild({ renderWorker: 'server/src/node/render/worker.ts' }, 'dist'),
  webClientBuild(),
  browserServerBuild(),
];

/**
 * The web client (the `browser` entry: vscode.dev, github.dev), run by the
 * browser's extension host, which loads it as CommonJS and provides `vscode`.
 * `platform: 'browser'`: a Node built-in that sneaks in fails the build.
 */
export function webClientBuild() {
  return {
    ...common,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    entryPoints: { browserExtension: 'client/src/browserExtension.ts' },
    outdir: 'dist',
    external: ['vscode'],
  };
}

/**
 * The language server as a web worker (vscode.dev, github.dev): one script
 * with no Node built-ins. esbuild fails on a `node:` import for the browser,
 * and test/web/bundle.test.ts checks the metafile for any other.
 */
export function browserServerBuild() {
  return {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { browserServer: 'server/src/browserServer.ts' },
    outdir: 'dist',
    // The packages' browser builds where they have one (vscode-languageserver's reader and writer).
    mainFields: ['browser', 'module', 'main'],
  };
}

/**
 * The render worker, a child process of the language server: an ES module
 * because pdf.js (bundled in) is one and needs `import.meta.url`. The banner
 * gives the bundle a `require` and a `__dirname` of its own file, for the
 * CommonJS code inside and for finding the compiler beside it, and stands in
 * for the canvas classes pdf.js expects (see there). The Typst
 * compiler stays outside (a native addon: beside the bundle in a platform
 * .vsix, else from node_modules), and so does the canvas addon pdf.js only
 * needs to draw pages. pdf.js's in-process worker imports `./pdf.worker.mjs`
 * beside the bundle: `copyPdfWorker` puts it there.
 */
export function renderWorkerBuild(entryPoints, outdir) {
  return {
    ...common,
    entryPoints,
    outdir,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    external: ['@myriaddreamin/typst-ts-node-compiler', '@napi-rs/canvas'],
    banner: {
      js: [
        "import { createRequire as __bpCreateRequire } from 'node:module';",
        "import { dirname as __bpDirname } from 'node:path';",
        "import { fileURLToPath as __bpFileURLToPath } from 'node:url';",
        'const require = __bpCreateRequire(import.meta.url);',
        'const __dirname = __bpDirname(__bpFileURLToPath(import.meta.url));',
        // pdf.js takes these from @napi-rs/canvas, which is not shipped (32 MB, and only for drawing
        // pages): it builds one DOMMatrix as it loads; reading text needs none of them.
        'globalThis.DOMMatrix ??= class DOMMatrix { a = 1; b = 0; c = 0; d = 1; e = 0; f = 0; };',
        "class __BpNotDrawn { constructor() { throw new Error('the render worker reads pages, it does not draw them'); } }",
        'globalThis.ImageData ??= class ImageData extends __BpNotDrawn {};',
        'globalThis.Path2D ??= class Path2D extends __BpNotDrawn {};',
      ].join('\n'),
    },
  };
}

/** Copies pdf.js's worker script into `outdir`, where the bundled pdf.js looks for it. */
export function copyPdfWorker(outdir) {
  const requireHere = createRequire(import.meta.url);
  const script = join(dirname(requireHere.resolve('pdfjs-dist/legacy/build/pdf.mjs')), 'pdf.worker.mjs');
  mkdirSync(outdir, { recursive: true });
  copyFileSync(script, join(outdir, 'pdf.worker.mjs'));
}

/**
 * V8 keeps a script's source in memory for as long as the script runs, two
 * bytes a character if a single one is not ASCII. esbuild escapes non-ASCII
 * characters in strings but leaves them in regular expression literals (the
 * engine's rules match quotes, dashes and currency signs): escape those too.
 * `\uXXXX` is the same code unit in any regular expression, and a surrogate
 * pair written so is one code point under the `u` flag, as it was.
 */
const asciiOnly = {
  name: 'ascii-only',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      for (const file of Object.keys(result.metafile.outputs).filter((name) => /\.m?js$/.test(name))) {
        const code = readFileSync(file, 'utf8');
        const escaped = code.replace(/(\\*)([\u0080-\uFFFF])/g, (_match, slashes, char) => {
          // `\’` (an identity escape) is the character itself: the escape replaces it.
          const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
          return `${kept}\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
        });
        if (escaped !== code) writeFileSync(file, escaped);
      }
    });
  },
};

export const withAsciiOnly = (options) => ({ ...options, metafile: true, plugins: [asciiOnly] });

// Run as a script (`npm run build`); imported, it only lends its options.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildSchemaValidator();
  copyPdfWorker('dist');
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(withAsciiOnly(options))));
    await Promise.all(contexts.map((context) => context.watch()));
  } else {
    await Promise.all(builds.map((options) => esbuild.build(withAsciiOnly(options))));
  }
}
