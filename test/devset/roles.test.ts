/**
 * Backend advice on real resumes, against `roles.tsv` (each corpus resume
 * labelled `backend` or `not-backend` by a person reading its headline,
 * positions and skills): a resume that is not a backend one gets at most one
 * backend-related finding (the note that the advice is held back, or one
 * the guess missed), and a backend one never gets that note.
 * `DEVSET_VERBOSE=1` prints the counts, with `role: backend` (the advice
 * given whatever the resume says) beside them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint } from '../../server/src/linter';
import { rules } from '../../server/src/rules/registry';
import { formatOfName } from '../../server/src/engine/jsonParse';
import type { LintOptions } from '../../server/src/engine/types';
import { FIXED_TODAY } from '../helpers';
import { DEVSET_DIR } from './labels';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
const OFF_ROLE = 'backend-off-role';

/** The rules a backend reviewer's advice comes from, and the note that holds them back. */
const BACKEND_RULES = new Set([...rules.filter((rule) => rule.meta.backendOnly).map((rule) => rule.meta.id), OFF_ROLE]);

interface RoleLabel {
  id: string;
  backend: boolean;
  role: string;
  note: string;
}

function readLabels(): RoleLabel[] {
  const lines = fs.readFileSync(path.join(DEVSET_DIR, 'roles.tsv'), 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, index) => {
      const [id = '', label = '', role = '', note = ''] = line.split('\t');
      assert.ok(label === 'backend' || label === 'not-backend', `roles.tsv row ${index + 1}: label must be backend or not-backend`);
      return { id, backend: label === 'backend', role, note };
    });
}

/** The backend-related findings' rule ids for a corpus file, linted as the CLI and the editor lint it. */
function backendFindings(file: string, options: LintOptions = {}): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const format = formatOfName(file);
  const result = lint(text, { ...options, fileName: path.basename(file), today: FIXED_TODAY, ...(format && { format }) });
  return result.findings.filter((finding) => BACKEND_RULES.has(finding.ruleId)).map((finding) => finding.ruleId);
}

describe('backend advice on real resumes, by role', function () {
  this.timeout(120_000);
  const labels = readLabels();
  let files = new Map<string, string>();

  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    files = new Map(
      fs
        .readdirSync(CORPUS)
        .filter((name) => /^\d{3}\./.test(name))
        .map((name) => [name.slice(0, 3), path.join(CORPUS, name)]),
    );
  });

  it('labels every corpus resume once, and nothing else', () => {
    assert.deepEqual(
      labels.map((label) => label.id),
      [...files.keys()].sort(),
    );
  });

  it('a resume that is not a backend one gets at most one backend-related finding', () => {
    const tooMany: string[] = [];
    let after = 0;
    let before = 0;
    for (const label of labels.filter((candidate) => !candidate.backend)) {
      const file = files.get(label.id);
      assert.ok(file, `${label.id} is not in the corpus`);
      const found = backendFindings(file);
      after += found.length;
      if (process.env.DEVSET_VERBOSE) before += backendFindings(file, { role: 'backend' }).length;
      if (found.length > 1) tooMany.push(`${label.id} (${label.role}): ${found.join(', ')}`);
    }
    if (process.env.DEVSET_VERBOSE) {
      const count = labels.filter((label) => !label.backend).length;
      console.log(`    ${count} not-backend resumes: ${before} backend findings with role: backend, ${after} by default`);
    }
    assert.deepEqual(tooMany, []);
  });

  it('a backend resume never gets the note that the backend advice is held back', () => {
    const noted = labels
      .filter((label) => label.backend)
      .filter((label) => backendFindings(files.get(label.id) ?? '').includes(OFF_ROLE))
      .map((label) => `${label.id} (${label.role}): ${label.note}`);
    assert.deepEqual(noted, []);
  });
});
