/**
 * Reading the cursor's place in a JSON resume from the lint's model instead
 * of from the file's start: at every offset of whole resumes, broken ones
 * and resumes with one character changed, it is exactly what
 * jsonc-parser's `getLocation` says, and completion gives the same items
 * with the model as without it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLocation } from 'jsonc-parser';
import { parseResume } from '../../server/src/engine/document';
import { jsonCompletionsAt } from '../../server/src/engine/features/jsonCompletion';
import { jsonLocationAt, type JsonCursor } from '../../server/src/engine/features/jsonLocation';
import type { ResumeModel } from '../../server/src/engine/model';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** `getLocation`'s answer in the shape compared. */
function expected(text: string, offset: number): JsonCursor {
  const location = getLocation(text, offset);
  const typed = location.previousNode;
  return {
    path: location.path,
    previousNode: typed && { type: typed.type, offset: typed.offset, length: typed.length },
    isAtPropertyKey: location.isAtPropertyKey,
  };
}

const modelOf = (text: string): ResumeModel => parseResume(text, { format: 'json' });

/** The offsets where the answers differ, with both answers: none expected. */
function differences(text: string, offsets: Iterable<number>): string[] {
  const root = modelOf(text).document?.contents ?? null;
  const found: string[] = [];
  for (const offset of offsets) {
    const mine = jsonLocationAt(text, offset, root);
    const theirs = expected(text, offset);
    try {
      assert.deepEqual(mine, theirs);
    } catch {
      found.push(
        `at ${offset} (${JSON.stringify(text.slice(Math.max(0, offset - 12), offset))}|): ${JSON.stringify(mine)} ≠ ${JSON.stringify(theirs)}`,
      );
    }
    if (found.length > 5) break;
  }
  return found;
}

const everyOffset = (text: string) => Array.from({ length: text.length + 1 }, (_, offset) => offset);

/** Texts a person has half typed, and the irregular ones the reading must not be misled by. */
const BROKEN = [
  '{"work": [{"name": "Acme", "highlights": ["Built", "Ran" ]}, {"name": "Initech", "position": "Eng"}], "skills": []}',
  '{"work": [{}, {"name": "A"}, {}, ], "a": 1}',
  '{"work": [{"name": "A", }, {"b": 1}, 3, "x", {"c": {}}], "projects": [[1, 2], [3, {"d": 4}], 5]}',
  '{"a": [1,, 2, {"b": 3}], "c": {"d": 1 "e": 2, , "f": [ , {}]}}',
  '{"basics": {"name": "Sam", "label": }, "work": [{"name": "A" "position": "B"}]}',
  '{"work": [{"name": "A"}, {"name": "B", "highlights": ["one", "two"',
  '{"work": [{"name": "A"}, {"name": "B"}',
  '{"a" "b", "c": [1 2 3], "d": {"e" : , "f": true}, "g": null}',
  '\uFEFF{"basics": {"name": "Sam"}, "work": [{"name": "A"}]}',
  '{"a": 1, /* a comment, with commas */ "b": [1, // and, another\n 2, {"c": 3}], "d": 4}',
  '{"a": [{"x": 1}, [ {"y": 2}, {} ], {"z": 3}, [], 4], "b": {"c": [[], [{}], {"d": []}]}}',
  '[{"a": 1}, {}, [1, {}], 2, {"b": 2}]',
  '{"a": {"b": {"c": [1, 2, {"d": "e\\"f", "g": "h,i]"}]}}, "j": "k"}',
  '{"a": 1,\n  "b": 2,\n  "c": [\n    {"d": 1},\n    {"e": 2}\n  ]\n}\n\n',
  '  {"a": tru, "b": [nul, 1e, -], "c": "unterminated',
  '{"work": [{"name": "A", "highlights": ["x"]}], "work": [{"name": "B"}]}',
  '{}',
  '[]',
  '"just a string"',
  '{"a": [1, 2]} trailing',
];

describe('JSON: the cursor read from the lint’s model', () => {
  it('broken and irregular texts: at every offset, `getLocation`’s answer', () => {
    for (const text of BROKEN) assert.deepEqual(differences(text, everyOffset(text)), [], text);
  });

  it('whole resumes: at every offset, `getLocation`’s answer', function () {
    this.timeout(60_000);
    for (const file of ['examples/backend.resume.json', 'test/fixtures/jsonresume-complete.json']) {
      const text = read(file);
      assert.deepEqual(differences(text, everyOffset(text)), [], file);
    }
  });

  it('a resume with one character deleted, doubled or replaced by a bracket, a comma, a quote: the same', function () {
    this.timeout(60_000);
    const { work } = JSON.parse(read('examples/backend.resume.json')) as { work: unknown[] };
    const base = JSON.stringify(work.slice(0, 2), null, 1).slice(0, 700);
    const text = `{"work": ${base}`;
    for (let at = 0; at < text.length; at += 37) {
      for (const insert of ['', text.charAt(at), '{', '}', '[', ']', ',', '"', ':']) {
        const changed = text.slice(0, at) + insert + text.slice(at + 1);
        assert.deepEqual(differences(changed, everyOffset(changed)), [], JSON.stringify(changed));
      }
    }
  });

  it('completion: the same items with the model as without, at every offset', function () {
    this.timeout(60_000);
    for (const text of [read('examples/backend.resume.json'), ...BROKEN]) {
      const model = modelOf(text);
      for (const offset of everyOffset(text)) {
        assert.deepEqual(
          jsonCompletionsAt(text, offset, 'json-resume', model),
          jsonCompletionsAt(text, offset),
          `at ${offset} of ${text.slice(0, 40)}`,
        );
      }
    }
  });

  it('a model of another text, or of a file too large or deep to read: not used, or no completion as without it', () => {
    const text = '{"basics": {"name": "Sam", }}';
    const offset = text.indexOf('}');
    const keys = jsonCompletionsAt(text, offset).map((entry) => entry.label);
    assert.ok(keys.includes('label') && !keys.includes('name'), keys.join());
    // The model of an older version: the text's own reading is used.
    assert.deepEqual(
      jsonCompletionsAt(text, offset, 'json-resume', modelOf('{"basics": {"label": "x", "name": "Sam", }}')).map((entry) => entry.label),
      keys,
    );
    const deep = `{"work": ${'['.repeat(200)}${']'.repeat(200)}, "basics": {}}`;
    assert.equal(modelOf(deep).checked, 'nothing');
    assert.deepEqual(jsonCompletionsAt(deep, deep.indexOf('{}') + 1, 'json-resume', modelOf(deep)), []);
    assert.deepEqual(jsonCompletionsAt(deep, deep.indexOf('{}') + 1), []);
  });
});
