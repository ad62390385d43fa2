/**
 * The RenderCV files of the corpus (047–063): read as RenderCV, no false
 * alarm about a missing name or work, bullets advised in every file that
 * has them, every range inside its file, and `--fix` keeping each a YAML
 * file with the same content but for the fixed values, in one pass.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { lint } from '../../server/src/linter';
import { fixText } from '../../cli/src/fix';
import { FIXED_TODAY } from '../helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
const RENDERCV_FILE = /^0(4[7-9]|5\d|6[0-3])\.yaml$/;

/** Every leaf of a parsed value by its path, and its structure as paths alone. */
function leaves(value: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, `${at}[${index}]`, out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) leaves(item, `${at}.${key}`, out);
  else out.set(at, value);
  return out;
}

function parsed(text: string): { value: unknown; errors: string[] } {
  const document = parseAllDocuments(text, { schema: 'core', logLevel: 'error' });
  const first = Array.isArray(document) ? document[0] : undefined;
  return { value: first?.toJS({ maxAliasCount: -1 }) as unknown, errors: (first?.errors ?? []).map((error) => error.code) };
}

describe('corpus: RenderCV files', function () {
  this.timeout(120_000);
  let files: string[] = [];

  before(function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    files = fs
      .readdirSync(CORPUS)
      .filter((name) => RENDERCV_FILE.test(name))
      .sort()
      .map((name) => path.join(CORPUS, name));
  });

  it('all 17 are there', () => {
    assert.equal(files.length, 17);
  });

  it('each is read as RenderCV, with no rule failing, no missing name or work, and every range inside the file', () => {
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const result = lint(text, { today: FIXED_TODAY, fileName: file });
      const name = path.basename(file);
      assert.equal(result.model.layout.id, 'rendercv', name);
      assert.deepEqual(result.ruleErrors, [], name);
      const alarms = result.findings.filter((f) => /has no name|has no work experience|no way to reach you/.test(f.message));
      assert.deepEqual(alarms, [], name);
      for (const finding of result.findings) {
        assert.ok(finding.range.start >= 0 && finding.range.start <= finding.range.end && finding.range.end <= text.length, name);
      }
    }
  });

  it('every file with highlights gets advice on at least one bullet', () => {
    for (const file of files) {
      const result = lint(fs.readFileSync(file, 'utf8'), { today: FIXED_TODAY, fileName: file });
      const highlights = result.model.bullets.filter((bullet) => bullet.kind === 'highlight');
      if (highlights.length === 0) continue;
      const advised = result.findings.some((finding) =>
        result.model.bullets.some((bullet) => bullet.range.start <= finding.range.start && finding.range.end <= bullet.range.end),
      );
      assert.ok(advised, `${path.basename(file)}: ${highlights.length} highlights, no finding on any bullet`);
    }
  });

  it('`--fix`: still YAML with no new error, the same keys and items, only fixed values changed, and nothing left for a second pass', () => {
    let fixedFiles = 0;
    for (const file of files) {
      const name = path.basename(file);
      const text = fs.readFileSync(file, 'utf8');
      const findingsOf = (current: string) => lint(current, { today: FIXED_TODAY, fileName: file }).findings;
      const fixed = fixText(text, '\n', findingsOf);
      assert.deepEqual(fixed.rejected, {}, name);
      const before = parsed(text);
      const after = parsed(fixed.text);
      assert.deepEqual(after.errors, before.errors, `${name}: YAML errors changed`);
      const was = leaves(before.value);
      const now = leaves(after.value);
      assert.deepEqual([...now.keys()], [...was.keys()], `${name}: keys or items changed`);
      const changed = [...was.keys()].filter((key) => was.get(key) !== now.get(key));
      const applied = Object.values(fixed.applied).reduce((sum, count) => sum + count, 0);
      assert.ok(changed.length <= applied, `${name}: ${changed.length} values changed by ${applied} fixes`);
      for (const key of changed) assert.equal(typeof now.get(key), 'string', `${name}: ${key} is no longer text`);
      assert.equal(fixText(fixed.text, '\n', findingsOf).text, fixed.text, `${name}: a second pass changed more`);
      if (fixed.text !== text) fixedFiles++;
    }
    assert.ok(fixedFiles > 0, 'no file had a safe fix: the check above proved nothing');
  });
});
