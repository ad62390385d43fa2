/**
 * The server's preview (server/src/lsp/preview.ts) with a stand-in render
 * service answered by hand: messages grouped per printed bullet, one render
 * at a time with the newest text next, stale answers dropped, page findings
 * arriving later as new marks on the same page, a build with no compiler
 * said once.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { groupMessages, previewMarks, Previews, type PreviewHost } from '../../server/src/lsp/preview';
import { lint } from '../../server/src/linter';
import { DEFAULT_SETTINGS } from '../../server/src/node/config';
import type { Finding } from '../../server/src/engine/types';
import type { PrintedBullet } from '../../server/src/engine/page/types';
import type { RenderRequest, RenderResponse } from '../../server/src/node/render/protocol';
import type { PreviewUpdate } from '../../server/src/protocol';

const URI = 'file:///r/dana.resume.yaml';
const TEXT = [
  'basics:',
  '  name: Dana Lee',
  'work:',
  '  - name: Acme',
  '    position: Engineer',
  '    startDate: 2020-01',
  '    highlights:',
  '      - Responsible for the payments API',
  '      - Cut p99 latency from 900 ms to 120 ms',
  '',
].join('\n');

const finding = (ruleId: string, start: number, end: number, severity: Finding['severity'], message: string): Finding => ({
  ruleId,
  range: { start, end },
  severity,
  message,
  fixes: [],
});

const printedAt = (id: string, y: number): PrintedBullet => ({
  id,
  first: { page: 1, x: 100, y },
  last: { page: 1, x: 200, y },
  singleLine: true,
  lastLineWords: 3,
});

describe('preview marks and messages', () => {
  it('groups the messages by severity, then file order, each rule’s same words once', () => {
    const messages = groupMessages([
      finding('quantify', 10, 20, 'warning', 'No number.'),
      finding('filler', 5, 9, 'info', 'Vague.'),
      finding('weak-opening', 2, 4, 'warning', 'Weak.'),
      finding('quantify', 12, 20, 'warning', 'No number.'),
      finding('placeholder', 30, 31, 'error', 'A placeholder.'),
    ]);
    assert.deepEqual(messages, [
      { ruleId: 'placeholder', severity: 'error', message: 'A placeholder.' },
      { ruleId: 'weak-opening', severity: 'warning', message: 'Weak.' },
      { ruleId: 'quantify', severity: 'warning', message: 'No number.' },
      { ruleId: 'filler', severity: 'info', message: 'Vague.' },
    ]);
  });

  it('ties each printed bullet to its range and the findings inside it; a bullet the text does not have is left out', () => {
    const { model } = lint(TEXT, { format: 'yaml' });
    const document = TextDocument.create(URI, 'yaml', 1, TEXT);
    const responsible = TEXT.indexOf('Responsible');
    const inside = finding('weak-opening', responsible, responsible + 15, 'warning', 'Weak opening.');
    const across = finding('section', responsible - 20, responsible + 5, 'warning', 'Spans the bullet’s start.');
    const marks = previewMarks(
      [printedAt('work[0].highlights[0]', 200), printedAt('work[0].highlights[1]', 212), printedAt('work[9].highlights[0]', 224)],
      model.bullets,
      [across, inside],
      (offset) => document.positionAt(offset),
    );
    assert.deepEqual(
      marks.map(({ mark }) => ({ id: mark.id, range: mark.range, messages: mark.messages.map((message) => message.message) })),
      [
        {
          id: 'work[0].highlights[0]',
          range: { start: { line: 7, character: 8 }, end: { line: 7, character: 40 } },
          messages: ['Weak opening.'],
        },
        { id: 'work[0].highlights[1]', range: { start: { line: 8, character: 8 }, end: { line: 8, character: 45 } }, messages: [] },
      ],
    );
    assert.deepEqual(marks[0]?.findings, [inside]);
  });
});

/** A render service whose answers the test gives, in order. */
class HandService {
  readonly asked: { request: RenderRequest; answer: (response: RenderResponse) => void }[] = [];
  render(request: RenderRequest): Promise<RenderResponse> {
    return new Promise((resolve) => this.asked.push({ request, answer: resolve }));
  }
}

const page = (printed: PrintedBullet[] = []): RenderResponse => ({
  ok: true,
  output: '<svg/>',
  pages: 1,
  findings: [],
  printed,
  notes: [],
});
const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('previews in the server', () => {
  let document: TextDocument;
  let service: HandService;
  let sent: PreviewUpdate[];
  let pageFindings: Finding[];
  let logged: string[];
  let previews: Previews;

  function host(): PreviewHost {
    const results = new Map<number, ReturnType<typeof lint>>();
    return {
      service,
      document: (uri) => (uri === URI ? document : undefined),
      checked: (_uri, version) => {
        if (version !== document.version) return undefined;
        let result = results.get(version);
        if (!result) {
          result = lint(document.getText(), { format: 'yaml' });
          results.set(version, result);
        }
        return { result, settings: DEFAULT_SETTINGS };
      },
      pageFindings: () => pageFindings,
      send: (update) => sent.push(update),
      log: (line) => logged.push(line),
      delayMs: 0,
    };
  }

  function edit(from: string, to: string): void {
    const text = document.getText().replace(from, to);
    document = TextDocument.create(URI, 'yaml', document.version + 1, text);
    previews.published(URI);
  }

  beforeEach(() => {
    document = TextDocument.create(URI, 'yaml', 1, TEXT);
    service = new HandService();
    sent = [];
    logged = [];
    pageFindings = [];
    previews = new Previews(host());
  });
  afterEach(() => previews.dispose());

  it('refuses a document the server does not have open', () => {
    assert.deepEqual(previews.open({ uri: 'file:///elsewhere.yaml' }), {
      ok: false,
      message: 'Open the resume in an editor first: the preview follows its text.',
    });
  });

  it('renders one version at a time, the newest next, skipping the ones between', async () => {
    assert.deepEqual(previews.open({ uri: URI, settings: { theme: 'compact' } }), { ok: true });
    await tick();
    assert.equal(service.asked.length, 1);
    assert.equal(service.asked[0]?.request.output, 'svg');
    assert.equal(service.asked[0]?.request.checks, false);
    assert.deepEqual(service.asked[0]?.request.settings, { theme: 'compact', paper: 'us-letter' });

    edit('Dana Lee', 'Dana M. Lee');
    edit('Dana M. Lee', 'Dana M. Q. Lee');
    await tick();
    assert.equal(service.asked.length, 1, 'no second render while one is on its way');

    service.asked[0]?.answer(page([printedAt('work[0].highlights[0]', 200)]));
    await tick();
    assert.deepEqual(
      sent.map((update) => update.version),
      [1],
    );
    assert.equal(service.asked.length, 2, 'then the newest text');
    assert.match(service.asked[1]?.request.text ?? '', /Dana M\. Q\. Lee/);
    service.asked[1]?.answer(page());
    await tick();
    assert.deepEqual(
      sent.map((update) => update.version),
      [1, 3],
    );
    const first = sent[0];
    assert.ok(first && 'marks' in first);
    assert.deepEqual(first.settings, { theme: 'compact', paper: 'us-letter' });
    assert.deepEqual(
      first.marks.map((mark) => [mark.id, mark.messages.map((message) => message.ruleId)]),
      [['work[0].highlights[0]', ['weak-opening', 'quantify']]],
    );
  });

  it('sends new marks on the same page when page findings come in, and the whole-page ones as notes', async () => {
    previews.open({ uri: URI });
    await tick();
    service.asked[0]?.answer(page([printedAt('work[0].highlights[1]', 212)]));
    await tick();
    const cut = TEXT.indexOf('Cut p99');
    pageFindings = [
      finding('orphan-line', cut, cut + 10, 'info', 'Its last line holds one word.'),
      finding('page-count', 0, 7, 'warning', '3 pages: keep it to 2.'),
    ];
    previews.published(URI);
    await tick();
    assert.equal(service.asked.length, 1, 'no render for the same text and settings');
    const update = sent[1];
    assert.ok(update && 'marks' in update);
    assert.equal(update.svg, undefined, 'the page stays');
    assert.deepEqual(update.marks[0]?.messages, [{ ruleId: 'orphan-line', severity: 'info', message: 'Its last line holds one word.' }]);
    assert.deepEqual(update.notes, ['3 pages: keep it to 2.']);
    previews.published(URI);
    await tick();
    assert.equal(sent.length, 2, 'the same findings again send nothing');
  });

  it('says why there is no page for a syntax error, once per version', async () => {
    previews.open({ uri: URI });
    await tick();
    service.asked[0]?.answer({
      ok: false,
      reason: 'unrenderable',
      message: 'the file has syntax errors: fix them and render again',
      findings: [finding('syntax', TEXT.indexOf('work:'), TEXT.indexOf('work:') + 5, 'error', 'Unexpected token.')],
    });
    await tick();
    assert.deepEqual(sent, [
      {
        uri: URI,
        version: 1,
        error: 'The resume cannot be typeset: the file has syntax errors: fix them and render again. Line 3: Unexpected token.',
        reason: 'unrenderable',
      },
    ]);
    previews.published(URI);
    await tick();
    assert.equal(service.asked.length, 1, 'the same version is not typeset again');
  });

  it('says once that this build cannot typeset, and asks the renderer no more', async () => {
    previews.open({ uri: URI });
    await tick();
    service.asked[0]?.answer({ ok: false, reason: 'unavailable', message: 'no compiler for linux-x64', findings: [] });
    await tick();
    edit('Dana Lee', 'Dana M. Lee');
    await tick();
    assert.equal(service.asked.length, 1);
    assert.deepEqual(
      sent.map((update) => ('error' in update ? [update.version, update.reason] : [])),
      [[1, 'unavailable']],
    );
    const [first] = sent;
    assert.ok(first && 'error' in first);
    assert.match(
      first.error,
      /^The preview needs the build of Bulletproof for this platform \(\w+-\w+\): this one checks resumes but cannot typeset them\. Details are in the Bulletproof output\.$/,
    );
    assert.deepEqual(logged, ['The preview cannot typeset in this build: no compiler for linux-x64']);
  });

  it('drops what a closed preview was waiting for', async () => {
    previews.open({ uri: URI });
    await tick();
    previews.close(URI);
    service.asked[0]?.answer(page());
    await tick();
    assert.deepEqual(sent, []);
  });
});
