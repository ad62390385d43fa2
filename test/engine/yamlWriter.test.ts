/**
 * The YAML writer on its own: each change kind, given by path, as the exact
 * edits it makes on small YAML and JSON files, and `undefined` where it
 * cannot write cleanly (the fix is then dropped).
 */
import * as assert from 'node:assert/strict';
import { parseResume } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/fixes';
import { writeFixes, type ResumeChange } from '../../server/src/engine/fixIntent';
import { yamlWriter } from '../../server/src/engine/yamlWriter';
import type { TextEdit } from '../../server/src/engine/types';

function editsOf(text: string, change: ResumeChange): TextEdit[] | undefined {
  return yamlWriter.edits(parseResume(text), change);
}

/** The text after the change's edits; fails when the writer gives none. */
function written(text: string, change: ResumeChange): string {
  const edits = editsOf(text, change);
  assert.ok(edits, `no edits for ${JSON.stringify(change)}`);
  return applyEdits(text, edits);
}

/** The range of the `nth` occurrence of `needle`. */
function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

const JOB = 'work:\n  - name: Acme\n    highlights:\n      - Built the API\n      - "Ran the on-call"\n';
const JSON_JOB = '{\n  "work": [\n    {\n      "name": "Acme",\n      "highlights": ["Built the API"]\n    }\n  ]\n}\n';

describe('the YAML writer', () => {
  describe('setText', () => {
    it('writes the whole value in its own style, plain or double-quoted, with no snippet flag for plain text', () => {
      const plain = { kind: 'setText', path: 'work[0].highlights[0]', parts: ['Led the API'] } as const;
      assert.deepEqual(editsOf(JOB, plain), [{ range: at(JOB, 'Built the API'), newText: 'Led the API' }]);
      const quoted = { kind: 'setText', path: 'work[0].highlights[1]', parts: ['Ran it: daily'] } as const;
      assert.deepEqual(editsOf(JOB, quoted), [{ range: at(JOB, '"Ran the on-call"'), newText: '"Ran it: daily"' }]);
    });

    it('turns placeholders into tab stops and flags the edit as a snippet', () => {
      const change = {
        kind: 'setText',
        path: 'work[0].highlights[0]',
        parts: ['Built the API for ', { placeholder: '‹N›' }, ' teams'],
      } as const;
      assert.deepEqual(editsOf(JOB, change), [
        { range: at(JOB, 'Built the API'), newText: 'Built the API for ${1:‹N›} teams', snippet: true },
      ]);
    });

    it('writes a JSON string in a JSON file', () => {
      const change = { kind: 'setText', path: 'work[0].name', parts: ['Acme: Payments'] } as const;
      assert.deepEqual(editsOf(JSON_JOB, change), [{ range: at(JSON_JOB, '"Acme"'), newText: '"Acme: Payments"' }]);
    });

    it('writes at the anchor for an alias, and gives up under a tag other than !!str', () => {
      const anchored = 'basics:\n  name: &who Ada\n  label: *who\n';
      assert.deepEqual(editsOf(anchored, { kind: 'setText', path: 'basics.label', parts: ['Grace'] }), [
        { range: at(anchored, 'Ada'), newText: 'Grace' },
      ]);
      const tagged = 'basics:\n  phone: !!int 5551234\n';
      assert.equal(editsOf(tagged, { kind: 'setText', path: 'basics.phone', parts: ['5551234'] }), undefined);
      assert.equal(editsOf(tagged, { kind: 'setText', path: 'basics.email', parts: ['a@b.c'] }), undefined);
    });
  });

  describe('editText', () => {
    it('changes only the letters that change when it can', () => {
      const text = 'work:\n  - summary: Manage the team and build tools\n';
      const change: ResumeChange = {
        kind: 'editText',
        path: 'work[0].summary',
        spans: [
          { start: 20, end: 25, text: 'built' },
          { start: 0, end: 6, text: 'Managed' },
        ],
      };
      assert.equal(written(text, change), 'work:\n  - summary: Managed the team and built tools\n');
      const one: ResumeChange = { kind: 'editText', path: 'work[0].summary', spans: [{ start: 0, end: 6, text: 'Managed' }] };
      assert.deepEqual(editsOf(text, one), [{ range: { start: 25, end: 25 }, newText: 'd', snippet: false }]);
    });

    it('rewrites the whole JSON string when the change is more than letters', () => {
      const change: ResumeChange = { kind: 'editText', path: 'work[0].highlights[0]', spans: [{ start: 10, end: 13, text: 'API, v2' }] };
      assert.deepEqual(editsOf(JSON_JOB, change), [
        { range: at(JSON_JOB, '"Built the API"'), newText: '"Built the API, v2"', snippet: false },
      ]);
    });
  });

  describe('renameKey', () => {
    it('keeps YAML quoting and always quotes in JSON', () => {
      const yaml = "work:\n  - 'company': Acme\n";
      assert.deepEqual(editsOf(yaml, { kind: 'renameKey', path: 'work[0].company', name: 'name' }), [
        { range: at(yaml, "'company'"), newText: "'name'" },
      ]);
      const json = '{"work": [{"company": "Acme"}]}';
      assert.deepEqual(editsOf(json, { kind: 'renameKey', path: 'work[0].company', name: 'name' }), [
        { range: at(json, '"company"'), newText: '"name"' },
      ]);
      assert.equal(editsOf(json, { kind: 'renameKey', path: 'work[0]', name: 'name' }), undefined);
    });
  });

  describe('removeKey', () => {
    it('removes a block pair with its line, and a JSON pair with one comma', () => {
      const yaml = 'work:\n  - name: Acme\n    endDate: Present\n    position: Dev\n';
      assert.equal(written(yaml, { kind: 'removeKey', path: 'work[0].endDate' }), 'work:\n  - name: Acme\n    position: Dev\n');
      const json = '{"work": [{"name": "Acme", "endDate": "Present"}]}';
      assert.deepEqual(editsOf(json, { kind: 'removeKey', path: 'work[0].endDate' }), [
        { range: at(json, ', "endDate": "Present"'), newText: '' },
      ]);
    });
  });

  describe('appendItem', () => {
    it('adds a string to a block list, and to a JSON list', () => {
      const yaml = 'skills:\n  - name: Data\n    keywords:\n      - Redis\n';
      assert.equal(
        written(yaml, { kind: 'appendItem', path: 'skills[0].keywords', item: 'Kafka' }),
        'skills:\n  - name: Data\n    keywords:\n      - Redis\n      - Kafka\n',
      );
      const json = '{"skills": [{"name": "Data", "keywords": ["Redis"]}]}';
      assert.equal(
        written(json, { kind: 'appendItem', path: 'skills[0].keywords', item: 'Kafka' }),
        '{"skills": [{"name": "Data", "keywords": ["Redis", "Kafka"]}]}',
      );
    });

    it('creates a missing list with its one item, as a new key of the mapping', () => {
      const yaml = 'skills:\n  - name: Data\n';
      assert.equal(
        written(yaml, { kind: 'appendItem', path: 'skills[0].keywords', item: 'Kafka' }),
        'skills:\n  - name: Data\n    keywords: [Kafka]\n',
      );
    });

    it('adds a mapping laid out like the other items, or creates the list', () => {
      const yaml = 'skills:\n  - name: Data\n    keywords:\n      - Redis\n';
      assert.equal(
        written(yaml, { kind: 'appendItem', path: 'skills', item: { name: 'Cloud', keywords: ['AWS'] } }),
        'skills:\n  - name: Data\n    keywords:\n      - Redis\n  - name: Cloud\n    keywords:\n      - AWS\n',
      );
      const none = 'basics:\n  name: Ada\n';
      assert.equal(
        written(none, { kind: 'appendItem', path: 'skills', item: { name: 'Cloud', keywords: ['AWS'] } }),
        'basics:\n  name: Ada\nskills:\n  - name: Cloud\n    keywords: [AWS]\n',
      );
      const json = '{"skills": null}';
      assert.equal(
        written(json, { kind: 'appendItem', path: 'skills', item: { name: 'Cloud', keywords: ['AWS'] } }),
        '{"skills": [{"name": "Cloud", "keywords": ["AWS"]}]}',
      );
    });

    it('writes nothing into a key that holds something else, or after a syntax error', () => {
      assert.equal(
        editsOf('skills: Redis\n', { kind: 'appendItem', path: 'skills', item: { name: 'Data', keywords: ['Kafka'] } }),
        undefined,
      );
      const broken = 'skills:\n  - name: Data\n    keywords: [Redis\nbasics: {\n';
      assert.equal(editsOf(broken, { kind: 'appendItem', path: 'skills[0].keywords', item: 'Kafka' }), undefined);
    });
  });

  describe('appendTemplate', () => {
    it('adds a snippet item styled like the last one, in a block list and in a JSON list', () => {
      const change: ResumeChange = {
        kind: 'appendTemplate',
        path: 'work[0].highlights',
        parts: ['Cut p95 to ', { placeholder: '‹N›' }, ' ms'],
      };
      assert.deepEqual(editsOf(JOB, change), [
        { range: { start: JOB.length - 1, end: JOB.length - 1 }, newText: '\n      - "Cut p95 to ${1:‹N›} ms"', snippet: true },
      ]);
      const end = at(JSON_JOB, '"Built the API"').end;
      assert.deepEqual(editsOf(JSON_JOB, change), [{ range: { start: end, end }, newText: ', "Cut p95 to ${1:‹N›} ms"', snippet: true }]);
    });
  });

  describe('moveItem', () => {
    it('moves a one-line block item with its line, and rotates flow items in place', () => {
      const yaml = 'skills:\n  - name: Languages\n    keywords:\n      - Java\n      - Go # main\n';
      assert.equal(
        written(yaml, { kind: 'moveItem', path: 'skills[0].keywords', from: 1, to: 0 }),
        'skills:\n  - name: Languages\n    keywords:\n      - Go # main\n      - Java\n',
      );
      const json = '{"skills": [{"name": "Languages", "keywords": ["Java", "Go"]}]}';
      assert.equal(
        written(json, { kind: 'moveItem', path: 'skills[0].keywords', from: 1, to: 0 }),
        '{"skills": [{"name": "Languages", "keywords": ["Go", "Java"]}]}',
      );
      assert.equal(editsOf(json, { kind: 'moveItem', path: 'skills[0].name', from: 1, to: 0 }), undefined);
    });
  });

  describe('setList', () => {
    it('writes the list afresh in block style, or as JSON in a JSON file', () => {
      const yaml = 'skills:\n  - name: Stuff\n    keywords: [Go, Redis]\n';
      const items = [
        { name: 'Languages', keywords: ['Go'] },
        { name: 'Data', keywords: ['Redis'] },
      ];
      assert.equal(
        written(yaml, { kind: 'setList', path: 'skills', items }),
        'skills:\n  - name: Languages\n    keywords: [Go]\n  - name: Data\n    keywords: [Redis]\n',
      );
      const json = '{\n  "skills": [{"name": "Stuff", "keywords": ["Go", "Redis"]}]\n}';
      assert.equal(
        written(json, { kind: 'setList', path: 'skills', items: [{ name: 'Languages', keywords: ['Go'] }] }),
        '{\n  "skills": [\n    {\n      "name": "Languages",\n      "keywords": [\n        "Go"\n      ]\n    }\n  ]\n}',
      );
    });

    it('gives up when a comment inside the list would be lost', () => {
      const yaml = 'skills:\n  # mine\n  - name: Stuff\n    keywords: [Go]\n';
      const commented = 'skills:\n  - name: Stuff # mine\n    keywords: [Go]\n';
      const change: ResumeChange = { kind: 'setList', path: 'skills', items: [{ name: 'Languages', keywords: ['Go'] }] };
      assert.ok(editsOf(yaml, change));
      assert.equal(editsOf(commented, change), undefined);
    });
  });

  describe('writeFixes', () => {
    it('keeps title and flags as given, and drops a fix with a change it cannot write', () => {
      const model = parseResume(JOB);
      const fixes = writeFixes(
        model,
        [
          { title: 'Rewrite', changes: [{ kind: 'setText', path: 'work[0].highlights[0]', parts: ['Led it'] }] },
          { title: 'Safe', safe: true, isPreferred: true, changes: [{ kind: 'setText', path: 'work[0].name', parts: ['Acme Inc'] }] },
          {
            title: 'Half',
            changes: [
              { kind: 'setText', path: 'work[0].name', parts: ['X'] },
              { kind: 'removeKey', path: 'work[9].endDate' },
            ],
          },
        ],
        yamlWriter,
      );
      assert.deepEqual(fixes, [
        { title: 'Rewrite', edits: [{ range: at(JOB, 'Built the API'), newText: 'Led it' }] },
        { title: 'Safe', safe: true, isPreferred: true, edits: [{ range: at(JOB, 'Acme'), newText: 'Acme Inc' }] },
      ]);
    });
  });
});
