/**
 * Loads the Typst compiler (placeholder until the platform loader lands):
 * from node_modules.
 */
import type { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

export type TypstCompilerModule = { ok: true; NodeCompiler: typeof NodeCompiler } | { ok: false; message: string };

let loaded: TypstCompilerModule | undefined;

export function loadTypstCompiler(): TypstCompilerModule {
  if (loaded) return loaded;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a native addon, loaded only when a render is asked for
    const module = require('@myriaddreamin/typst-ts-node-compiler') as { NodeCompiler: typeof NodeCompiler };
    loaded = { ok: true, NodeCompiler: module.NodeCompiler };
  } catch (error) {
    loaded = {
      ok: false,
      message: `Rendering needs the Typst compiler for ${process.platform}-${process.arch}: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return loaded;
}
