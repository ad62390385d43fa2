/**
 * What every fix must leave behind, as checks the fix tests share: the file
 * valid in its own format, every comment, every word of every bullet (but
 * the opening verb a tense fix conjugates), and nothing more for a second
 * fix-all to do.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lexer, parseAllDocuments } from 'yaml';
import { parseResume } from '../../server/src/engine/document';
import { applyEdits, fixAll, type FixAllResult } from '../../server/src/engine/fixes';
import { lint } from '../../server/src/linter';
import { snippetToPlainText } from '../../server/src/engine/scalarSource';
import type { Fix, LintOptions } from '../../server/src/engine/types';
import { pastToPresent, presentToPast } from '../../server/src/engine/verbs';
import { nth } from '../support/lists';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
export const FIXTURES = path.join(ROOT, 'test', 'fixes', 'fixtures');
export const TODAY = new Date('2026-06-15T00:00:00Z');

export interface Sample {
  name: string;
  text: string;
}

/** The corpus files, or none (with a note) when the corpus is not there. */
export function corpusSamples(): Sample[] {
  if (!fs.existsSync(CORPUS)) {
    console.log(`    corpus not found: skipped (${CORPUS}; set BULLETPROOF_CORPUS to point elsewhere)`);
    return [];
  }
  return fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ya?ml|json)$/.test(entry.name))
    .map((entry) => ({ name: entry.name, text: fs.readFileSync(path.join(CORPUS, entry.name), 'utf8') }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The hostile fixtures, each also with a BOM and with CRLF line endings. */
export function hostileSamples(): Sample[] {
  const plain = fs
    .readdirSync(FIXTURES)
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(FIXTURES, name), 'utf8') }));
  return plain.flatMap((sample) => [
    sample,
    { name: `${sample.name} with a BOM`, text: `\uFEFF${sample.text}` },
    { name: `${sample.name} with CRLF`, text: sample.text.replace(/\n/g, '\r\n') },
  ]);
}

export function lintOptions(extra: LintOptions = {}): LintOptions {
  return { today: TODAY, ...extra };
}

export function fixAllOf(text: string, options: LintOptions = {}): FixAllResult {
  return fixAll(text, (current) => lint(current, lintOptions(options)).findings);
}

/** One fix applied as a client without snippet support applies it: placeholders become their default text. */
export function applyFixPlain(text: string, fix: Fix): string {
  return applyEdits(
    text,
    fix.edits.map((edit) => ({ ...edit, newText: edit.snippet ? snippetToPlainText(edit.newText) : edit.newText })),
  );
}

export function isJsonSample(name: string): boolean {
  return /\.json\b/.test(name);
}

export function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

/** The `yaml` package's errors, as messages, over every document. */
export function yamlErrors(text: string): string[] {
  const documents = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' });
  const all = 'empty' in documents ? [documents] : documents;
  return all.flatMap((document) => document.errors.map((error) => error.code));
}

/** The file is as valid as it was: JSON still parses where it did, and YAML has no new errors. */
export function assertKeepsFormat(name: string, before: string, after: string): void {
  if (isJsonSample(name) && parsesAsJson(before))
    assert.ok(parsesAsJson(after), `${name}: no longer JSON:\n${firstDifference(before, after)}`);
  assert.deepEqual(yamlErrors(after), yamlErrors(before), `${name}: new YAML errors:\n${firstDifference(before, after)}`);
}

/** Every comment, as the `yaml` lexer finds them, in order. */
export function commentsOf(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd());
}

export function assertKeepsComments(name: string, before: string, after: string): void {
  assert.deepEqual(commentsOf(after).sort(), commentsOf(before).sort(), `${name}: a comment was lost or changed`);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Whether `to` is `from` in the other tense (`Manage` → `Managed`, `Led` → `Lead`, `Co-Manage` → `Co-Managed`). */
function isTenseChange(from: string, to: string): boolean {
  if (presentToPast(from) === to || pastToPresent(from) === to) return true;
  // A prefixed verb keeps its prefix as written; only the verb after the last hyphen changes.
  const cut = from.lastIndexOf('-') + 1;
  return cut > 0 && to.slice(0, cut) === from.slice(0, cut) && isTenseChange(from.slice(cut), to.slice(cut));
}

const CONJUNCTIONS = new Set(['and', 'or', '&']);

/**
 * The words of `after` are those of `before`, but for the opening verbs a
 * tense fix conjugates: the first word, and verbs joined to it by
 * "and"/"or"/commas ("Design and build" → "Designed and built").
 */
export function assertSameWords(where: string, before: string, after: string): void {
  const a = wordsOf(before);
  const b = wordsOf(after);
  assert.equal(b.length, a.length, `${where}: words added or lost\n  before: ${before}\n  after:  ${after}`);
  let opening = true;
  for (const [i, from] of a.entries()) {
    const to = nth(b, i);
    if (from === to) {
      if (!CONJUNCTIONS.has(from.toLowerCase())) opening = false;
      continue;
    }
    assert.ok(opening && isTenseChange(from, to), `${where}: \`${from}\` became \`${to}\`\n  before: ${before}\n  after:  ${after}`);
  }
}

/** Every bullet is still there, at its path, with every word (tense aside). */
export function assertKeepsBullets(name: string, before: string, after: string): void {
  const old = parseResume(before).bullets;
  const now = new Map(parseResume(after).bullets.map((bullet) => [bullet.path, bullet.text]));
  for (const bullet of old) {
    const text = now.get(bullet.path);
    assert.ok(text !== undefined, `${name}: the bullet at ${bullet.path} is gone`);
    assertSameWords(`${name} ${bullet.path}`, bullet.text, text);
  }
}

/** A few lines around the first place two texts differ: enough to see what a fix did. */
export function firstDifference(before: string, after: string): string {
  let at = 0;
  while (at < before.length && before[at] === after[at]) at++;
  const from = Math.max(0, before.lastIndexOf('\n', at - 200));
  return `before: ${JSON.stringify(before.slice(from, at + 200))}\nafter:  ${JSON.stringify(after.slice(from, at + 200))}`;
}
