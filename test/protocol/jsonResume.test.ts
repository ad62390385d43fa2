/**
 * A JSON resume over LSP, as VS Code sends it (language `json`): diagnostics,
 * completion written as JSON, hover, outline, folding, CodeLens, the report
 * and the posting match, at exact positions. And every other JSON file
 * (`package.json`, `tsconfig.json`, any `data.json`) gets nothing at all.
 * One server for the file; every wait has a timeout, nothing sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  CodeLensRequest,
  CompletionItemKind,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CompletionItem,
  type DocumentSymbol,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, REPO_ROOT } from '../support/lspClient';
import { engineReport, expectedDiagnostics, requestReport, startInRepository, stop } from './helpers';

const BACKEND = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'backend.resume.json'), 'utf8');
const BASE = pathToFileURL(path.join(os.tmpdir(), 'bulletproof-json-protocol')).href;
const uriOf = (name: string) => `${BASE}/${name}`;
const doc = (text: string) => TextDocument.create('file:///r.json', 'json', 1, text);

/** The range of the `occurrence`-th `search` in `text`. */
function rangeOf(text: string, search: string, occurrence = 0): Range {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(search, offset + 1);
    assert.notEqual(offset, -1, `\`${search}\` not found`);
  }
  return { start: doc(text).positionAt(offset), end: doc(text).positionAt(offset + search.length) };
}

const lineWith = (text: string, search: string, occurrence = 0) => rangeOf(text, search, occurrence).start.line;

describe('a JSON resume over stdio', function () {
  this.timeout(30_000);
  let client: LspClient;
  before(async () => {
    client = await startInRepository();
  });
  after(() => stop(client));

  const items = async (uri: string, position: Position): Promise<CompletionItem[]> => {
    const result = await client.request(CompletionRequest.type, { textDocument: { uri }, position });
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  };

  describe('other JSON files', () => {
    const others: [string, string][] = [
      ['package.json', '{\n  "name": "app",\n  "version": "1.0.0",\n  "work": [{"name": 1}],\n}\n'],
      [
        'tsconfig.json',
        '{\n  // comments are fine here\n  "compilerOptions": {"strict": true,},\n  "basics": {"email": "not an email"}\n}\n',
      ],
      ['data.json', '{"basics": {"name": "Sam"}, "work": [{"startDate": "September 2018", "highlights": ["Improved the API"]}]}\n'],
    ];

    it('get nothing: no diagnostics, completion, hover, outline, folding, CodeLens or report', async () => {
      for (const [name, text] of others) await client.open(uriOf(name), text, 'json');
      // A resume opened after them is checked after them: once its publish arrives, theirs have too.
      const barrier = uriOf('barrier.resume.json');
      await client.open(barrier, '{"basics": {"name": "Sam"}}\n', 'json');
      await client.waitForDiagnostics(barrier, { version: 1 });
      for (const [name, text] of others) {
        const uri = uriOf(name);
        const textDocument = { uri };
        const inside = doc(text).positionAt(text.indexOf('"name"') + 2);
        assert.deepEqual(
          client.publishes.filter((publish) => publish.uri === uri).flatMap((publish) => publish.diagnostics),
          [],
          name,
        );
        assert.deepEqual(await items(uri, inside), [], `${name}: completion`);
        assert.equal(await client.request(HoverRequest.type, { textDocument, position: inside }), null, `${name}: hover`);
        assert.deepEqual(await client.request(DocumentSymbolRequest.type, { textDocument }), [], `${name}: outline`);
        assert.deepEqual(await client.request(FoldingRangeRequest.type, { textDocument }), [], `${name}: folding`);
        assert.deepEqual(await client.request(CodeLensRequest.type, { textDocument }), [], `${name}: CodeLens`);
        assert.equal(await requestReport(client, uri), null, `${name}: report`);
        await client.close(uri);
      }
      await client.close(barrier);
    });

    it('a JSON file whose `$schema` names JSON Resume, or whose `meta` has `bulletproof`, is checked whatever its name', async () => {
      const marked: [string, string][] = [
        [
          'notes.json',
          '{\n  "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",\n  "basics": {"nmae": "Sam"}\n}\n',
        ],
        ['mine.json', '{\n  "meta": {"bulletproof": true},\n  "basics": {"nmae": "Sam"}\n}\n'],
      ];
      for (const [name, text] of marked) {
        const uri = uriOf(name);
        await client.open(uri, text, 'json');
        const published = await client.waitForDiagnostics(uri, { version: 1 });
        assert.deepEqual(published.diagnostics, expectedDiagnostics(text, { format: 'json' }));
        assert.deepEqual(
          published.diagnostics.filter((d) => d.code === 'schema/unknown-key').map((d) => d.range),
          [rangeOf(text, '"nmae"')],
        );
        await client.close(uri);
      }
    });
  });

  describe('examples/backend.resume.json', () => {
    const uri = uriOf('backend.resume.json');
    before(() => client.open(uri, BACKEND, 'json'));
    after(() => client.close(uri));

    it('publishes what the engine finds', async () => {
      const published = await client.waitForDiagnostics(uri, { version: 1 });
      assert.deepEqual(published.diagnostics, expectedDiagnostics(BACKEND, { format: 'json' }));
    });

    it('hover: a key, quotes included, and a bullet', async () => {
      const key = rangeOf(BACKEND, '"highlights"');
      const hover = await client.request(HoverRequest.type, {
        textDocument: { uri },
        position: { line: key.start.line, character: key.start.character + 3 },
      });
      assert.deepEqual(hover?.range, key);
      assert.match(JSON.stringify(hover?.contents), /`work\[0\]\.highlights`/);
      const bullet = rangeOf(BACKEND, '"Designed a payments API handling 4M requests/day at 99.98% availability"');
      const onBullet = await client.request(HoverRequest.type, {
        textDocument: { uri },
        position: { line: bullet.start.line, character: bullet.start.character + 5 },
      });
      assert.deepEqual(onBullet?.range, bullet);
      assert.match(JSON.stringify(onBullet?.contents), /Numbers in this bullet/);
    });

    it('outline: each section from its key to its closing bracket, entries named as in YAML', async () => {
      const symbols = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['Basics', 'Work', 'Education', 'Skills', 'Projects', 'Languages'],
      );
      const work = symbols[1];
      assert.ok(work);
      assert.deepEqual(work.selectionRange, rangeOf(BACKEND, '"work"'));
      // From its key to just after its `]`, on the line before `"education"`.
      assert.deepEqual(work.range, {
        start: rangeOf(BACKEND, '"work"').start,
        end: { line: lineWith(BACKEND, '"education"') - 1, character: 3 },
      });
      assert.deepEqual(
        work.children?.map((child) => [child.name, child.range.start.line]),
        [
          ['Fintech Co — Senior Backend Engineer', lineWith(BACKEND, '"name": "Fintech Co"') - 1],
          ['Logistics Inc — Backend Engineer', lineWith(BACKEND, '"name": "Logistics Inc"') - 1],
        ],
      );
    });

    it('folding: each object and list from its key to the line before its closing bracket, one per line', async () => {
      const folds = (await client.request(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
      const starts = folds.map((fold) => fold.startLine);
      assert.deepEqual(starts, [...new Set(starts)]);
      const work = folds.find((fold) => fold.startLine === lineWith(BACKEND, '"work"'));
      assert.deepEqual(work && [work.startLine, work.endLine], [lineWith(BACKEND, '"work"'), lineWith(BACKEND, '"education"') - 2]);
      const highlights = folds.find((fold) => fold.startLine === lineWith(BACKEND, '"highlights"'));
      assert.deepEqual(highlights && [highlights.startLine, highlights.endLine], [
        lineWith(BACKEND, '"highlights"'),
        lineWith(BACKEND, '"Added tracing and SLO alerts'),
      ]);
    });

    it('CodeLens at each role’s line, and the engine’s report', async () => {
      const lenses = (await client.request(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
      assert.deepEqual(
        lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
        [
          [lineWith(BACKEND, '"name": "Fintech Co"') - 1, '5/5 quantified'],
          [lineWith(BACKEND, '"name": "Logistics Inc"') - 1, '4/4 quantified'],
          [lineWith(BACKEND, '"name": "ledger-lite"') - 1, '1/1 quantified'],
        ],
      );
      const result = await requestReport(client, uri);
      assert.ok(result);
      assert.deepEqual(result.report, engineReport(BACKEND));
      assert.deepEqual(result.report.bullets, { total: 10, quantified: 10 });
    });
  });

  it('matches a JSON resume against the posting its meta names, as the engine does', async () => {
    // The YAML fixture as JSON, opened where it would be saved: `./job.md` is beside it.
    const yamlPath = path.join(REPO_ROOT, 'test', 'fixtures', 'report', 'posting.resume.yaml');
    const jsonPath = yamlPath.replace(/\.yaml$/, '.json');
    const text = `${JSON.stringify(parseYaml(fs.readFileSync(yamlPath, 'utf8')), null, 2)}\n`;
    const uri = pathToFileURL(jsonPath).href;
    await client.open(uri, text, 'json');
    const result = await requestReport(client, uri);
    assert.ok(result);
    assert.deepEqual(result.report, engineReport(text, jsonPath));
    assert.equal(result.report.posting?.posting, './job.md');
    assert.deepEqual([result.report.posting?.coverage.matched, result.report.posting?.coverage.total], [6, 10]);
    await client.close(uri);
  });

  describe('completion writes JSON', () => {
    async function complete(source: string): Promise<{ items: CompletionItem[]; text: string; offset: number }> {
      const offset = source.indexOf('|');
      const text = source.slice(0, offset) + source.slice(offset + 1);
      const uri = uriOf('complete.resume.json');
      await client.open(uri, text, 'json');
      const found = await items(uri, doc(text).positionAt(offset));
      await client.close(uri);
      return { items: found, text, offset };
    }
    const edit = (item: CompletionItem | undefined) => (item?.textEdit && 'range' in item.textEdit ? item.textEdit : undefined);

    it('a key on an empty line of a work entry: quoted, with a colon, a typed empty value, and a comma before the next key', async () => {
      const {
        items: found,
        text,
        offset,
      } = await complete(
        '{\n  "basics": {"name": "Sam"},\n  "work": [\n    {\n      "name": "Acme",\n      |\n      "summary": "Payments"\n    }\n  ]\n}\n',
      );
      const keys = found.filter((item) => item.kind === CompletionItemKind.Property).map((item) => item.label);
      assert.ok(!keys.includes('name') && !keys.includes('summary') && keys.includes('highlights'), keys.join(', '));
      assert.equal(found.filter((item) => item.kind === CompletionItemKind.Snippet).length, 0, 'YAML templates in JSON');
      const at = doc(text).positionAt(offset);
      assert.deepEqual(edit(found.find((item) => item.label === 'highlights')), {
        range: { start: at, end: at },
        newText: '"highlights": [$0],',
      });
      assert.deepEqual(edit(found.find((item) => item.label === 'position')), {
        range: { start: at, end: at },
        newText: '"position": "$0",',
      });
    });

    it('a quoted key being typed is replaced whole, quotes included, with no comma before a closing brace', async () => {
      const { items: found, text } = await complete('{\n  "work": [\n    {\n      "name": "Acme",\n      "hi|"\n    }\n  ]\n}\n');
      const highlights = found.find((item) => item.label === 'highlights');
      assert.deepEqual(edit(highlights), { range: rangeOf(text, '"hi"'), newText: '"highlights": [$0]' });
      assert.equal(highlights?.filterText, '"highlights"');
    });

    it('a value from the schema examples, as a JSON string replacing the one being typed', async () => {
      const { items: found, text } = await complete('{"languages": [{"language": "Dutch", "fluency": "Fl|"}]}\n');
      const fluent = found.find((item) => item.label === 'Fluent');
      assert.equal(fluent?.kind, CompletionItemKind.Value);
      assert.deepEqual(edit(fluent), { range: rangeOf(text, '"Fl"'), newText: '"Fluent"' });
    });

    it('nothing right after a value, where a comma or a bracket belongs', async () => {
      const { items: found } = await complete('{"basics": {"name": "Sam" |}}\n');
      assert.deepEqual(found, []);
    });
  });
});
