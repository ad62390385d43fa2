/**
 * `--fix` and Fix all on real resumes and on hostile fixtures (anchors and
 * aliases, comments on fixed lines, a BOM, CRLF, JSON, flow style, several
 * documents): the result parses in its own format with no new errors, every
 * comment and every word of every bullet survive (a tense fix may change the
 * opening verb's form, nothing else), no fix had to be left out for breaking
 * the file, and a second pass has nothing left to do. Then every fix and
 * suggestion, applied alone, keeps the file valid and its comments.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import { postingSource } from '../../server/src/engine/posting';
import type { LintOptions } from '../../server/src/engine/types';
import {
  applyFixPlain,
  assertKeepsBullets,
  assertKeepsComments,
  assertKeepsFormat,
  corpusSamples,
  firstDifference,
  fixAllOf,
  hostileSamples,
  lintOptions,
  ROOT,
  type Sample,
} from './support';

function checkFixAll({ name, text }: Sample, options: LintOptions = {}): Record<string, number> {
  const result = fixAllOf(text, options);
  assert.deepEqual(result.rejected, {}, `${name}: fixes that would have broken the file`);
  assertKeepsFormat(name, text, result.text);
  assertKeepsComments(name, text, result.text);
  // Against a posting, adopting its spelling ("Postgres" → "PostgreSQL") changes words by design.
  if (!options.posting) assertKeepsBullets(name, text, result.text);
  const again = fixAllOf(result.text, options).text;
  assert.equal(again, result.text, `${name}: a second fix-all changed more\n${firstDifference(result.text, again)}`);
  return result.applied;
}

/** Every fix alone; `perRule` caps how many of each rule's are tried (its edits are alike). */
function checkEachFix({ name, text }: Sample, options: LintOptions = {}, perRule = Infinity): number {
  let count = 0;
  const tried = new Map<string, number>();
  for (const finding of lint(text, lintOptions(options)).findings) {
    for (const fix of finding.fixes) {
      const seen = tried.get(finding.ruleId) ?? 0;
      if (seen >= perRule) continue;
      tried.set(finding.ruleId, seen + 1);
      const where = `${name}, ${finding.ruleId} "${fix.title}"`;
      const fixed = applyFixPlain(text, fix);
      assertKeepsFormat(where, text, fixed);
      assertKeepsComments(where, text, fixed);
      count++;
    }
  }
  return count;
}

describe('fix-all keeps every file whole', function () {
  this.timeout(120_000);

  describe('hostile fixtures', () => {
    for (const sample of hostileSamples()) {
      it(sample.name, () => {
        const applied = checkFixAll(sample);
        // Each fixture is there to be fixed: a run that fixed nothing tested nothing.
        assert.ok(Object.keys(applied).length > 0, `${sample.name}: nothing was fixed`);
        assert.ok(checkEachFix(sample) > 0);
      });
    }
  });

  describe('the corpus', () => {
    // Absent, it says so and is skipped.
    for (const sample of corpusSamples()) {
      it(sample.name, () => {
        checkFixAll(sample);
        checkEachFix(sample);
      });
    }
  });

  it('the corpus and the fixtures against a job posting: valid, comments kept, nothing left for a second pass', () => {
    const file = path.join(ROOT, 'examples', 'postings', 'acme-backend.md');
    const posting = postingSource('./examples/postings/acme-backend.md', fs.readFileSync(file, 'utf8'));
    const corpus = corpusSamples();
    let adopted = 0;
    for (const sample of [...hostileSamples(), ...corpus]) {
      adopted += checkFixAll(sample, { posting })['posting-spelling'] ?? 0;
      // The posting's suggestions add skills, groups and lists: a few of each rule's per file, alone.
      checkEachFix(sample, { posting }, 3);
    }
    // The corpus spells some of the posting's terms its own way: adopting them is what this run adds.
    if (corpus.length > 0) assert.ok(adopted > 0);
  });
});
