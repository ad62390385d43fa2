/**
 * The diagnostics a document's findings are published as, made once. A
 * finding an edit did not move comes back from the engine as the same
 * object, with the text before it unchanged, so its diagnostic is too. A
 * finding the engine made anew (the schema's, on every keystroke) gets the
 * diagnostic of the last publish that reads the same, when there is one.
 * Either way the writer sends bytes it has already encoded.
 */
import type { Diagnostic, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { toDiagnostic } from './diagnostics';

export class PublishedDiagnostics {
  private readonly byFinding = new WeakMap<Finding, Diagnostic>();
  private readonly last = new Map<string, readonly Diagnostic[]>();

  constructor(private readonly docsUri: (ruleId: string) => string) {}

  /** The diagnostics for `findings` (in file order) of `document`, remembered as its last publish. */
  publish(document: TextDocument, findings: readonly Finding[]): Diagnostic[] {
    const previous = this.last.get(document.uri) ?? [];
    // Both lists are in file order: one cursor walks the previous one.
    let cursor = 0;
    const diagnostics = findings.map((finding) => {
      let diagnostic = this.byFinding.get(finding);
      if (!diagnostic) {
        const fresh = toDiagnostic(finding, document, this.docsUri);
        while (cursor < previous.length && comparePositions(previous[cursor].range.start, fresh.range.start) < 0) cursor++;
        for (let index = cursor; index < previous.length && comparePositions(previous[index].range.start, fresh.range.start) === 0; index++) {
          if (sameDiagnostic(previous[index], fresh)) {
            diagnostic = previous[index];
            break;
          }
        }
        diagnostic ??= fresh;
        this.byFinding.set(finding, diagnostic);
      }
      return diagnostic;
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

/** Equal as the client sees them. `source` and the doc link follow from the code. */
function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.severity === b.severity &&
    a.message === b.message &&
    comparePositions(a.range.start, b.range.start) === 0 &&
    comparePositions(a.range.end, b.range.end) === 0
  );
}
