/**
 * The Typst compiler, held for the life of the process: markup in, pages
 * out (PDF, SVG), and the marks' positions. It reads no file: the source is
 * given in memory and its root is an empty folder, so `#read` and `#import`
 * find nothing even if markup asked for them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NodeCompiler, NodeTypstDocument } from '@myriaddreamin/typst-ts-node-compiler';
import { MARK_LABEL } from '../../engine/page/typst';
import type { PrintedBullet, WordPlace } from '../../engine/page/types';
import { loadTypstCompiler } from './typstLoader';

export type Compiled = { ok: true; document: NodeTypstDocument; pages: number } | { ok: false; message: string };

export class TypstPages {
  private compiler: NodeCompiler | undefined;

  constructor(private readonly NodeCompilerClass: typeof NodeCompiler) {}

  compile(source: string): Compiled {
    this.compiler ??= this.NodeCompilerClass.create({ workspace: emptyRoot() });
    const result = this.compiler.compile({ mainFileContent: source });
    const document = result.result;
    if (result.hasError() || !document) {
      const diagnostics = (result.takeError()?.shortDiagnostics ?? []) as { message?: string }[];
      return {
        ok: false,
        message: diagnostics.map((diagnostic) => diagnostic.message ?? JSON.stringify(diagnostic)).join('; ') || 'the compiler failed',
      };
    }
    return { ok: true, document, pages: document.numOfPages };
  }

  pdf(document: NodeTypstDocument): Uint8Array {
    return this.require().pdf(document);
  }

  svg(document: NodeTypstDocument): string {
    return this.require().svg(document);
  }

  marks(document: NodeTypstDocument): Mark[] {
    const found: unknown = this.require().query(document, { selector: `<${MARK_LABEL}>`, field: 'value' });
    return Array.isArray(found) ? found.flatMap(markOf) : [];
  }

  /** Frees what old compilations cached: a long-lived process calls it after each render. */
  evict(): void {
    this.compiler?.evictCache(30);
  }

  private require(): NodeCompiler {
    if (!this.compiler) throw new Error('compile first');
    return this.compiler;
  }
}

/** An empty folder for the compiler's root, removed when the process exits. */
function emptyRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'bulletproof-typst-'));
  process.once('exit', () => rmSync(root, { recursive: true, force: true }));
  return root;
}

let shared: TypstPages | { unavailable: string } | undefined;

/** The process's compiler, loaded on first use; or why there is none. */
export function typstPages(): TypstPages | { unavailable: string } {
  if (shared) return shared;
  const loaded = loadTypstCompiler();
  shared = loaded.ok ? new TypstPages(loaded.NodeCompiler) : { unavailable: loaded.message };
  return shared;
}

/** A mark as the query answers it: bullet `b`'s word `w` starts at `p`. */
export interface Mark {
  bullet: number;
  word: number;
  place: WordPlace & { x: number };
}

function markOf(value: unknown): Mark[] {
  if (typeof value !== 'object' || value === null) return [];
  const { b, w, p } = value as { b?: unknown; w?: unknown; p?: { page?: unknown; x?: unknown; y?: unknown } };
  if (typeof b !== 'number' || typeof w !== 'number' || typeof p?.page !== 'number') return [];
  const x = points(p.x);
  const y = points(p.y);
  return x === undefined || y === undefined ? [] : [{ bullet: b, word: w, place: { page: p.page, x, y } }];
}

function points(length: unknown): number | undefined {
  const match = typeof length === 'string' ? /^(-?[\d.]+)pt$/.exec(length) : null;
  return match ? Number(match[1]) : undefined;
}

/** Two places are on one line when they share a page and their tops are within a fraction of a point. */
function sameLine(a: WordPlace, b: WordPlace): boolean {
  return a.page === b.page && Math.abs(a.y - b.y) < 0.5;
}

/** Each marked bullet's first and last words, and how many of its last three share the last line. */
export function printedBullets(marks: readonly Mark[], ids: readonly string[]): PrintedBullet[] {
  const byBullet = new Map<number, Mark[]>();
  for (const mark of marks) {
    const list = byBullet.get(mark.bullet);
    if (list) list.push(mark);
    else byBullet.set(mark.bullet, [mark]);
  }
  const printed: PrintedBullet[] = [];
  for (const [index, list] of byBullet) {
    const id = ids[index];
    list.sort((a, b) => a.word - b.word);
    const first = list[0];
    const last = list.at(-1);
    if (id === undefined || !first || !last || first.word !== 0) continue;
    const tail = list.filter((mark) => mark.word >= last.word - 2);
    printed.push({
      id,
      first: first.place,
      last: last.place,
      singleLine: sameLine(first.place, last.place),
      lastLineWords: tail.filter((mark) => sameLine(mark.place, last.place)).length,
    });
  }
  return printed;
}
