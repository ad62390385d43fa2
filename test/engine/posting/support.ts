/** Shared by the posting engine and rule tests: the example postings, and fixes applied as an editor would. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { applyEdits } from '../../../server/src/engine/fixes';
import { postingSource } from '../../../server/src/engine/posting';
import { snippetToPlainText } from '../../../server/src/engine/scalarSource';
import type { Fix, PostingSource } from '../../../server/src/engine/types';

/** The repo root, found from wherever the compiled test sits. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'examples'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repo root not found');
    dir = up;
  }
  return dir;
}

export function examplePosting(file: string): PostingSource {
  return postingSource(`./examples/postings/${file}`, fs.readFileSync(path.join(repoRoot(), 'examples', 'postings', file), 'utf8'));
}

export function exampleResume(file = 'backend.resume.yaml'): string {
  return fs.readFileSync(path.join(repoRoot(), 'examples', file), 'utf8');
}

export function markdownPosting(text: string, name = 'job.md'): PostingSource {
  return { name, text, format: 'markdown' };
}

/** Applies a fix as a client without snippet support would. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(
    text,
    fix.edits.map((edit) => ({ ...edit, newText: edit.snippet ? snippetToPlainText(edit.newText) : edit.newText })),
  );
}

/** The text parses, and its top-level keys are the ones expected. */
export function assertValidYaml(text: string, keys?: string[]): unknown {
  const value: unknown = parse(text);
  if (keys) assert.deepEqual(Object.keys(value as object), keys);
  return value;
}
