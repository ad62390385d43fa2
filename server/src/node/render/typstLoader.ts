/**
 * Finds the Typst compiler, a native addon: first the platform build's copy
 * beside the running bundle (`dist/typst-ts-node-compiler.node`, shipped in a
 * platform .vsix), then the npm package (the CLI and the tests). The
 * universal .vsix has neither, so rendering is unavailable there, with one
 * plain sentence saying why; a binary that fails to load (another libc, a
 * damaged file) is reported the same way, never thrown.
 *
 * Works from the CommonJS bundles (`dist/cli.js`, the tests) and from the
 * render worker's ES module bundle, whose banner defines `require` and
 * `__dirname` for the bundle's own file.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

export type NodeCompilerClass = typeof NodeCompiler;

export type TypstLoad =
  | {
      ok: true;
      NodeCompiler: NodeCompilerClass;
      /** The file the compiler came from: the platform build's copy or the npm package's entry. */
      from: string;
    }
  | { ok: false; message: string };

/** The name the packaging script gives the platform binary beside the bundle. */
export const BUNDLED_COMPILER_FILE = 'typst-ts-node-compiler.node';
const PACKAGE = '@myriaddreamin/typst-ts-node-compiler';

const loaded = new Map<string, TypstLoad>();

/** The directory of the running bundle (`dist/` for the CLI and the worker). */
function bundleDirectory(): string {
  if (typeof __dirname === 'string') return __dirname;
  return path.dirname(path.resolve(process.argv[1] ?? '.'));
}

/**
 * Loads the compiler once per directory; later calls get the same answer.
 * `directory` is where the bundle lives (the tests point it elsewhere).
 */
export function loadTypstCompiler(directory: string = bundleDirectory()): TypstLoad {
  const known = loaded.get(directory);
  if (known) return known;
  const result = load(directory);
  loaded.set(directory, result);
  return result;
}

function load(directory: string): TypstLoad {
  // `require` resolves from the bundle's directory up, as Node does for the bundle's own imports.
  const requireHere = createRequire(path.join(directory, 'typst-loader.js'));
  let failure: string | undefined;

  const bundled = path.join(directory, BUNDLED_COMPILER_FILE);
  if (fs.existsSync(bundled)) {
    try {
      const compiler = compilerOf(requireHere(bundled));
      if (compiler) return { ok: true, NodeCompiler: compiler, from: bundled };
      failure = `${bundled} has no NodeCompiler`;
    } catch (error) {
      failure = reasonOf(error);
    }
  }

  let entry: string | undefined;
  try {
    entry = requireHere.resolve(PACKAGE);
  } catch {
    // Not installed: the universal .vsix. Said below, with the platform.
  }
  if (entry) {
    try {
      const compiler = compilerOf(requireHere(entry));
      if (compiler) return { ok: true, NodeCompiler: compiler, from: entry };
      failure ??= `${PACKAGE} has no NodeCompiler`;
    } catch (error) {
      failure ??= reasonOf(error);
    }
  }

  const platform = hostTarget();
  const remedy = `install the ${platform} build of the extension, or the command line with \`npm install\``;
  return {
    ok: false,
    message: failure
      ? `Rendering needs the Typst compiler for ${platform}, which failed to load (${failure}); ${remedy}.`
      : `Rendering needs the Typst compiler, which this build does not include: ${remedy}.`,
  };
}

function compilerOf(exports: unknown): NodeCompilerClass | undefined {
  const candidate = (exports as { NodeCompiler?: { create?: unknown } } | null)?.NodeCompiler;
  return typeof candidate?.create === 'function' ? (candidate as NodeCompilerClass) : undefined;
}

/** The first line of what went wrong; the npm package's loader hides the real errors in `cause`. */
function reasonOf(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && current.cause !== undefined) {
    const cause: unknown = current.cause;
    current = Array.isArray(cause) ? (cause[0] as unknown) : cause;
  }
  const text = current instanceof Error ? current.message : String(current);
  return (text.split('\n')[0] ?? text).trim();
}

/** This machine as a VS Code platform target: `linux-x64`, `alpine-x64`, `darwin-arm64`, `win32-x64`… */
export function hostTarget(): string {
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  if (process.platform === 'linux' && isMusl()) return `alpine-${arch}`;
  return `${process.platform}-${arch}`;
}

function isMusl(): boolean {
  // glibc reports its version; musl does not.
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
  return report?.header !== undefined && report.header.glibcVersionRuntime === undefined;
}

/** The name render/typst.ts knows the answer by. */
export type TypstCompilerModule = TypstLoad;
