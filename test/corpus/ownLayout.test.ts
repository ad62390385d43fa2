/**
 * The corpus's resumes in layouts of their own (064–075): each is read as a
 * layout of its own, its bullets are exactly the ones `bullets_meta.tsv`
 * lists, and completeness says only what is truly missing. The files before
 * them (JSON Resume, RenderCV) are never read so.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseResume } from '../../server/src/engine/document';
import { lint } from '../../server/src/linter';
import { FIXED_TODAY } from '../helpers';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
const META = path.join(CORPUS, '..', 'bullets_meta.tsv');

const OWN_LAYOUT_IDS = ['064', '065', '066', '067', '068', '069', '070', '071', '072', '073', '074', '075'];

/**
 * What completeness rightly says of a file: 068 is a skill sheet with no
 * name, no contact and its duties written as paragraphs; 074 writes each
 * job as one paragraph (`description: |`), no list of bullets.
 */
const MISSING: Readonly<Record<string, readonly string[]>> = {
  '068': [
    'The resume has no name: add a `name`.',
    'The resume gives no way to reach you: add an `email`, a `phone` or a `website`.',
    'No experience entry has a list of bullets (`highlights:` with `- ` items): add the bullets reviewers read first, one achievement each.',
  ],
  '074': [
    'No experience entry has a list of bullets (`highlights:` with `- ` items): add the bullets reviewers read first, one achievement each.',
  ],
};

function fileOf(id: string): string | undefined {
  return ['yaml', 'json'].map((extension) => path.join(CORPUS, `${id}.${extension}`)).find((file) => fs.existsSync(file));
}

/** The oracle's bullet paths per resume id. */
function oraclePaths(): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const line of fs.readFileSync(META, 'utf8').split('\n').slice(1)) {
    const [, id, , , bulletPath] = line.split('\t');
    if (!id || !bulletPath) continue;
    byId.set(id, [...(byId.get(id) ?? []), bulletPath]);
  }
  return byId;
}

describe('corpus: layouts of their own', function () {
  this.timeout(60_000);
  let oracle = new Map<string, string[]>();

  before(function () {
    if (!fs.existsSync(CORPUS) || !fs.existsSync(META)) {
      console.log(`    corpus not found: skipped (${CORPUS}; set BULLETPROOF_CORPUS to point elsewhere)`);
      this.skip();
    }
    oracle = oraclePaths();
  });

  for (const id of OWN_LAYOUT_IDS) {
    it(`${id}: read as a layout of its own, every listed bullet found and no other, completeness only for what is missing`, function () {
      const file = fileOf(id);
      if (!file) this.skip();
      const result = lint(fs.readFileSync(file, 'utf8'), { fileName: file, today: FIXED_TODAY });
      assert.equal(result.model.layout.id, 'other');
      const found = result.model.bullets.filter((bullet) => bullet.kind === 'highlight').map((bullet) => bullet.path);
      assert.deepEqual([...found].sort(), [...(oracle.get(id) ?? [])].sort());
      const completeness = result.findings.filter((finding) => finding.ruleId === 'completeness').map((finding) => finding.message);
      assert.deepEqual(completeness, MISSING[id] ?? []);
      assert.deepEqual(
        result.findings.filter((finding) => finding.ruleId.startsWith('schema/')).map((finding) => finding.ruleId),
        ['schema/own-layout'],
      );
    });
  }

  it('no JSON Resume or RenderCV file (001–063) is read as a layout of its own', function () {
    const ids = Array.from({ length: 63 }, (_, index) => String(index + 1).padStart(3, '0'));
    const files = ids.flatMap((id) => fileOf(id) ?? []);
    if (files.length === 0) this.skip();
    const own = files.filter((file) => parseResume(fs.readFileSync(file, 'utf8'), { fileName: file }).layout.id === 'other');
    assert.deepEqual(own, []);
  });
});
