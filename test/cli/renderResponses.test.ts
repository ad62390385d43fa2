/**
 * `bulletproof render` and `--render-checks` in-process, with a renderer
 * that answers what a test tells it: what the CLI asks for (settings, the
 * person's rule levels) and what it makes of every answer (written,
 * nothing to print, no compiler, a failure, a throw).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/engine/types';
import type { RenderRequest, RenderResponse } from '../../server/src/node/render/protocol';
import { addPageChecks, defaultOutput, renderMain, renderRequest } from '../../cli/src/render';
import type { Settings } from '../../server/src/engine/settings';
import { parseConfigText, resumeSetup } from '../../server/src/node/config';
import type { FileReport } from '../../cli/src/format';
import { tempDir } from './run';

const RESUME = 'basics:\n  name: Sam Lee\n  email: sam@example.com\nwork:\n  - name: Acme\n    highlights:\n      - Cut latency by 40%\n';
const PDF = Buffer.from('%PDF-1.7\n% a page\n');

function finding(ruleId: string, start: number, severity: Finding['severity'], message: string): Finding {
  return { ruleId, range: { start, end: start + 4 }, message, severity, fixes: [] };
}

interface Ran {
  code: number;
  out: string[];
  err: string[];
  raw: Uint8Array[];
  requests: RenderRequest[];
}

/** Runs `bulletproof render …` with a renderer that gives `answer` (or throws it). */
async function render(args: string[], answer: RenderResponse | Error): Promise<Ran> {
  const ran: Ran = { code: -1, out: [], err: [], raw: [], requests: [] };
  ran.code = await renderMain(args, {
    out: (text) => ran.out.push(text),
    err: (text) => ran.err.push(text),
    raw: (data) => ran.raw.push(data),
    render: (request) => {
      ran.requests.push(request);
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    },
  });
  return ran;
}

const written = (overrides: Partial<Extract<RenderResponse, { ok: true }>> = {}): RenderResponse => ({
  ok: true,
  output: PDF,
  pages: 2,
  findings: [],
  notes: [],
  ...overrides,
});

describe('CLI: render, answer by answer', () => {
  const home = process.cwd();
  let dir: string;
  let case_ = 0;

  beforeEach(() => {
    dir = path.join(tempDir('bulletproof-render-answers-'), `case${++case_}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'resume.yaml'), RESUME);
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(home);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  });

  it('written: the page findings as the checks print them, the notes, then "Wrote"; exit 0', async () => {
    const work = RESUME.indexOf('work:');
    const ran = await render(
      ['resume.yaml'],
      written({
        pages: 3,
        findings: [finding('page-count', work, 'warning', 'The resume prints on 3 pages; keep it to 2.')],
        notes: ["The page shows Bulletproof's classic theme."],
      }),
    );
    assert.equal(ran.code, 0, ran.err.join('\n'));
    assert.deepEqual(ran.out, [
      'resume.yaml:4:1 warning page-count The resume prints on 3 pages; keep it to 2.',
      "resume.yaml: The page shows Bulletproof's classic theme.",
      'Wrote resume.pdf (3 pages)',
    ]);
    assert.deepEqual(ran.err, []);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'resume.pdf')), PDF);
  });

  it('asks for the page with the flags, the text, its path and the checks on', async () => {
    const [first] = (await render(['resume.yaml'], written())).requests;
    const ran = await render(['--theme', 'compact', '--paper', 'a4', '--format', 'typst', 'resume.yaml'], written());
    assert.deepEqual(first!.settings, { theme: 'classic', paper: 'us-letter' });
    const request = ran.requests[0]!;
    assert.deepEqual(request.settings, { theme: 'compact', paper: 'a4' });
    assert.equal(request.output, 'typst');
    assert.equal(request.checks, true);
    assert.equal(request.text, RESUME);
    assert.equal(fs.realpathSync(request.fileName!), fs.realpathSync(path.join(dir, 'resume.yaml')));
    assert.equal(request.lint?.format, 'yaml');
  });

  it("the nearest .bulletproof.yaml's rule levels and role go with the request", async () => {
    fs.writeFileSync(path.join(dir, '.bulletproof.yaml'), 'role: general\nrules:\n  tense: off\n');
    const ran = await render(['resume.yaml'], written());
    assert.equal(ran.requests[0]!.lint?.role, 'general');
    assert.equal(ran.requests[0]!.lint?.rules?.tense, 'off');
  });

  it('render: in .bulletproof.yaml chooses the page; a flag wins over it', async () => {
    fs.writeFileSync(
      path.join(dir, '.bulletproof.yaml'),
      'render:\n  theme: compact\n  paper: a4\n  fontSize: 9\n  margin: 10mm\n  maxPages: 1\n',
    );
    const ran = await render(['resume.yaml'], written());
    assert.deepEqual(ran.err, []);
    assert.deepEqual(ran.requests[0]!.settings, { theme: 'compact', paper: 'a4', fontSize: 9, margin: '10mm' });
    assert.equal(ran.requests[0]!.lint?.maxPages, 1);
    const flagged = await render(['--force', '--theme', 'classic', 'resume.yaml'], written());
    assert.deepEqual(flagged.requests[0]!.settings, { theme: 'classic', paper: 'a4', fontSize: 9, margin: '10mm' });
  });

  it('--config names the config instead; a problem in it is said, the page is written, exit 2', async () => {
    fs.writeFileSync(path.join(dir, '.bulletproof.yaml'), 'role: general\n');
    fs.writeFileSync(path.join(dir, 'other.yaml'), 'role: backend\nrules:\n  tense: loud\n');
    const ran = await render(['--config', 'other.yaml', 'resume.yaml'], written());
    assert.equal(ran.requests[0]!.lint?.role, 'backend');
    assert.equal(ran.code, 2);
    assert.equal(ran.err.length, 1);
    assert.match(ran.err[0]!, /^bulletproof: other\.yaml:3:10: /);
    assert.ok(fs.existsSync(path.join(dir, 'resume.pdf')));
  });

  it("the config file's layout goes with the request: the nearest .bulletproof.yaml's, or --config's instead", async () => {
    fs.writeFileSync(path.join(dir, '.bulletproof.yaml'), 'layout: yamlresume\n');
    fs.writeFileSync(path.join(dir, 'other.yaml'), 'layout: rendercv\nrole: general\n');
    const nearest = await render(['resume.yaml'], written());
    assert.equal(nearest.requests[0]!.lint?.layout, 'yamlresume');
    assert.equal(nearest.requests[0]!.lint?.role, undefined);
    const named = await render(['--config', 'other.yaml', '--force', 'resume.yaml'], written());
    assert.deepEqual(named.err, []);
    assert.equal(named.requests[0]!.lint?.layout, 'rendercv');
    assert.equal(named.requests[0]!.lint?.role, 'general');
  });

  it('one page is "1 page"; markup is written as text', async () => {
    const ran = await render(['--format', 'typst', 'resume.yaml'], written({ output: '#set page(paper: "a4")\nSam Lee\n', pages: 1 }));
    assert.equal(ran.code, 0, ran.err.join('\n'));
    assert.deepEqual(ran.out, ['Wrote resume.typ (1 page)']);
    assert.equal(fs.readFileSync(path.join(dir, 'resume.typ'), 'utf8'), '#set page(paper: "a4")\nSam Lee\n');
  });

  it('-o -: the bytes on stdout as they are, what is said on stderr, no "Wrote"', async () => {
    const ran = await render(['-o', '-', 'resume.yaml'], written({ notes: ['A note.'] }));
    assert.equal(ran.code, 0, ran.err.join('\n'));
    assert.deepEqual(ran.raw, [PDF]);
    assert.deepEqual(ran.out, []);
    assert.deepEqual(ran.err, ['resume.yaml: A note.']);
    assert.deepEqual(fs.readdirSync(dir), ['resume.yaml']);
  });

  it('a page rule set to error: written, exit 1; --quiet shows the error only', async () => {
    const answer = written({
      findings: [finding('orphan-line', 40, 'warning', 'An orphan.'), finding('page-count', 30, 'error', 'Too long.')],
      notes: ['A note.'],
    });
    const ran = await render(['--quiet', 'resume.yaml'], answer);
    assert.equal(ran.code, 1);
    assert.deepEqual(ran.out, ['resume.yaml:3:7 error page-count Too long.']);
    assert.ok(fs.existsSync(path.join(dir, 'resume.pdf')));
  });

  it('unrenderable: the findings that say why, one line, exit 1, nothing written', async () => {
    const ran = await render(['resume.yaml'], {
      ok: false,
      reason: 'unrenderable',
      message: 'The YAML has syntax errors.',
      findings: [finding('yaml/syntax', 9, 'error', 'Missing closing ].')],
    });
    assert.equal(ran.code, 1);
    assert.deepEqual(ran.out, ['resume.yaml:2:2 error yaml/syntax Missing closing ].']);
    assert.deepEqual(ran.err, ['bulletproof: cannot render resume.yaml: The YAML has syntax errors; nothing was written.']);
    assert.deepEqual(fs.readdirSync(dir), ['resume.yaml']);
  });

  it('no compiler, a failed compile, a throw, no output: one line each, exit 2, nothing written', async () => {
    const cases: [RenderResponse | Error, string][] = [
      [
        { ok: false, reason: 'unavailable', message: 'Rendering needs the platform build of Bulletproof.', findings: [] },
        'bulletproof: cannot render resume.yaml: Rendering needs the platform build of Bulletproof.',
      ],
      [
        { ok: false, reason: 'failed', message: 'error: unknown variable: x\n  at template.typ:3:5', findings: [] },
        'bulletproof: cannot render resume.yaml: error: unknown variable: x.',
      ],
      [
        new Error('cannot load the compiler\n    at load (render.ts:1:1)'),
        'bulletproof: cannot render resume.yaml: cannot load the compiler.',
      ],
      [written({ output: undefined }), 'bulletproof: cannot render resume.yaml: the compiler gave no pdf output.'],
    ];
    for (const [answer, line] of cases) {
      const ran = await render(['resume.yaml'], answer);
      assert.equal(ran.code, 2, line);
      assert.deepEqual(ran.err, [line]);
      assert.deepEqual(ran.out, []);
      assert.deepEqual(fs.readdirSync(dir), ['resume.yaml']);
    }
  });

  it('defaultOutput: beside the input, its last extension for the format’s', () => {
    assert.equal(defaultOutput('resume.yaml', 'pdf'), 'resume.pdf');
    assert.equal(defaultOutput('cv/backend.resume.json', 'svg'), path.join('cv', 'backend.resume.svg'));
    assert.equal(defaultOutput('Sam_Lee_CV.yaml', 'typst'), 'Sam_Lee_CV.typ');
    assert.equal(defaultOutput('resume', 'pdf'), 'resume.pdf');
  });
});

describe('CLI: the render request', () => {
  const file = path.join(path.sep, 'cv', 'resume.yaml');
  /** The setup the CLI makes for `file`: the flags over a config file of `configText`. */
  const setup = (flags: Partial<Settings> = {}, configText = '', resumePath = file) =>
    resumeSetup(
      { resumePath },
      { flags, configFile: { path: '.bulletproof.yaml', settings: parseConfigText(configText).settings, problems: [], located: [] } },
    );

  it('--role and --layout (as --render-checks gives them) reach the page rules; unset, the engine decides', () => {
    const request = renderRequest(RESUME, file, setup({ role: 'general', layout: 'rendercv' }), {}, 'none');
    assert.equal(request.lint?.role, 'general');
    assert.equal(request.lint?.layout, 'rendercv');
    assert.equal(request.output, 'none');
    assert.equal(request.checks, true);
    const plain = renderRequest(RESUME, file, setup(), {}, 'none');
    assert.equal(plain.lint?.role, undefined);
    assert.equal(plain.lint?.layout, 'auto');
    assert.equal(plain.lint?.format, 'yaml');
  });

  it('the page flags win over render:, which wins over the defaults; maxPages and the levels go to the page rules', () => {
    const configured = setup(
      {},
      'rules:\n  orphan-line: off\nrender:\n  theme: compact\n  paper: a4\n  fontSize: 9\n  margin: 10mm\n  maxPages: 1\n',
    );
    const request = renderRequest(RESUME, file, configured, { paper: 'us-letter' }, 'pdf');
    assert.deepEqual(request.settings, { theme: 'compact', paper: 'us-letter', fontSize: 9, margin: '10mm' });
    assert.equal(request.lint?.maxPages, 1);
    assert.equal(request.lint?.rules?.['orphan-line'], 'off');
    assert.deepEqual(renderRequest(RESUME, file, setup(), {}, 'pdf').settings, { theme: 'classic', paper: 'us-letter' });
  });

  it('a file whose name tells no format: none is asked for, and the engine tells it from the text', () => {
    const unnamed = path.join(path.sep, 'cv', 'resume');
    const request = renderRequest('{"basics": {}}', unnamed, setup({}, '', unnamed), {}, 'none');
    assert.equal(request.lint?.format, undefined);
    assert.ok(!('format' in request.lint!));
  });
});

describe('CLI: --render-checks, answer by answer', () => {
  const report = (file: string, findings: Finding[], text = RESUME): FileReport => ({
    file,
    findings,
    document: TextDocument.create('', 'yaml', 0, text),
    // Only whether there is a result counts here: a file that is not text has none.
    result: {} as FileReport['result'],
  });
  const all = (findings: Finding[]) => findings;

  it('page findings join the text findings in text order; the notes are named by file', async () => {
    const text = finding('tense', 50, 'warning', 'Tense.');
    const reports = [report('/r/a.yaml', [text])];
    const err: string[] = [];
    const asked: RenderRequest[] = [];
    const checks = await addPageChecks(
      reports,
      (file, body) => ({ text: body, fileName: file, settings: { theme: 'classic', paper: 'us-letter' }, output: 'none', checks: true }),
      all,
      (file) => path.basename(file),
      (line) => err.push(line),
      (request) => {
        asked.push(request);
        return Promise.resolve(
          written({ output: undefined, findings: [finding('page-count', 10, 'warning', 'Long.')], notes: ['A note.'] }),
        );
      },
    );
    assert.deepEqual(
      reports[0]!.findings.map((f) => f.ruleId),
      ['page-count', 'tense'],
    );
    assert.deepEqual(checks, { failed: false, notes: ['a.yaml: A note.'] });
    assert.deepEqual(err, []);
    assert.equal(asked[0]!.text, RESUME);
    assert.equal(asked[0]!.output, 'none');
  });

  it('no compiler: said once on stderr, the text findings stand alone', async () => {
    const reports = [report('/r/a.yaml', []), report('/r/b.yaml', [])];
    const err: string[] = [];
    let asked = 0;
    const checks = await addPageChecks(
      reports,
      (file, text) => ({ text, fileName: file, settings: { theme: 'classic', paper: 'us-letter' }, output: 'none', checks: true }),
      all,
      (file) => path.basename(file),
      (line) => err.push(line),
      () => {
        asked++;
        return Promise.resolve({ ok: false, reason: 'unavailable', message: 'Rendering needs the platform build.', findings: [] });
      },
    );
    assert.equal(asked, 1);
    assert.deepEqual(err, ['bulletproof: no page checks: Rendering needs the platform build.']);
    assert.deepEqual(checks, { failed: false, notes: [] });
    assert.deepEqual(
      reports.map((r) => r.findings),
      [[], []],
    );
  });

  it('a failed render fails the run (exit 2); nothing to print is left to the text findings; --quiet filters', async () => {
    const reports = [report('/r/a.yaml', []), report('/r/b.yaml', []), report('/r/c.yaml', [])];
    const err: string[] = [];
    const answers: RenderResponse[] = [
      { ok: false, reason: 'failed', message: 'boom', findings: [] },
      { ok: false, reason: 'unrenderable', message: 'Broken.', findings: [finding('yaml/syntax', 0, 'error', 'Broken.')] },
      written({ findings: [finding('orphan-line', 5, 'warning', 'Orphan.'), finding('page-count', 9, 'error', 'Long.')] }),
    ];
    const checks = await addPageChecks(
      reports,
      (file, text) => ({ text, fileName: file, settings: { theme: 'classic', paper: 'us-letter' }, output: 'none', checks: true }),
      (findings) => findings.filter((f) => f.severity === 'error'),
      (file) => path.basename(file),
      (line) => err.push(line),
      () => Promise.resolve(answers.shift()!),
    );
    assert.equal(checks.failed, true);
    assert.deepEqual(err, ['bulletproof: cannot render a.yaml for the page checks: boom.']);
    assert.deepEqual(
      reports.map((r) => r.findings.map((f) => f.ruleId)),
      [[], [], ['page-count']],
    );
  });
});
