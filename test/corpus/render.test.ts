/**
 * Every real resume goes to the page: it renders and says which characters
 * the bundled fonts cannot show, or is refused for broken YAML; and poppler's `pdftotext`, a second
 * extractor, reads every bullet of every example in order.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderResume } from '../../server/src/node/render/render';
import { pageDocument } from '../../server/src/engine/page/pageDoc';
import { plainText } from '../../server/src/engine/page/markdown';
import { lintText } from '../helpers';
import { printedBullets } from '../page/support';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(ROOT, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('corpus: every resume on the page', function () {
  this.timeout(300_000);

  it('renders every corpus resume and names the characters it cannot show', async () => {
    const files = fs.readdirSync(CORPUS).sort();
    assert.ok(files.length >= 75, `${files.length} files in ${CORPUS}`);
    const cannotShow: string[] = [];
    const refused: string[] = [];
    for (const name of files) {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const response = await renderResume({
        text,
        fileName: name,
        settings: { theme: 'classic', paper: 'us-letter' },
        output: 'pdf',
        checks: true,
      });
      if (!response.ok && response.reason === 'unrenderable') {
        // Broken YAML is refused, never guessed at: the findings say where.
        assert.ok(
          response.findings.some((finding) => finding.ruleId === 'yaml/syntax'),
          name,
        );
        refused.push(name);
        continue;
      }
      assert.ok(response.ok, `${name}: ${response.ok ? '' : response.message}`);
      assert.ok(response.pages >= 1, name);
      assert.ok(response.output instanceof Uint8Array && Buffer.from(response.output.subarray(0, 5)).toString() === '%PDF-', name);
      const missing = response.facts!.missingGlyphs;
      if (missing.length > 0) cannotShow.push(name);
      // What the bundled fonts lack is Chinese, Korean and emoji, never a Latin, Greek or Cyrillic letter.
      for (const char of missing)
        assert.match(
          char,
          /^[\p{Extended_Pictographic}\p{Script=Han}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]$|^\ufe0f$/u,
          `${name}: ${char}`,
        );
      // A bullet the page ties to the source is one the model reads.
      for (const printed of response.facts!.bullets) assert.ok(printed.id.length > 0, name);
    }
    // One corpus file has a quoted string that breaks YAML (047.yaml, line 98): RenderCV refuses it too.
    assert.deepEqual(refused, ['047.yaml']);
    // The corpus's Chinese and Korean resumes, and two with emoji.
    assert.deepEqual(cannotShow, ['025.json', '044.yaml', '054.yaml', '075.json']);
  });

  const pdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
  for (const example of ['backend.resume.yaml', 'backend.resume.json', 'backend_CV.yaml', 'backend.yamlresume.yaml']) {
    it(`pdftotext reads every bullet of ${example} in order`, async function () {
      // CI installs poppler-utils (.ci/run); a machine without it skips, visibly.
      if (!pdftotext) this.skip();
      const text = fs.readFileSync(path.join(ROOT, 'examples', example), 'utf8');
      const response = await renderResume({
        text,
        fileName: example,
        settings: { theme: 'classic', paper: 'us-letter' },
        output: 'pdf',
        checks: false,
      });
      assert.ok(response.ok);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-pdftotext-'));
      const pdf = path.join(dir, 'resume.pdf');
      fs.writeFileSync(pdf, response.output as Uint8Array);
      const read = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
      assert.equal(read.status, 0, read.stderr);
      const printed = oneLine(read.stdout);
      const built = pageDocument(lintText(text, { fileName: example }).model);
      assert.ok(built.ok);
      assert.ok(printed.startsWith('Alex Rivera'), printed.slice(0, 80));
      assert.ok(printed.includes('alex.rivera@example.com'));
      let from = 0;
      for (const bullet of printedBullets(built.doc)) {
        const at = printed.indexOf(oneLine(plainText(bullet.spans)), from);
        assert.ok(at >= from, `${plainText(bullet.spans)} after offset ${from}`);
        from = at;
      }
    });
  }
});
