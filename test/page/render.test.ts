/**
 * The page itself, through the real compiler: escaping, determinism, the
 * marks the page rules read, every layout, and what an extractor reads.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderResume } from '../../server/src/node/render/render';
import { pdfPageTexts } from '../../server/src/node/render/pdfText';
import type { RenderRequest, RenderResponse } from '../../server/src/node/render/protocol';
import { TypstPages } from '../../server/src/node/render/typst';
import { loadTypstCompiler } from '../../server/src/node/render/typstLoader';
import { pageDocument } from '../../server/src/engine/page/pageDoc';
import { plainText } from '../../server/src/engine/page/markdown';
import { typstMarkup } from '../../server/src/engine/page/typst';
import { rules } from '../../server/src/rules/registry';
import { MAX_RENDER_CHARS } from '../../server/src/engine/limits';
import { lintText } from '../helpers';
import { printedBullets } from './support';

const EXAMPLES = ['backend.resume.yaml', 'backend.resume.json', 'backend_CV.yaml', 'backend.yamlresume.yaml'];

type Rendered = Extract<RenderResponse, { ok: true }>;

async function render(text: string, overrides: Partial<RenderRequest> = {}): Promise<Rendered> {
  const response = await renderResume({
    text,
    settings: { theme: 'classic', paper: 'us-letter' },
    output: 'pdf',
    checks: true,
    ...overrides,
  });
  assert.ok(response.ok, response.ok ? '' : `${response.reason}: ${response.message}`);
  return response;
}

/** How many times the registered text rules ran while `run` ran (the resume rules, which run on every lint). */
async function textRuleRuns(run: () => Promise<unknown>): Promise<number> {
  let runs = 0;
  const restore: (() => void)[] = [];
  for (const rule of rules) {
    if (!('check' in rule)) continue;
    // The rules are plain objects: their own `check` is put back as it was.
    const own = Object.getOwnPropertyDescriptor(rule, 'check')!;
    const check = rule.check.bind(rule);
    rule.check = (context) => {
      runs++;
      check(context);
    };
    restore.push(() => Object.defineProperty(rule, 'check', own));
  }
  assert.ok(restore.length > 5, `only ${restore.length} resume rules`);
  try {
    await run();
  } finally {
    for (const undo of restore) undo();
  }
  return runs;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('page: rendering with Typst', function () {
  // The first render loads the compiler and pdf.js; a busy machine takes its time.
  this.timeout(60_000);

  it('prints text full of Typst syntax exactly as written, and evaluates none of it', async () => {
    const hostile = String.raw`Ran #read("/etc/passwd") #import "x.typ": * $x^2$ @ref <label> ]] [ \ \\ // not a comment /* nor this */ #{1+1} = - + ~ -- ... "q" 'q' a_b _ * C:\\path`;
    const text = `basics:\n  name: ${JSON.stringify('#set text(size: 99pt) Pat')}\nwork:\n  - name: Acme\n    highlights:\n      - ${JSON.stringify(hostile)}\n`;
    const { output, facts } = await render(text);
    const printed = oneLine((await pdfPageTexts(output as Uint8Array)).join('\n'));
    assert.ok(printed.startsWith('#set text(size: 99pt) Pat'), printed);
    assert.ok(printed.includes(`• ${hostile}`), printed);
    assert.ok(!printed.includes('root:'), 'nothing is read from disk');
    assert.equal(facts?.bullets.length, 1);
  });

  it('makes Markdown bold, italic and links real, and leaves links to other schemes as text', () => {
    const doc = pageDocument(
      lintText(
        'work:\n  - name: Acme\n    highlights:\n      - "**Led** a _small_ team on [Pay](https://pay.example) and [x](javascript:alert(1))"\n',
      ).model,
    );
    assert.ok(doc.ok);
    const { source } = typstMarkup(doc.doc, { theme: 'classic', paper: 'a4' });
    const line = source.split('\n').find((candidate) => candidate.startsWith('- '))!;
    assert.match(line, /#strong\[#"Led";#context/);
    assert.match(line, /#emph\[#"small";\]/);
    assert.match(line, /#link\("https:\/\/pay\.example"\)\[#"Pay";/);
    assert.ok(!line.includes('#link("javascript'), line);
  });

  it("takes the font size and margin the settings allow, and the theme's own for anything else", () => {
    const doc = pageDocument(lintText('basics:\n  name: Pat\n').model);
    assert.ok(doc.ok);
    const set = typstMarkup(doc.doc, { theme: 'compact', paper: 'a4', fontSize: 22, margin: '18mm' }).source;
    assert.match(set, /#set page\(paper: "a4", margin: 18mm\)/);
    assert.match(set, /size: 22pt, hyphenate: false/);
    const refused = typstMarkup(doc.doc, { theme: 'compact', paper: 'a4', fontSize: 99, margin: '1in); #read("/etc/passwd"' }).source;
    assert.match(refused, /#set page\(paper: "a4", margin: 0\.5in\)/);
    assert.match(refused, /size: 9\.5pt, hyphenate: false/);
  });

  it('puts a real link in the PDF', async () => {
    const { output } = await render('basics:\n  name: Pat\n  email: pat@example.com\n  url: https://pat.example\n');
    const pdf = Buffer.from(output as Uint8Array).toString('latin1');
    assert.ok(pdf.includes('(mailto:pat@example.com)'), 'the e-mail links to mailto:');
    assert.ok(pdf.includes('(https://pat.example)'), 'the website links to itself');
  });

  it('gives the same PDF bytes for the same input from two compilers, and in another process', () => {
    const loaded = loadTypstCompiler();
    assert.ok(loaded.ok);
    const text = readFileSync(join('examples', 'backend.resume.yaml'), 'utf8');
    const built = pageDocument(lintText(text).model);
    assert.ok(built.ok);
    const { source } = typstMarkup(built.doc, { theme: 'classic', paper: 'us-letter' });
    const hashes = [new TypstPages(loaded.NodeCompiler), new TypstPages(loaded.NodeCompiler)].map((pages) => {
      const compiled = pages.compile(source);
      assert.ok(compiled.ok);
      return sha256(pages.pdf(compiled.document));
    });
    const dir = mkdtempSync(join(tmpdir(), 'bulletproof-hash-'));
    writeFileSync(join(dir, 'page.typ'), source);
    const script = `const {NodeCompiler}=require('@myriaddreamin/typst-ts-node-compiler');const c=NodeCompiler.create({workspace:${JSON.stringify(dir)}});
const d=c.compile({mainFileContent:require('fs').readFileSync(${JSON.stringify(join(dir, 'page.typ'))},'utf8')}).result;
process.stdout.write(require('crypto').createHash('sha256').update(c.pdf(d)).digest('hex'));`;
    const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    assert.equal(hashes[0], hashes[1]);
    assert.equal(child.stdout, hashes[0]);
  });

  it('reports where each bullet printed and how many words its last line holds', async () => {
    const base = 'Cut p99 checkout latency from 850 ms to 210 ms by adding covering indexes and a Redis read-through cache for';
    const bullets = [`${base} catalog`, `${base} the catalog`, `${base} the catalog service`, 'Short bullet'];
    const text = `basics:\n  name: Pat\nwork:\n  - name: Acme\n    highlights:\n${bullets.map((bullet) => `      - ${bullet}\n`).join('')}`;
    const { facts } = await render(text, { output: 'none' });
    assert.deepEqual(
      facts?.bullets.map(({ id, singleLine, lastLineWords }) => [id, singleLine, lastLineWords]),
      [
        ['work[0].highlights[0]', false, 1],
        ['work[0].highlights[1]', false, 2],
        ['work[0].highlights[2]', false, 3],
        ['work[0].highlights[3]', true, 2],
      ],
    );
    const [first] = facts.bullets;
    assert.ok(first && first.last.y > first.first.y, 'the last line is below the first');
  });

  it('names the characters the bundled fonts cannot show', async () => {
    const { facts } = await render(
      'basics:\n  name: 김민준 (Minjun Kim)\nwork:\n  - name: 字节跳动\n    highlights: [Café résumé naïve, Ωμέγα Привет]\n',
    );
    assert.deepEqual(facts?.missingGlyphs, ['김', '민', '준', '字', '节', '跳', '动']);
  });

  it('refuses a file with broken syntax, with its errors', async () => {
    const response = await renderResume({
      text: 'work:\n  - name: "Acme\n',
      settings: { theme: 'classic', paper: 'a4' },
      output: 'pdf',
      checks: true,
    });
    assert.equal(response.ok, false);
    assert.ok(!response.ok && response.reason === 'unrenderable');
    assert.deepEqual(
      response.findings.map((finding) => [finding.ruleId, finding.severity, finding.message, finding.range]),
      [['yaml/syntax', 'error', 'Missing closing "quote', { start: 22, end: 22 }]],
    );
  });

  it("refuses a file that is not a resume with the errors of its text checks, read with the request's layout, format and levels", async () => {
    const refusal = async (text: string, lint: RenderRequest['lint']) => {
      const response = await renderResume({ text, settings: { theme: 'classic', paper: 'a4' }, output: 'pdf', checks: true, lint });
      assert.ok(!response.ok && response.reason === 'unrenderable', JSON.stringify(response));
      assert.equal(response.message, 'it is not a resume: its top level is not a mapping of sections');
      return response.findings.map((finding) => [finding.ruleId, finding.severity, finding.message, finding.range]);
    };
    const asJsonResume = 'This value should be a set of `key: value` fields, not a list.';
    assert.deepEqual(await refusal('- a\n- b\n', {}), [['schema/wrong-type', 'error', asJsonResume, { start: 0, end: 8 }]]);
    assert.deepEqual(await refusal('[1, 2]', { format: 'json' }), [['schema/wrong-type', 'error', asJsonResume, { start: 0, end: 6 }]]);
    assert.deepEqual(await refusal('- a\n- b\n', { layout: 'rendercv' }), [
      ['schema/wrong-type', 'error', 'This value should be a set of `key: value` fields.', { start: 0, end: 8 }],
    ]);
    // A warning leaves nothing to list among the errors: the page is still refused.
    assert.deepEqual(await refusal('- a\n- b\n', { rules: { 'schema/wrong-type': 'warning' } }), []);
  });

  it('refuses to typeset a file past the render size limit, saying how large it is, without reading it', async () => {
    const text = `basics:\n  name: ${'x'.repeat(3 * MAX_RENDER_CHARS)}\n`;
    const runs = await textRuleRuns(async () => {
      const response = await renderResume({ text, settings: { theme: 'classic', paper: 'a4' }, output: 'pdf', checks: true });
      assert.deepEqual(response, {
        ok: false,
        reason: 'unrenderable',
        message: 'it is 3 MB, and Bulletproof typesets a resume of up to 1 MB',
        findings: [],
      });
    });
    assert.equal(runs, 0);
    const atTheLimit = `basics:\n  name: ${'x'.repeat(MAX_RENDER_CHARS - 20)}\n`;
    const markup = await renderResume({ text: atTheLimit, settings: { theme: 'classic', paper: 'a4' }, output: 'typst', checks: false });
    assert.equal(markup.ok, true);
  });

  it('runs no text rule for a page it can make; a page it cannot make is told why by them', async () => {
    const text = readFileSync(join('examples', 'backend.resume.yaml'), 'utf8');
    assert.equal(await textRuleRuns(() => render(text)), 0);
    assert.equal(await textRuleRuns(() => render(text, { output: 'svg', checks: false })), 0);
    const refused = await textRuleRuns(() =>
      renderResume({ text: '- a\n- b\n', settings: { theme: 'classic', paper: 'a4' }, output: 'pdf', checks: true }),
    );
    assert.ok(refused > 0, `${refused} runs`);
  });

  it("says the page is Bulletproof's theme when a RenderCV file names a theme of RenderCV's", async () => {
    const text = readFileSync(join('examples', 'backend_CV.yaml'), 'utf8');
    const { notes } = await render(text, { fileName: 'backend_CV.yaml', settings: { theme: 'compact', paper: 'a4' } });
    assert.deepEqual(notes, [
      "The page is Bulletproof's compact theme, not RenderCV's `classic`: the page advice describes this page; RenderCV's own page may differ.",
    ]);
    assert.deepEqual((await render('basics:\n  name: Pat\n')).notes, []);
  });

  it('gives the markup without compiling when only markup is asked for', async () => {
    const { output, pages } = await render('basics:\n  name: Pat\n', { output: 'typst', checks: false });
    assert.equal(pages, 0);
    assert.match(output as string, /#text\(size: 22pt, weight: "bold"\)\[#"Pat";\]/);
  });

  for (const theme of ['classic', 'compact'] as const) {
    for (const name of EXAMPLES) {
      it(`prints ${name} in the ${theme} theme on one page, every bullet readable in order`, async () => {
        const text = readFileSync(join('examples', name), 'utf8');
        const { pages, facts } = await render(text, { settings: { theme, paper: 'a4' }, fileName: name });
        assert.equal(pages, 1);
        const printed = oneLine(facts!.text.join('\n'));
        const built = pageDocument(lintText(text, { fileName: name }).model);
        assert.ok(built.ok);
        let from = 0;
        for (const bullet of printedBullets(built.doc)) {
          const at = printed.indexOf(oneLine(plainText(bullet.spans)), from);
          assert.ok(at >= from, `${plainText(bullet.spans)} in order`);
          from = at;
        }
      });
    }
  }
});
