/**
 * Completion of keys and values from the schema, where the cursor is `|`.
 * The YAML is often broken while a person types, so several cases are.
 * Also where templates go: an entry template (a `work` entry, a project)
 * only where a list item is being started, right after its `- `; and never
 * two items with the same label, in any of the formats (a template named
 * like a key is "… (template)").
 */
import * as assert from 'node:assert/strict';
import { completionsAt, type CompletionEntry } from '../../server/src/engine/features/completion';
import { jsonCompletionsAt } from '../../server/src/engine/features/jsonCompletion';
import { snippetsFor } from '../../server/src/engine/snippets';
import { completionAt } from '../support/completionAt';
import { describe as schemaDescription, schemaAt } from '../../server/src/engine/schema/schemaInfo';
import { first, only } from '../support/lists';

/** Completions at the `|` in `source` (the bar is removed). */
function at(source: string): { text: string; offset: number; entries: CompletionEntry[] } {
  const offset = source.indexOf('|');
  assert.notEqual(offset, -1, 'put a | where the cursor is');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, offset, entries: completionsAt(text, offset) };
}

function keys(source: string): string[] {
  return at(source)
    .entries.filter((e) => e.kind === 'key')
    .map((e) => e.label);
}

function values(source: string): string[] {
  return at(source)
    .entries.filter((e) => e.kind === 'value')
    .map((e) => e.label);
}

const TOP = [
  '$schema',
  'basics',
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
  'meta',
];
const BASICS = ['name', 'label', 'image', 'email', 'phone', 'url', 'summary', 'location', 'profiles'];
const WORK = ['name', 'location', 'description', 'position', 'url', 'startDate', 'endDate', 'summary', 'highlights'];

describe('completion: keys', () => {
  it('top level, in an empty file', () => {
    assert.deepEqual(keys('|'), TOP);
  });

  it('top level, keys already present are left out', () => {
    assert.deepEqual(
      keys('basics:\n  name: Sam\n|\nwork:\n  - name: Acme\n'),
      TOP.filter((k) => k !== 'basics' && k !== 'work'),
    );
  });

  it('a partial word: every key is offered and the word is replaced', () => {
    const { entries, offset } = at('ba|');
    assert.deepEqual(
      entries.filter((e) => e.kind === 'key').map((e) => e.label),
      TOP,
    );
    for (const entry of entries) assert.deepEqual(entry.replace, { start: 0, end: offset });
  });

  it('inside `basics`, without the keys already there (above and below the cursor)', () => {
    assert.deepEqual(
      keys('basics:\n  name: Sam\n  |\n  email: sam@example.com\nwork: []\n'),
      BASICS.filter((k) => k !== 'name' && k !== 'email'),
    );
  });

  it('inside `basics.location`', () => {
    assert.deepEqual(keys('basics:\n  name: Sam\n  location:\n    city: Berlin\n    |\n'), [
      'address',
      'postalCode',
      'countryCode',
      'region',
    ]);
  });

  it('the first key of a `work` entry, right after `- `', () => {
    assert.deepEqual(keys('work:\n  - |\n'), WORK);
  });

  it('a later key of a `work` entry, without the keys of this entry (but with those of the next)', () => {
    assert.deepEqual(
      keys('work:\n  - name: Acme\n    |\n    position: Engineer\n  - name: Beta\n    startDate: 2020\n'),
      WORK.filter((k) => k !== 'name' && k !== 'position'),
    );
  });

  it('a key in the second `work` entry: the first entry’s keys do not count', () => {
    assert.deepEqual(
      keys('work:\n  - name: Acme\n    position: Engineer\n  - name: Beta\n    |\n'),
      WORK.filter((k) => k !== 'name'),
    );
  });

  it('inside a `profiles` item, first key and later key', () => {
    assert.deepEqual(keys('basics:\n  profiles:\n    - |\n'), ['network', 'username', 'url']);
    assert.deepEqual(keys('basics:\n  profiles:\n    - network: GitHub\n      |\n'), ['username', 'url']);
  });

  it('each key carries its schema documentation and a snippet that fits its type', () => {
    const { entries } = at('work:\n  - name: Acme\n    |\n');
    const highlights = entries.find((e) => e.label === 'highlights');
    assert.ok(highlights);
    assert.equal(highlights.documentation, schemaDescription(schemaAt(['work', 0, 'highlights'])));
    assert.ok(highlights.documentation && highlights.documentation.length > 20);
    // A list: the key, a new line, indented two more than the key, and a dash.
    assert.equal(highlights.insertText, 'highlights:\n      - $0');
    const position = entries.find((e) => e.label === 'position');
    assert.equal(position?.insertText, 'position: $0');
    const basics = at('|').entries.find((e) => e.label === 'basics');
    assert.equal(basics?.insertText, 'basics:\n  $0');
  });
});

describe('completion: values', () => {
  it('`languages[].fluency` offers the conventional levels', () => {
    const { entries, offset } = at('languages:\n  - language: English\n    fluency: |\n');
    const offered = entries.filter((e) => e.kind === 'value');
    assert.ok(offered.length >= 2);
    assert.ok(offered.some((e) => e.label === 'Native speaker'));
    assert.ok(offered.some((e) => e.label === 'Fluent'));
    for (const entry of offered) assert.deepEqual(entry.replace, { start: offset, end: offset });
    assert.equal(first(offered).documentation, schemaDescription(schemaAt(['languages', 0, 'fluency'])));
  });

  it('a partial value is replaced', () => {
    const { entries, offset } = at('languages:\n  - language: English\n    fluency: Nat|\n');
    const native = entries.find((e) => e.label === 'Native speaker');
    assert.ok(native);
    assert.deepEqual(native.replace, { start: offset - 3, end: offset });
  });

  it('`basics.profiles[].network` offers common networks', () => {
    assert.ok(values('basics:\n  profiles:\n    - network: |\n').includes('GitHub'));
  });
});

describe('completion: while typing', () => {
  it('a half-typed key on the last line, no line break, after an unterminated quote', () => {
    const { entries, offset } = at('basics:\n  name: "Sam\nwork:\n  - name: Acme\n    posi|');
    const offered = entries.filter((e) => e.kind === 'key');
    assert.deepEqual(
      offered.map((e) => e.label),
      WORK.filter((k) => k !== 'name'),
    );
    assert.deepEqual(first(offered).replace, { start: offset - 4, end: offset });
  });

  it('a half-typed key in `basics` after a broken flow list', () => {
    assert.deepEqual(
      keys('basics:\n  name: [Sam\n  emai|'),
      BASICS.filter((k) => k !== 'name'),
    );
  });

  // Bug: the lines above the cursor keep their `\r`, so `basics:\r` is not
  // read as a key and nothing is offered in a CRLF file.
  it('CRLF files: keys inside `basics`, and values', () => {
    assert.deepEqual(
      keys('basics:\r\n  name: Sam\r\n  |\r\n'),
      BASICS.filter((k) => k !== 'name'),
    );
    assert.ok(values('languages:\r\n  - language: English\r\n    fluency: |\r\n').includes('Fluent'));
  });
});

describe('completion: nothing where nothing fits', () => {
  it('inside a bullet string', () => {
    assert.deepEqual(at('work:\n  - name: Acme\n    highlights:\n      - Built the | API\n').entries, []);
  });

  it('inside a text value', () => {
    assert.deepEqual(at('work:\n  - name: Acme\n    summary: Built | things\n').entries, []);
  });

  it('no keys in a list of text (highlights items)', () => {
    assert.deepEqual(keys('work:\n  - name: Acme\n    highlights:\n      - |\n'), []);
  });

  it('no values for a free-text key', () => {
    assert.deepEqual(values('basics:\n  name: |\n'), []);
  });

  it('under an unknown key', () => {
    assert.deepEqual(keys('hobbies:\n  |\n'), []);
  });
});

/** Completions at the `|` in `source` in a JSON Resume YAML file, as `kind:label`. */
function items(source: string): string[] {
  const offset = source.indexOf('|');
  assert.notEqual(offset, -1, 'put a | where the cursor is');
  return shown(completionsAt(source.slice(0, offset) + source.slice(offset + 1), offset));
}

function shown(entries: readonly CompletionEntry[]): string[] {
  return entries.map((entry) => `${entry.kind}:${entry.label}`);
}

const PROJECT = ['name', 'description', 'highlights', 'keywords', 'startDate', 'endDate', 'url', 'roles', 'entity', 'type'];
const BULLETS = snippetsFor('highlights').map((snippet) => `snippet:${snippet.prefix[0]}`);
const asKeys = (list: readonly string[]) => list.map((key) => `key:${key}`);

describe('completion: entry templates only after `- ` (JSON Resume, YAML)', () => {
  it('right after `- ` in `work` and `projects`: the entry, then the entry’s keys', () => {
    assert.deepEqual(items('work:\n  - |'), ['snippet:work', ...asKeys(WORK)]);
    assert.deepEqual(items('work:\n  - name: Initech\n  - |'), ['snippet:work', ...asKeys(WORK)]);
    assert.deepEqual(items('work:\n- |'), ['snippet:work', ...asKeys(WORK)]);
    assert.deepEqual(items('projects:\n  - |'), ['snippet:project', ...asKeys(PROJECT)]);
  });

  it('not on a key line: the section key typed, or its value begun', () => {
    assert.deepEqual(items('work|'), ['snippet:resume', 'snippet:skills (template)', ...asKeys(TOP)]);
    assert.deepEqual(items('work: |'), []);
    assert.deepEqual(items('work: - |'), []);
  });

  it('not on a line of the list without its dash, nor inside an entry’s mapping', () => {
    assert.deepEqual(items('work:\n  |'), []);
    assert.deepEqual(items('work:\n  - name: Acme\n    |'), asKeys(WORK.filter((key) => key !== 'name')));
    assert.deepEqual(items('projects:\n  - name: Ledger\n    |'), asKeys(PROJECT.filter((key) => key !== 'name')));
  });

  it('not after a dash that opens no item of the list: nested, mis-indented, or a `work` key elsewhere', () => {
    // `- - ` opens an item of a list inside the entry's place: not an entry.
    assert.deepEqual(items('work:\n  - - |'), []);
    assert.deepEqual(items('work:\n  - - name: Acme\n      |'), []);
    // Right of the entry's dash, left of its keys: YAML rejects a dash there.
    assert.deepEqual(items('work:\n  - name: Acme\n   - |'), []);
    assert.deepEqual(items('basics:\n  work:\n    - |'), []);
  });

  it('not after a dash and a tab, where YAML allows text but no mapping: the bullets still are', () => {
    assert.deepEqual(items('work:\n  -\t|'), []);
    assert.deepEqual(items('projects:\n  -\t|'), []);
    assert.deepEqual(items('work:\n  - name: Acme\n    highlights:\n      -\t|'), BULLETS);
  });
});

/** The labels offered more than once. */
function repeated(entries: readonly CompletionEntry[]): string[] {
  const labels = entries.map((entry) => entry.label);
  return labels.filter((label, index) => labels.indexOf(label) !== index);
}

describe('completion: no two items share a label', () => {
  const yamlPlaces: [string, string, string][] = [
    ['JSON Resume YAML, an empty file', 'resume.yaml', '|'],
    ['JSON Resume YAML, the top level of a partial resume', 'resume.yaml', 'basics:\n  name: Sam\n|\nwork: []\n'],
    ['RenderCV, an empty file', 'Jane_Doe_CV.yaml', '|'],
    ['RenderCV, the top level of a partial resume', 'Jane_Doe_CV.yaml', 'cv:\n  name: Jane Doe\n|'],
    ['RenderCV, the `cv` mapping of a partial resume', 'Jane_Doe_CV.yaml', 'cv:\n  name: Jane Doe\n  |'],
    ['YAMLResume, an empty file', 'jordan.yamlresume.yaml', '|'],
    ['YAMLResume, the top level of a partial resume', 'jordan.yamlresume.yaml', 'content:\n  basics:\n    name: Jordan Lee\n|'],
    ['YAMLResume, `content` of a partial resume', 'jordan.yamlresume.yaml', 'content:\n  basics:\n    name: Jordan Lee\n  |'],
  ];
  for (const [name, fileName, source] of yamlPlaces) {
    it(name, () => {
      const { entries } = completionAt(source, fileName);
      assert.ok(entries.length > 0, 'nothing offered: the place is not the one meant');
      assert.deepEqual(repeated(entries), []);
    });
  }

  const jsonPlaces: [string, string][] = [
    ['JSON, an empty file', '|'],
    ['JSON, an empty object', '{\n  |\n}\n'],
    ['JSON, the top level of a partial resume', '{\n  "basics": {"name": "Sam"},\n  |\n}\n'],
  ];
  for (const [name, source] of jsonPlaces) {
    it(name, () => {
      const offset = source.indexOf('|');
      const entries = jsonCompletionsAt(source.slice(0, offset) + source.slice(offset + 1), offset);
      assert.ok(entries.length > 0, 'nothing offered: the place is not the one meant');
      assert.deepEqual(repeated(entries), []);
    });
  }

  it('in an empty YAML file, exactly: the skeleton, the skills section as a template, then every key once', () => {
    assert.deepEqual(items('|'), ['snippet:resume', 'snippet:skills (template)', ...asKeys(TOP)]);
  });

  it('the skills section keeps its body, and typing `skills` still finds it', () => {
    const offset = 0;
    const section = only(completionsAt('', offset).filter((entry) => entry.label === 'skills (template)'));
    const snippet = only(snippetsFor('document').filter((candidate) => !candidate.prefix.includes('skeleton')));
    assert.equal(section.insertText, snippet.body);
    assert.equal(section.filterText, 'skills skills-backend');
    assert.equal(section.detail, 'Skills grouped for a backend role');
  });

  it('in JSON, the `skills` property template and the `skills` key, each once', () => {
    const source = '{\n  "basics": {"name": "Sam"},\n  \n}\n';
    const entries = jsonCompletionsAt(source, source.indexOf('  \n') + 2);
    assert.deepEqual(
      entries.filter((entry) => entry.label.startsWith('skills')).map((entry) => [entry.kind, entry.label]),
      [
        ['snippet', 'skills (template)'],
        ['key', 'skills'],
      ],
    );
  });
});
