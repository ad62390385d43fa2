/**
 * The diagnostics a document's findings are published as, and their JSON,
 * made once. After a keystroke nearly every finding reads as before: the
 * same rule, range (in lines and columns), severity and message. Such a
 * finding gets the diagnostic of the last publish, whichever object the
 * engine returned, and with it the bytes encoded then; the writer sends
 * those. Equality by value is decided here and nowhere else.
 */
import type { Diagnostic, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './diagnostics';

/**
 * Where a published diagnostic keeps its JSON: `,` and the object, the comma
 * dropped for the first of a list. A symbol key, so `JSON.stringify` never
 * sees it (nor, not enumerable, a deep comparison), and the bytes live
 * exactly as long as the diagnostic.
 */
const ENCODED = Symbol('encoded');

interface EncodedDiagnostic extends Diagnostic {
  /** Absent in a browser worker. */
  readonly [ENCODED]?: Buffer;
}

/** The bytes `publish` encoded for a diagnostic, `,` first; undefined for any other object. */
export function encodedDiagnostic(diagnostic: object): Buffer | undefined {
  return (diagnostic as Partial<EncodedDiagnostic>)[ENCODED];
}

/** `,` and the JSON of any diagnostic, for one that `publish` did not make. */
export function encodeDiagnostic(diagnostic: object): Buffer {
  return encodedDiagnostic(diagnostic) ?? Buffer.from(`,${JSON.stringify(diagnostic)}`, 'utf8');
}

/** In Node, where the stdio writer sends these bytes; a browser worker has no `Buffer` and posts objects, not bytes. */
const encodeAhead =
  typeof Buffer === 'function' ? (diagnostic: Diagnostic) => Buffer.from(`,${JSON.stringify(diagnostic)}`, 'utf8') : undefined;

export class PublishedDiagnostics {
  private readonly last = new Map<string, readonly EncodedDiagnostic[]>();

  constructor(private readonly docsUri: (ruleId: string) => string | undefined) {}

  /** The diagnostics for `findings` (in file order) of `document`, remembered as its last publish. */
  publish(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
    const previous = this.last.get(document.uri) ?? [];
    // Both lists are in file order: one cursor walks the previous one.
    let cursor = 0;
    const diagnostics = findings.map((finding): EncodedDiagnostic => {
      const fresh = toDiagnostic(finding, document, this.docsUri);
      // Where previous[index] starts against the fresh one; past the end counts as after.
      const order = (index: number) => {
        const candidate = previous[index];
        return candidate ? comparePositions(candidate.range.start, fresh.range.start) : 1;
      };
      while (order(cursor) < 0) cursor++;
      for (let index = cursor; order(index) === 0; index++) {
        const candidate = previous[index];
        if (candidate && sameDiagnostic(candidate, fresh)) return candidate;
      }
      if (!encodeAhead) return fresh;
      return Object.defineProperty(fresh, ENCODED, { value: encodeAhead(fresh), enumerable: false });
    });
    this.last.set(document.uri, diagnostics);
    return diagnostics;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Equal as the client sees them: rule, range, severity and message. `source` and the doc link follow from the rule. */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.severity === b.severity &&
    a.message === b.message &&
    comparePositions(a.range.start, b.range.start) === 0 &&
    comparePositions(a.range.end, b.range.end) === 0
  );
}
