/**
 * Hostile documents sent to the bundled server over stdio, as an editor
 * would: an alias to no anchor, 10,000-deep nesting hidden behind an anchor
 * or a comment that looks like a block scalar header, 40,000 anchor/alias
 * pairs typed into, and documents of 6, 25 and 50 MB. Each gets the
 * diagnostics it should, and the server goes on answering: requests on the
 * same document, a keystroke in it, and a plain resume afterwards.
 *
 * Waits are bounded to catch a hang, many times what each takes on an idle
 * machine; how fast is `npm run bench`'s business.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DiagnosticSeverity,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FULL_CHECK_MAX_CHARS, MAX_DOCUMENT_CHARS } from '../../server/src/engine/limits';
import { peakRssMb } from '../hostile/processStats';
import { LspClient, type Publish } from '../support/lspClient';
import { HEAD } from '../hostile/inputs';

const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-hostile-documents')).href;
const uriOf = (name: string) => `${BASE}/${name}`;

/** A hang, not a slow answer: the slowest document here takes a few seconds on an idle machine. */
const HANG_MS = 60_000;
/** Peak resident memory the server may reach, on Linux where /proc tells it. */
const MEMORY_LIMIT_MB = 1024;

const BULLET = '      - Successfully cut p99 latency by 40%';

/** `lines` bullets of about 60 characters under {@link HEAD}. */
function bigResume(chars: number): string {
  const line = (i: number) => `      - Cut p99 latency of service ${i % 997} by ${(i % 89) + 10}% with a cache\n`;
  const head = `${HEAD.join('\n')}\n`;
  const parts = [head];
  let length = head.length;
  for (let i = 0; length <= chars; i++) {
    const next = line(i);
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}

function rangeOf(text: string, search: string): Range {
  const offset = text.indexOf(search);
  assert.notEqual(offset, -1, `\`${search}\` not found`);
  const document = TextDocument.create('file:///r.yaml', 'yaml', 1, text);
  return { start: document.positionAt(offset), end: document.positionAt(offset + search.length) };
}

const pos = (line: number, character: number): Position => ({ line, character });

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Code, severity, range and message: what a person sees of a diagnostic. */
function seen(diagnostic: Diagnostic): [string, DiagnosticSeverity | undefined, Range, string] {
  return [String(diagnostic.code), diagnostic.severity, diagnostic.range, messageOf(diagnostic)];
}

describe('hostile documents through the server', function () {
  this.timeout(4 * HANG_MS);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ settings: { bulletproof: {} }, timeoutMs: 10_000 });
  });
  after(async () => {
    if (!client) return;
    try {
      await client.shutdown();
    } finally {
      client.kill();
    }
  });

  async function open(name: string, text: string): Promise<Publish> {
    const uri = uriOf(name);
    await client.open(uri, text);
    return client.waitForDiagnostics(uri, { version: 1, timeoutMs: HANG_MS });
  }

  /** Hover, document symbols and completion on the document, each answered. */
  async function stillAnswers(name: string, at: Position): Promise<void> {
    const textDocument = { uri: uriOf(name) };
    await client.request(HoverRequest.type, { textDocument, position: at });
    const symbols = await client.request(DocumentSymbolRequest.type, { textDocument });
    assert.ok(Array.isArray(symbols), 'document symbols');
    await client.request(CompletionRequest.type, { textDocument, position: at });
  }

  it('an alias to no anchor: an error on the alias, and the rest of the resume is checked', async () => {
    const text = `basics:\n  name: *nobody\n${HEAD.slice(2).join('\n')}\n${BULLET}\n`;
    const published = await open('unknown-alias.resume.yaml', text);
    const syntax = published.diagnostics.filter((d) => d.code === 'yaml/syntax');
    assert.deepEqual(syntax.map(seen), [
      [
        'yaml/syntax',
        DiagnosticSeverity.Error,
        rangeOf(text, '*nobody'),
        '`*nobody` refers to no anchor: define `&nobody` earlier or write the value.',
      ],
    ]);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'yaml/limits'),
      [],
    );
    const filler = published.diagnostics.find((d) => d.code === 'filler');
    assert.deepEqual(filler?.range, rangeOf(text, 'Successfully'));
    await stillAnswers('unknown-alias.resume.yaml', pos(1, 9));
  });

  for (const [what, name, text] of [
    ['after an anchor', 'deep-anchor.resume.yaml', `basics:\n  name: Sam Lee\na: &x ${'['.repeat(10_000)}\n`],
    [
      'after a comment that looks like a block scalar header',
      'deep-comment.resume.yaml',
      `basics:\n  name: Sam Lee\nk: # |\n  ${'['.repeat(10_000)}\n`,
    ],
    ['after a tag, in a list', 'deep-tag.resume.yaml', `work:\n  - !t ${'{a: ['.repeat(5_000)}\n`],
  ] as const) {
    it(`10,000 levels of nesting ${what}: one note, no stack overflow, and a keystroke after it`, async () => {
      const published = await open(name, text);
      const firstLine = text.slice(0, text.indexOf('\n'));
      assert.deepEqual(published.diagnostics.map(seen), [
        [
          'yaml/limits',
          DiagnosticSeverity.Information,
          rangeOf(text, firstLine),
          'This file nests more than 100 levels deep, so it was not checked: a resume needs a handful.',
        ],
      ]);
      await client.change(uriOf(name), [{ range: { start: pos(0, 0), end: pos(0, 0) }, text: '# x\n' }]);
      const again = await client.waitForDiagnostics(uriOf(name), { version: 2, timeoutMs: HANG_MS });
      assert.deepEqual(
        again.diagnostics.map((d) => d.code),
        ['yaml/limits'],
      );
      await stillAnswers(name, pos(2, 3));
    });
  }

  it('40,000 anchor/alias pairs: checked in full, and keystrokes in a bullet and among the aliases each get diagnostics', async () => {
    const name = 'aliases.resume.yaml';
    const uri = uriOf(name);
    const pairs = Array.from({ length: 40_000 }, (_, i) => `&k${i} Go, *k${i}`).join(', ');
    const text = `${HEAD.join('\n')}\n${BULLET}\nskills:\n  - name: Backend\n    keywords: [${pairs}]\n`;
    const published = await open(name, text);
    assert.deepEqual(published.diagnostics.filter((d) => String(d.code).startsWith('yaml/')).map(seen), []);
    assert.ok(
      published.diagnostics.some((d) => d.code === 'filler'),
      'the bullets were checked',
    );

    // Typed into the bullet, one key at a time, then into the last alias's anchor.
    for (const [index, typed] of ['!', '!', '!'].entries()) {
      const at = client.document(uri).getText().indexOf('40%') + 3 + index;
      await client.change(uri, [
        { range: { start: client.document(uri).positionAt(at), end: client.document(uri).positionAt(at) }, text: typed },
      ]);
    }
    const afterBullet = await client.waitForDiagnostics(uri, { version: 4, timeoutMs: HANG_MS });
    assert.deepEqual(
      afterBullet.diagnostics.filter((d) => d.code === 'filler').map((d) => d.range),
      [rangeOf(client.document(uri).getText(), 'Successfully')],
    );
    await client.replace(uri, '&k39999 Go', '&k39999 Gox');
    const afterAlias = await client.waitForDiagnostics(uri, { version: 5, timeoutMs: HANG_MS });
    assert.deepEqual(
      afterAlias.diagnostics.filter((d) => String(d.code).startsWith('yaml/')),
      [],
    );
    await client.replace(uri, '*k39999]', '*k40000]');
    const unknown = await client.waitForDiagnostics(uri, { version: 6, timeoutMs: HANG_MS });
    assert.deepEqual(unknown.diagnostics.filter((d) => d.code === 'yaml/syntax').map(seen), [
      [
        'yaml/syntax',
        DiagnosticSeverity.Error,
        rangeOf(client.document(uri).getText(), '*k40000'),
        '`*k40000` refers to no anchor: define `&k40000` earlier or write the value.',
      ],
    ]);
    await stillAnswers(name, pos(1, 9));
    await client.close(uri);
  });

  it('a 6 MB document: one note and the syntax errors at its top, then a keystroke', async () => {
    const name = 'six-megabytes.resume.yaml';
    const text = bigResume(6 * 1024 * 1024).replace('  name: Sam Lee\n', '  name: Sam Lee\n  label: a: b\n');
    assert.ok(text.length > FULL_CHECK_MAX_CHARS && text.length < MAX_DOCUMENT_CHARS);
    const published = await open(name, text);
    assert.deepEqual(published.diagnostics.map(seen), [
      [
        'yaml/limits',
        DiagnosticSeverity.Information,
        rangeOf(text, 'basics:'),
        `This file has ${text.length.toLocaleString('en-US')} characters, over the 5 MB checked in full: only the YAML syntax of its first 1,000,000 characters is checked. A resume is a few KB.`,
      ],
      [
        'yaml/syntax',
        DiagnosticSeverity.Error,
        { start: pos(2, 9), end: pos(2, 10) },
        'Nested mappings are not allowed in compact mappings',
      ],
    ]);
    await client.replace(uriOf(name), 'a: b', 'a b');
    const fixed = await client.waitForDiagnostics(uriOf(name), { version: 2, timeoutMs: HANG_MS });
    assert.deepEqual(
      fixed.diagnostics.map((d) => d.code),
      ['yaml/limits'],
    );
    await stillAnswers(name, pos(1, 5));
    await client.close(uriOf(name));
  });

  for (const megabytes of [25, 50]) {
    it(`a ${megabytes} MB document: one finding that it is too large, the server answers, memory bounded`, async () => {
      const name = `${megabytes}-megabytes.resume.yaml`;
      const text = bigResume(megabytes * 1024 * 1024);
      assert.ok(text.length > MAX_DOCUMENT_CHARS);
      const published = await open(name, text);
      assert.deepEqual(published.diagnostics.map(seen), [
        [
          'yaml/limits',
          DiagnosticSeverity.Information,
          rangeOf(text, 'basics:'),
          `This file has ${text.length.toLocaleString('en-US')} characters, over the 20 MB Bulletproof reads, so it was not checked. A resume is a few KB.`,
        ],
      ]);
      await client.change(uriOf(name), [{ range: { start: pos(1, 2), end: pos(1, 2) }, text: 'x' }]);
      const again = await client.waitForDiagnostics(uriOf(name), { version: 2, timeoutMs: HANG_MS });
      assert.deepEqual(
        again.diagnostics.map((d) => d.code),
        ['yaml/limits'],
      );
      await stillAnswers(name, pos(1, 5));
      await client.close(uriOf(name));
      const peak = peakRssMb(client.pid);
      if (peak !== undefined) assert.ok(peak <= MEMORY_LIMIT_MB, `the server's peak RSS is ${peak} MB`);
    });
  }

  it('afterwards, a plain resume is checked as ever', async () => {
    const text = `${HEAD.join('\n')}\n${BULLET}\n`;
    const published = await open('after.resume.yaml', text);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'filler').map((d) => d.range),
      [rangeOf(text, 'Successfully')],
    );
  });
});
