/**
 * Completion at a cursor marked in the source (`|`, or another mark where
 * the text has a `|` of its own), read as the server reads a file of the
 * given name: its layout from the engine's reading of the text.
 */
import * as assert from 'node:assert/strict';
import { parseResume } from '../../server/src/engine/document';
import { completionsAt, type CompletionEntry } from '../../server/src/engine/features/completion';
import { completionLayoutOf } from '../../server/src/engine/features/completionLayout';
import type { LayoutId } from '../../server/src/engine/layouts/ids';
import { lintText, textAt } from '../helpers';
import { acceptSnippet } from './snippetText';

export interface CompletionAt {
  text: string;
  offset: number;
  entries: CompletionEntry[];
}

export function completionAt(source: string, fileName: string, cursor = '|'): CompletionAt {
  const offset = source.indexOf(cursor);
  assert.notEqual(offset, -1, `put a ${cursor} where the cursor is`);
  const text = source.slice(0, offset) + source.slice(offset + cursor.length);
  return { text, offset, entries: completionsAt(text, offset, completionLayoutOf(parseResume(text, { fileName }))) };
}

/** The labels of the entries of one kind, in order. */
export function completionLabels(found: CompletionAt, kind: CompletionEntry['kind']): string[] {
  return found.entries.filter((entry) => entry.kind === kind).map((entry) => entry.label);
}

/** The text once the template labelled `label` is accepted there, each `‹…›` slot given `fill`'s sample. */
export function acceptTemplate(found: CompletionAt, label: string, fill: (token: string) => string): string {
  const entry = found.entries.find((candidate) => candidate.kind === 'snippet' && candidate.label === label);
  assert.ok(entry, `no ${label} template in ${found.text}`);
  return found.text.slice(0, entry.replace.start) + acceptSnippet(entry.insertText, fill) + found.text.slice(entry.replace.end);
}

/** Linted as the file named `fileName`, read as `layout`: what says it is invalid in its own format (schema, YAML), as `rule on "text": message`. */
export function structuralFindings(text: string, fileName: string, layout: LayoutId): string[] {
  const result = lintText(text, { fileName });
  assert.equal(result.model.layout.id, layout);
  return result.findings
    .filter((finding) => finding.ruleId.startsWith('schema/') || finding.ruleId.startsWith('yaml/'))
    .map((finding) => `${finding.ruleId} on ${JSON.stringify(textAt(text, finding.range))}: ${finding.message}`);
}
