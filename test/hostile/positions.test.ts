/**
 * Position correctness: diagnostics and quick-fix edits land on the right
 * characters when lines end in CRLF and hold tabs, emoji (two UTF-16 code
 * units each), combining marks (a code unit of their own) and CJK text, one
 * of them outside the BMP. Every expected position below is counted by hand
 * in UTF-16 code units, as LSP and the CLI's columns count; a count in code
 * points or in graphemes would put each one off by one or two.
 *
 * Checked through the bundled server (LSP positions, code action edits) and
 * the built CLI (`--format json` columns, `--fix` output), for LF and CRLF.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JsonFinding } from '../../cli/src/format';
import {
  CodeActionRequest,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, REPO_ROOT } from '../support/lspClient';

const COMBINING_ACUTE = '\u0301';
/** U+2070E, a CJK ideograph outside the BMP: two code units. */
const ASTRAL_CJK = '\u{2070E}';

/** The resume, line by line (0-based line numbers in the comments). */
const LINES = [
  '# bulletproof', // 0
  'basics:', // 1
  `  name: Zoe${COMBINING_ACUTE} Lee`, // 2
  '  email: zoe@example.com', // 3
  '  label:\tBackend\tEngineer', // 4
  `  summary: 工程师 🚀 with ${ASTRAL_CJK} data`, // 5
  'work:', // 6
  '  - company:\tAcme 🚀', // 7
  '    position: Backend Engineer', // 8
  '    startDate:\tSeptember 2019', // 9
  '    endDate: Present', // 10
  '    highlights:', // 11
  '      - 🚀 Shipped a very fast cache that cut p99 latency by 40% for 2M users', // 12
  `      - Rene${COMBINING_ACUTE} and I successfully migrated 12 services to Kubernetes, saving $40k a year`, // 13
  `      - 工程师 cut costs by 30% with ${ASTRAL_CJK} tooling and various scripts because the old stack leaked memory`, // 14
] as const;

interface Expected {
  code: string;
  /** A piece of the message, to tell two findings of one rule apart. */
  says: string;
  /** 0-based line, and start and end character in UTF-16 code units. */
  line: number;
  from: number;
  to: number;
  fix?: { title: string; range: Range; newText: string };
}

const r = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

const EXPECTED: Expected[] = [
  // `  - ` is 4 units; `company` 7.
  {
    code: 'schema/unknown-key',
    says: 'company',
    line: 7,
    from: 4,
    to: 11,
    fix: { title: 'Rename to `name`', range: r(7, 4, 7, 11), newText: 'name' },
  },
  // `    startDate:` is 14 units, the tab 1: the value starts at 15 and is 14 long.
  {
    code: 'schema/invalid-date',
    says: 'September 2019',
    line: 9,
    from: 15,
    to: 29,
    fix: { title: 'Change to `2019-09`', range: r(9, 15, 9, 29), newText: '2019-09' },
  },
  // `    endDate: ` is 13 units; the fix removes the whole line, its line break included.
  {
    code: 'schema/invalid-date',
    says: 'Present',
    line: 10,
    from: 13,
    to: 20,
    fix: { title: 'Remove `endDate` (a current role has none)', range: r(10, 0, 11, 0), newText: '' },
  },
  // `      - ` 8, the rocket 2, a space: `Shipped` at 11..18, ` a ` to 21, `very` 21..25.
  // The fix rewrites the whole bullet, 8..77 (8 + 69 units of text).
  {
    code: 'filler',
    says: '`very`',
    line: 12,
    from: 21,
    to: 25,
    fix: { title: 'Remove `very`', range: r(12, 8, 12, 77), newText: '🚀 Shipped a fast cache that cut p99 latency by 40% for 2M users' },
  },
  // `Rene` + U+0301 is 5 units (8..13), ` and ` to 18: `I` is 18..19, `successfully` 20..32; the bullet ends at 87.
  { code: 'first-person', says: '`I`', line: 13, from: 18, to: 19 },
  {
    code: 'filler',
    says: '`successfully`',
    line: 13,
    from: 20,
    to: 32,
    fix: {
      title: 'Remove `successfully`',
      range: r(13, 8, 13, 87),
      newText: `Rene${COMBINING_ACUTE} and I migrated 12 services to Kubernetes, saving $40k a year`,
    },
  },
  // 8 + `工程师` 3 + ` cut costs by 30% with ` 23 = 34, the astral ideograph 2 = 36, ` tooling and ` 13 = 49: `various` 49..56; the bullet ends at 100.
  {
    code: 'filler',
    says: '`various`',
    line: 14,
    from: 49,
    to: 56,
    fix: {
      title: 'Remove `various`',
      range: r(14, 8, 14, 100),
      newText: `工程师 cut costs by 30% with ${ASTRAL_CJK} tooling and scripts because the old stack leaked memory`,
    },
  },
];

/** What `--fix` must leave: the fixes applied (the old key renamed), the suggestions (removing words) not, nothing else touched. */
const FIXED_LINES = [...LINES.slice(0, 7), LINES[7].replace('company', 'name'), LINES[8], '    startDate:\t2019-09', ...LINES.slice(11)];

/** YAML syntax errors after an emoji, and a tab used as indentation. */
const SYNTAX_LINES = [
  'basics:', // 0
  '  summary: "🚀 x" y', // 1: `  summary: ` 11, the quoted scalar 6 (the rocket is 2): `y` at 18..19
  '  name: 🚀 Sam', // 2
  '\tlabel: x', // 3: the tab itself, 0..1
] as const;
const SYNTAX_EXPECTED: Expected[] = [
  { code: 'yaml/syntax', says: 'Unexpected scalar', line: 1, from: 18, to: 19 },
  { code: 'yaml/syntax', says: 'Tabs', line: 3, from: 0, to: 1 },
];

const VARIANTS = [
  { name: 'LF', eol: '\n' },
  { name: 'CRLF', eol: '\r\n' },
] as const;

const textOf = (lines: readonly string[], eol: string) => lines.map((line) => line + eol).join('');

/** A row of {@link EXPECTED}. */
function expectedAt(index: number): Expected {
  const expected = EXPECTED[index];
  assert.ok(expected, `no EXPECTED[${index}]`);
  return expected;
}

function find(diagnostics: Diagnostic[], expected: Expected): Diagnostic {
  const found = diagnostics.find(
    (d) => d.code === expected.code && (typeof d.message === 'string' ? d.message : d.message.value).includes(expected.says),
  );
  assert.ok(
    found,
    `no ${expected.code} diagnostic about ${expected.says}; got ${diagnostics.map((d) => `${String(d.code)} ${JSON.stringify(d.range)}`).join(', ')}`,
  );
  return found;
}

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const change of action.edit?.documentChanges ?? []) {
    if (!TextDocumentEdit.is(change) || change.textDocument.uri !== uri) continue;
    for (const edit of change.edits) if ('newText' in edit) edits.push({ range: edit.range, newText: edit.newText });
  }
  edits.push(...(action.edit?.changes?.[uri] ?? []));
  return edits;
}

/** Every line break in the text is `eol`: no CR or LF on its own. */
function assertLineEndings(text: string, eol: string, what: string): void {
  const stray = eol === '\r\n' ? /\r(?!\n)|(?<!\r)\n/ : /\r/;
  assert.doesNotMatch(text, stray, `${what} mixes line endings`);
}

describe('positions with CRLF, tabs, emoji, combining marks and CJK', function () {
  this.timeout(30_000);

  it('the hand-counted offsets agree with the text (a typo in this test would show here)', () => {
    const at = (line: number, from: number, to: number) => LINES[line]?.slice(from, to);
    assert.equal(at(7, 4, 11), 'company');
    assert.equal(at(9, 15, 29), 'September 2019');
    assert.equal(at(10, 13, 20), 'Present');
    assert.equal(at(12, 21, 25), 'very');
    assert.equal(LINES[12].length, 77);
    assert.equal(at(13, 18, 19), 'I');
    assert.equal(at(13, 20, 32), 'successfully');
    assert.equal(LINES[13].length, 87);
    assert.equal(at(14, 49, 56), 'various');
    assert.equal(LINES[14].length, 100);
    assert.equal(SYNTAX_LINES[1].slice(18, 19), 'y');
  });

  describe('through the server (LSP positions and code action edits)', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ settings: { bulletproof: {} } });
    });
    after(async () => {
      try {
        await client?.shutdown();
      } finally {
        client?.kill();
      }
    });

    for (const variant of VARIANTS) {
      it(`${variant.name}: each diagnostic on its characters, each fix editing exactly its range`, async () => {
        const uri = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-positions')).href}/${variant.name}.resume.yaml`;
        const text = textOf(LINES, variant.eol);
        await client.open(uri, text);
        const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
        const document = client.document(uri);
        for (const expected of EXPECTED) {
          const diagnostic = find(diagnostics, expected);
          assert.deepEqual(
            diagnostic.range,
            r(expected.line, expected.from, expected.line, expected.to),
            `${expected.code} ${expected.says}`,
          );
          if (!expected.fix) continue;
          const actions = await client.request(CodeActionRequest.type, {
            textDocument: { uri },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
          });
          const action = (actions ?? []).find((a): a is CodeAction => 'edit' in a && a.title === expected.fix?.title);
          assert.ok(action, `no "${expected.fix.title}" action; got ${(actions ?? []).map((a) => a.title).join(', ')}`);
          const edits = editsOf(action, uri);
          assert.deepEqual(edits, [{ range: expected.fix.range, newText: expected.fix.newText }], expected.fix.title);
          // Applied as an editor would: only the intended characters change, line endings stay as they were.
          const fixed = TextDocument.applyEdits(document, edits);
          assertLineEndings(fixed, variant.eol, expected.fix.title);
          const before = document.getText().split(variant.eol);
          const after = fixed.split(variant.eol);
          const { line } = expected.fix.range.start;
          if (expected.fix.range.end.line === line) {
            assert.deepEqual(after.slice(0, line), before.slice(0, line));
            const original = before[line];
            assert.ok(original !== undefined, `no line ${line}`);
            assert.equal(
              after[line],
              original.slice(0, expected.fix.range.start.character) +
                expected.fix.newText +
                original.slice(expected.fix.range.end.character),
            );
            assert.deepEqual(after.slice(line + 1), before.slice(line + 1));
          } else {
            assert.deepEqual(after, [...before.slice(0, line), ...before.slice(expected.fix.range.end.line)]);
          }
        }
        await client.close(uri);
      });

      it(`${variant.name}: syntax errors after an emoji and at a tab, on their characters`, async () => {
        const uri = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-positions')).href}/syntax-${variant.name}.resume.yaml`;
        await client.open(uri, textOf(SYNTAX_LINES, variant.eol));
        const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
        for (const expected of SYNTAX_EXPECTED) {
          assert.deepEqual(find(diagnostics, expected).range, r(expected.line, expected.from, expected.line, expected.to), expected.says);
        }
        await client.close(uri);
      });

      it(`${variant.name}: "disable for this line" inserts a comment line above, at the bullet text's column, with the file's line break`, async () => {
        const uri = `${pathToFileURL(path.join(os.tmpdir(), 'bulletproof-positions')).href}/disable-${variant.name}.resume.yaml`;
        await client.open(uri, textOf(LINES, variant.eol));
        const { diagnostics } = await client.waitForDiagnostics(uri, { version: 1 });
        const very = find(diagnostics, expectedAt(3));
        const actions =
          (await client.request(CodeActionRequest.type, { textDocument: { uri }, range: very.range, context: { diagnostics: [very] } })) ??
          [];
        const disable = actions.find((a): a is CodeAction => 'edit' in a && a.title === 'Disable `filler` for this line');
        assert.ok(disable, `no disable action; got ${actions.map((a) => a.title).join(', ')}`);
        const edits = editsOf(disable, uri);
        assert.deepEqual(edits, [{ range: r(12, 0, 12, 0), newText: `        # bulletproof-disable-next-line filler${variant.eol}` }]);
        // Typed into the editor: the finding is gone, the ones below moved down a line and kept their characters.
        const [edit] = edits;
        assert.ok(edit);
        const { range, newText } = edit;
        const version = await client.change(uri, [{ range, text: newText }]);
        const after = await client.waitForDiagnostics(uri, { version });
        assertLineEndings(client.document(uri).getText(), variant.eol, 'the document after the edit');
        assert.equal(
          after.diagnostics.filter((d) => d.code === 'filler' && d.range.start.line === 13).length,
          0,
          'the `very` finding is still there',
        );
        const successfully = find(after.diagnostics, expectedAt(5));
        assert.deepEqual(successfully.range, r(14, 20, 14, 32));
        await client.close(uri);
      });
    }
  });

  describe('through the CLI (--format json columns, --fix output)', () => {
    const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
    let dir: string;
    before(() => {
      assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-positions-'));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    for (const variant of VARIANTS) {
      it(`${variant.name}: 1-based lines and UTF-16 columns`, () => {
        const file = path.join(dir, `${variant.name}.resume.yaml`);
        fs.writeFileSync(file, textOf(LINES, variant.eol));
        const run = spawnSync(process.execPath, [CLI, '--format', 'json', file], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.equal(run.status, 1, run.stderr);
        const findings = JSON.parse(run.stdout) as JsonFinding[];
        for (const expected of EXPECTED) {
          const finding = findings.find((f) => f.code === expected.code && f.message.includes(expected.says));
          assert.ok(finding, `no ${expected.code} about ${expected.says}`);
          assert.deepEqual(
            { line: finding.line, column: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
            { line: expected.line + 1, column: expected.from + 1, endLine: expected.line + 1, endColumn: expected.to + 1 },
            `${expected.code} ${expected.says}`,
          );
        }
      });

      it(`${variant.name}: syntax errors' columns`, () => {
        const file = path.join(dir, `syntax-${variant.name}.resume.yaml`);
        fs.writeFileSync(file, textOf(SYNTAX_LINES, variant.eol));
        const run = spawnSync(process.execPath, [CLI, '--format', 'json', file], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.equal(run.status, 1, run.stderr);
        const findings = JSON.parse(run.stdout) as JsonFinding[];
        for (const expected of SYNTAX_EXPECTED) {
          const finding = findings.find((f) => f.code === expected.code && f.message.includes(expected.says));
          assert.ok(finding, `no ${expected.code} about ${expected.says}`);
          assert.deepEqual(
            [finding.line, finding.column, finding.endLine, finding.endColumn],
            [expected.line + 1, expected.from + 1, expected.line + 1, expected.to + 1],
          );
        }
      });

      it(`${variant.name}: --fix changes exactly the safe fixes' characters and keeps the line endings`, () => {
        const file = path.join(dir, `fix-${variant.name}.resume.yaml`);
        fs.writeFileSync(file, textOf(LINES, variant.eol));
        const run = spawnSync(process.execPath, [CLI, '--fix', file], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
        assert.equal(fs.readFileSync(file, 'utf8'), textOf(FIXED_LINES, variant.eol));
      });
    }
  });
});
