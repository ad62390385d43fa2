/**
 * JSON Resume's templates in a resume kept as JSON, where the cursor is `|`:
 * each one written as JSON in the file's own indentation, placed where a
 * value may go; accepted (every tab stop at its default), the file still
 * parses as JSON and has one more entry, bullet or section.
 */
import * as assert from 'node:assert/strict';
import { jsonCompletionsAt } from '../../server/src/engine/features/jsonCompletion';
import { snippetsFor } from '../../server/src/engine/snippets';
import type { CompletionEntry } from '../../server/src/engine/features/completion';
import { lintText } from '../helpers';
import { first } from '../support/lists';
import { acceptSnippet } from '../support/snippetText';

function at(source: string): { text: string; offset: number; templates: CompletionEntry[] } {
  const offset = source.indexOf('|');
  assert.notEqual(offset, -1, 'put a | where the cursor is');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, offset, templates: jsonCompletionsAt(text, offset).filter((entry) => entry.kind === 'snippet') };
}

/** The text once `label` is accepted with its defaults; asserts it parses as JSON. */
function accept(source: string, label: string): { text: string; value: unknown } {
  const { text, templates } = at(source);
  const entry = templates.find((candidate) => candidate.label === label);
  assert.ok(entry, `no ${label} template in ${JSON.stringify(source)}`);
  const accepted = text.slice(0, entry.replace.start) + acceptSnippet(entry.insertText) + text.slice(entry.replace.end);
  return { text: accepted, value: JSON.parse(accepted) as unknown };
}

type Resume = { work: { name: string; highlights?: string[] }[]; projects?: { name: string }[]; skills?: { name: string }[] };

const WORK_JSON = [
  '{',
  '      "name": "${1:‹company›}",',
  '      "position": "${2:Backend Engineer}",',
  '      "startDate": "${3:‹YYYY-MM›}",',
  '      "highlights": [',
  '        "Designed ${4:‹system›} handling ${5:‹N›} requests/day at ${6:‹N›}% availability",',
  '        "Cut p99 latency of ${7:‹endpoint›} from ${8:‹before›} ms to ${9:‹after›} ms by ${10:‹how›}",',
  '        "Made ${11:‹operation›} safe to retry with idempotency keys, ending ${12:‹N›} duplicate ${13:‹records›} a month"',
  '      ]',
  '    \\}',
].join('\n');

describe('templates in a JSON resume', () => {
  it('a work entry on its own line in `"work": [ … ]`: a JSON object at the item’s indentation, then a comma before the next item', () => {
    const { templates, offset } = at('{\n  "work": [\n    |\n    {"name": "Initech"}\n  ]\n}\n');
    assert.deepEqual(templates, [
      {
        label: 'work',
        kind: 'snippet',
        detail: 'Work entry',
        documentation: first(snippetsFor('work')).description,
        filterText: 'work job role',
        insertText: `${WORK_JSON},$0`,
        replace: { start: offset, end: offset },
        sortText: ' 000',
      },
    ]);
    const { value } = accept('{\n  "work": [\n    |\n    {"name": "Initech"}\n  ]\n}\n', 'work');
    assert.deepEqual(
      (value as Resume).work.map((entry) => [entry.name, entry.highlights?.length]),
      [
        ['‹company›', 3],
        ['Initech', undefined],
      ],
    );
  });

  it('right after `[`: the entry on lines of its own, the `]` back on its line; the result lints with no schema finding', () => {
    const source = '{\n  "basics": {"name": "Sam"},\n  "work": [|]\n}\n';
    const { templates } = at(source);
    assert.equal(first(templates).insertText, `\n    ${WORK_JSON}\n  $0`);
    const { text } = accept(source, 'work');
    assert.ok(text.includes('  "work": [\n    {\n      "name": "‹company›",\n'), text);
    assert.ok(text.endsWith('    }\n  ]\n}\n'), text);
    const structural = lintText(text, { format: 'json' }).findings.filter(
      (f) => f.ruleId.startsWith('schema/') || f.ruleId.startsWith('json/'),
    );
    assert.deepEqual(structural, []);
  });

  it('a project entry after a comma in `"projects"`, in a file indented with tabs', () => {
    const source = '{\n\t"projects": [\n\t\t{"name": "lite"},\n\t\t|\n\t]\n}\n';
    const { templates } = at(source);
    assert.deepEqual(
      templates.map((entry) => entry.label),
      ['project'],
    );
    assert.ok(
      first(templates).insertText.startsWith('{\n\t\t\t"name": "${1:‹project›}",\n\t\t\t"description": '),
      first(templates).insertText,
    );
    const { value } = accept(source, 'project');
    assert.deepEqual(
      (value as Resume).projects?.map((entry) => entry.name),
      ['lite', '‹project›'],
    );
  });

  it('a bullet in `"highlights": [ … ]`: a JSON string, with a comma when an item follows; a string begun is replaced', () => {
    const source = '{"work": [{"name": "Acme", "highlights": [\n  |\n  "Built the API"\n]}]}';
    const { templates, offset } = at(source);
    assert.deepEqual(
      templates.map((entry) => entry.label),
      snippetsFor('highlights').map((snippet) => snippet.prefix[0]),
    );
    const latency = templates.find((entry) => entry.label === 'latency');
    assert.deepEqual(
      [latency?.insertText, latency?.replace],
      ['"Cut p99 latency of ${1:‹endpoint›} from ${2:‹before›} ms to ${3:‹after›} ms by ${4:‹how›}",$0', { start: offset, end: offset }],
    );
    assert.deepEqual(first((accept(source, 'latency').value as Resume).work).highlights, [
      'Cut p99 latency of ‹endpoint› from ‹before› ms to ‹after› ms by ‹how›',
      'Built the API',
    ]);
    const typed = at('{"work": [{"name": "Acme", "highlights": ["Built the API", "lat|"]}]}');
    const begun = typed.templates.find((entry) => entry.label === 'latency');
    assert.deepEqual(begun?.replace, { start: typed.text.indexOf('"lat"'), end: typed.text.indexOf('"lat"') + 5 });
    assert.equal(begun?.filterText, '"latency p99');
    // Every bullet, the architecture one's choice included, reads as one JSON string.
    for (const entry of templates) {
      const text = source.slice(0, offset) + acceptSnippet(entry.insertText) + source.slice(offset + 1);
      assert.equal(first((JSON.parse(text) as Resume).work).highlights?.length, 2, entry.label);
    }
  });

  it('the `skills` section at a key of the root while the resume has none; the skeleton in an empty file', () => {
    const { value } = accept('{\n  "basics": {"name": "Sam"},\n  |\n  "work": []\n}\n', 'skills (template)');
    assert.deepEqual(
      (value as Resume).skills?.map((group) => group.name),
      ['Languages', 'Data', 'Architecture', 'Reliability', 'Cloud'],
    );
    assert.deepEqual(at('{\n  "skills": [],\n  |\n}\n').templates, []);
    const skeleton = accept('|', 'resume');
    assert.deepEqual(Object.keys(skeleton.value as object), ['basics', 'work', 'education', 'skills', 'projects']);
    assert.ok(skeleton.text.startsWith('{\n  "basics": {\n    "name": "‹your name›",'), skeleton.text);
  });

  it('nothing where no item or key may go: after an item without its comma, inside an entry, in other lists', () => {
    for (const source of [
      '{\n  "work": [\n    {"name": "Initech"}\n    |\n  ]\n}\n',
      '{"work": [{"name": "Acme", |}]}',
      '{"skills": [|]}',
      '{"work": [{"name": "Acme", "highlights": ["Built the | API"]}]}',
      '{"work": [{"name": "Acme", "highlights": ["lat|]}]}',
    ]) {
      assert.deepEqual(
        at(source).templates.map((entry) => entry.label),
        [],
        source,
      );
    }
  });

  it('a JSON file read as another layout gets none of JSON Resume’s completion', () => {
    assert.deepEqual(jsonCompletionsAt('{"work": []}', 10, 'rendercv'), []);
  });
});
