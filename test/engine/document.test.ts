/**
 * The document model: exact key and value ranges by path, bullets, and the
 * mapping from a phrase inside a bullet back to the source, for every
 * scalar style and for CRLF files.
 */
import * as assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import { formatPath, parseResume, rangeInBullet, YAML_OPTIONS, type Bullet, type ResumeModel } from '../../server/src/engine/document';
import { FULL_CHECK_MAX_CHARS, MAX_ALIAS_EXPANSION, MAX_DOCUMENT_CHARS, SYNTAX_ONLY_CHARS } from '../../server/src/engine/limits';
import type { OffsetRange } from '../../server/src/engine/types';
import { loadSeedTexts } from '../fuzz/mutate';
import { textAt } from '../helpers';
import { first } from '../support/lists';

function entry(model: ResumeModel, path: string) {
  const found = model.entries.get(path);
  assert.ok(found, `no entry at ${path}; have ${[...model.entries.keys()].join(', ')}`);
  return found;
}

function bullet(model: ResumeModel, path: string): Bullet {
  const found = model.bullets.find((b) => b.path === path);
  assert.ok(found, `no bullet at ${path}`);
  return found;
}

/** Source text of `phrase` (first occurrence in the bullet's parsed text). */
function phraseSource(model: ResumeModel, path: string, phrase: string): string {
  const b = bullet(model, path);
  const at = b.text.indexOf(phrase);
  assert.notEqual(at, -1, `\`${phrase}\` not in ${JSON.stringify(b.text)}`);
  return textAt(model.text, rangeInBullet(model, b, at, at + phrase.length));
}

function rangeOf(text: string, needle: string, nth = 0): OffsetRange {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  assert.notEqual(start, -1);
  return { start, end: start + needle.length };
}

const RESUME = [
  'basics:',
  '  name: Sam Lee',
  '  summary: Backend engineer.',
  'work:',
  '  - name: First',
  '    highlights: [Built A]',
  '  - name: Second',
  '    summary: Ran the team.',
  '  - name: Third',
  '    position: Backend Engineer',
  '    highlights:',
  '      - Cut p99 latency from 850 ms to 210 ms',
  '      - Built the ledger',
  'education:',
  '  - institution: U',
  'projects:',
  '  - name: ledger-lite',
  '    highlights:',
  '      - Wrote a ledger',
  'volunteer:',
  '  - organization: PUG',
  '    highlights:',
  '      - Ran meetups',
  '',
].join('\n');

describe('document model: paths', () => {
  const model = parseResume(RESUME);

  it('`work[2].highlights[0]`: the value range is the scalar; a list item has no key', () => {
    const item = entry(model, 'work[2].highlights[0]');
    assert.equal(item.keyRange, undefined);
    assert.deepEqual(item.valueRange, rangeOf(RESUME, 'Cut p99 latency from 850 ms to 210 ms'));
    assert.deepEqual(item.segments, ['work', 2, 'highlights', 0]);
  });

  it('`work[2].highlights`: the key range is the key, the value range the whole list', () => {
    const list = entry(model, 'work[2].highlights');
    assert.deepEqual(list.keyRange, rangeOf(RESUME, 'highlights', 1));
    assert.equal(textAt(RESUME, list.valueRange), '- Cut p99 latency from 850 ms to 210 ms\n      - Built the ledger\n');
  });

  it('`work[2].position` and `basics.name`: exact key and value ranges', () => {
    const position = entry(model, 'work[2].position');
    assert.deepEqual(position.keyRange, rangeOf(RESUME, 'position'));
    assert.deepEqual(position.valueRange, rangeOf(RESUME, 'Backend Engineer'));
    const name = entry(model, 'basics.name');
    assert.deepEqual(name.keyRange, rangeOf(RESUME, 'name'));
    assert.deepEqual(name.valueRange, rangeOf(RESUME, 'Sam Lee'));
  });

  it('an item of a flow list has its own range', () => {
    assert.deepEqual(entry(model, 'work[0].highlights[0]').valueRange, rangeOf(RESUME, 'Built A'));
  });

  it('keys with dots and spaces are bracketed, not split', () => {
    const text = 'basics:\n  first.name: Sam\n  "full name": Sam Lee\n"my key": 1\n$schema: x\nfoo-bar: 2\n';
    const m = parseResume(text);
    assert.deepEqual(entry(m, 'basics["first.name"]').keyRange, rangeOf(text, 'first.name'));
    assert.deepEqual(entry(m, 'basics["first.name"]').valueRange, rangeOf(text, 'Sam'));
    assert.deepEqual(entry(m, 'basics["full name"]').keyRange, rangeOf(text, '"full name"'));
    assert.deepEqual(entry(m, 'basics["full name"]').valueRange, rangeOf(text, 'Sam Lee'));
    assert.deepEqual(entry(m, '["my key"]').segments, ['my key']);
    assert.deepEqual(entry(m, '$schema').keyRange, rangeOf(text, '$schema'));
    assert.deepEqual(entry(m, 'foo-bar').keyRange, rangeOf(text, 'foo-bar'));
    assert.equal(m.entries.has('basics.first.name'), false);
  });

  it('formatPath', () => {
    assert.equal(formatPath(['work', 2, 'highlights', 0]), 'work[2].highlights[0]');
    assert.equal(formatPath(['basics', 'first.name']), 'basics["first.name"]');
    assert.equal(formatPath(['a b']), '["a b"]');
    assert.equal(formatPath([]), '');
  });

  it('an empty value: a zero-width value range right after its key', () => {
    const text = 'basics:\n  name:\n  label: x\n';
    const name = entry(parseResume(text), 'basics.name');
    assert.deepEqual(name.keyRange, rangeOf(text, 'name'));
    assert.equal(name.valueRange.start, name.valueRange.end);
    assert.equal(name.valueRange.start, text.indexOf('name:') + 'name:'.length);
  });

  it('an alias value: its range is the alias', () => {
    const text = 'basics:\n  label: &l Engineer\n  summary: *l\n';
    const summary = entry(parseResume(text), 'basics.summary');
    assert.deepEqual(summary.keyRange, rangeOf(text, 'summary'));
    assert.deepEqual(summary.valueRange, rangeOf(text, '*l'));
  });

  it('CRLF: ranges cover the same characters, never a \\r', () => {
    const crlf = RESUME.replace(/\n/g, '\r\n');
    const m = parseResume(crlf);
    assert.deepEqual(entry(m, 'work[2].highlights[0]').valueRange, rangeOf(crlf, 'Cut p99 latency from 850 ms to 210 ms'));
    assert.deepEqual(entry(m, 'work[2].position').valueRange, rangeOf(crlf, 'Backend Engineer'));
    assert.equal(m.lineStarts[1], crlf.indexOf('  name: Sam Lee'));
    for (const e of m.entries.values()) {
      if (e.node && 'value' in e.node && typeof e.node.value === 'string') {
        assert.doesNotMatch(textAt(crlf, e.valueRange), /\r/, e.path);
      }
    }
  });

  it('what parsed before a syntax error is in the model', () => {
    const text = 'basics:\n  name: Sam\n  label: "oops\n';
    const m = parseResume(text);
    assert.equal(m.syntaxProblems.length, 1);
    assert.deepEqual(entry(m, 'basics.name').valueRange, rangeOf(text, 'Sam'));
  });

  it('a stream of two documents: the first is the resume, the second is set aside', () => {
    const m = parseResume('basics:\n  name: Sam\n---\nfoo: bar\n');
    assert.equal(m.extraDocuments.length, 1);
    assert.deepEqual(m.value, { basics: { name: 'Sam' } });
    assert.equal(m.entries.has('foo'), false);
  });

  it('empty text and a comment-only file parse without a value or a problem', () => {
    for (const text of ['', '# just a comment\n']) {
      const m = parseResume(text);
      assert.deepEqual(m.syntaxProblems, []);
      assert.equal(m.value ?? null, null);
      assert.deepEqual(m.bullets, []);
    }
  });
});

describe('document model: the plain value', () => {
  /** What the `yaml` package's own `toJS()` gives, after the model flattened collection keys as it does. */
  function toJSOf(text: string): unknown {
    const model = parseResume(text);
    return model.document?.toJS({ maxAliasCount: -1 });
  }

  it('is what `toJS()` gives, for every real resume and example', () => {
    const { texts } = loadSeedTexts();
    assert.ok(texts.length > 10);
    for (const { name, text } of texts) {
      const model = parseResume(text);
      if (model.valueProblem) continue;
      assert.deepStrictEqual(model.value, toJSOf(text), name);
    }
  });

  it('is what `toJS()` gives for anchors, aliases, odd keys and redefined anchors', () => {
    const texts = [
      'basics:\n  label: &l Engineer\n  summary: *l\n',
      'a: &m {x: 1, y: [1, 2]}\nb: *m\nc: [*m, *m]\n',
      'a: &x 1\nb: *x\na2: &x 2\nc: *x\n',
      'outer: &a [&a inner, *a]\nlater: *a\n',
      '__proto__: 1\nconstructor: 2\ntoString: 3\n',
      'null: 1\n~: 2\ntrue: 3\n1.5: 4\n"": 5\n',
      'k: [a: 1, b]\n? complex\n: value\nempty:\n',
      'a: &e\nb: *e\n',
      'd: 2020-01-15\nn: 0x1F\nf: .inf\ns: !!str 12\n',
      'dup: 1\ndup: 2\n',
    ];
    for (const text of texts) assert.deepStrictEqual(parseResume(text).value, toJSOf(text), text);
  });

  it('an alias shares the value it repeats', () => {
    const value = parseResume('a: &m {x: 1}\nb: *m\n').value as { a: object; b: object };
    assert.equal(value.a, value.b);
  });

  it('an unknown alias: an error on the alias, and the rest of the resume is read', () => {
    const text = 'basics:\n  name: *nobody\n  email: sam@example.com\n';
    const model = parseResume(text);
    assert.deepEqual(model.syntaxProblems, [
      {
        range: rangeOf(text, '*nobody'),
        message: '`*nobody` refers to no anchor: define `&nobody` earlier or write the value.',
        code: 'UNKNOWN_ALIAS',
      },
    ]);
    assert.equal(model.valueProblem, undefined);
    assert.deepEqual(model.value, { basics: { name: undefined, email: 'sam@example.com' } });
  });

  it('an alias before its anchor is unknown too', () => {
    const text = 'a: *later\nb: &later x\n';
    assert.deepEqual(
      parseResume(text).syntaxProblems.map((p) => [textAt(text, p.range), p.code]),
      [['*later', 'UNKNOWN_ALIAS']],
    );
  });

  it('an alias inside the value it names: an error on the alias, not a value that contains itself', () => {
    const text = 'meta: &m\n  self: *m\n  note: x\n';
    const model = parseResume(text);
    assert.deepEqual(
      model.syntaxProblems.map((p) => [textAt(text, p.range), p.code, p.message]),
      [['*m', 'RECURSIVE_ALIAS', '`*m` is inside the value `&m` names, so it would repeat itself forever: write the value out.']],
    );
    assert.deepEqual(model.value, { meta: { self: undefined, note: 'x' } });
  });

  it('aliases that repeat more than the budget: one limit, no value', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 5; level++)
      levels.push(`a${level}: &a${level} [${Array.from({ length: 10 }, () => `*a${level - 1}`).join(', ')}]`);
    const model = parseResume(`${levels.join('\n')}\n`);
    assert.equal(model.value, undefined);
    assert.equal(model.valueProblem?.code, 'ALIAS_LIMIT');
    assert.match(model.valueProblem?.message ?? '', /^Aliases here expand to far too much data/);
  });

  it('just under the budget, aliases are fine', () => {
    const list = `[${Array.from({ length: 99 }, () => 'x').join(', ')}]`;
    const aliases = Array.from({ length: MAX_ALIAS_EXPANSION / 100 }, (_, i) => `b${i}: *a`).join('\n');
    const model = parseResume(`a: &a ${list}\n${aliases}\n`);
    assert.equal(model.valueProblem, undefined);
    assert.equal((model.value as { b0: unknown[] }).b0.length, 99);
  });

  it('40,000 anchors and aliases: each alias gets the value of its own anchor', () => {
    const lines = ['basics:', '  name: Sam Lee', 'meta:', '  pairs:'];
    for (let i = 0; i < 40_000; i++) lines.push(`    - &a${i} v${i}`, `    - *a${i}`);
    const text = `${lines.join('\n')}\n`;
    const model = parseResume(text);
    assert.equal(model.valueProblem, undefined);
    const pairs = (model.value as { meta: { pairs: string[] } }).meta.pairs;
    assert.equal(pairs.length, 80_000);
    assert.deepEqual([pairs[0], pairs[1], pairs[79_998], pairs[79_999]], ['v0', 'v0', 'v39999', 'v39999']);
  });
});

describe('document model: size and nesting limits', () => {
  const line = '      - Cut p99 latency of the ledger service by 40% with a read-through cache\n';
  const head = 'basics:\n  name: Sam Lee\nwork:\n  - name: Acme\n    highlights:\n';
  const sized = (chars: number) => head + line.repeat(Math.ceil((chars - head.length) / line.length));

  it('over the full-check limit: only the syntax of the first part, and one note', () => {
    const broken = head.replace('  name: Sam Lee\n', '  name: Sam Lee\n  label: a: b\n');
    // A second error past the part that is checked: not looked for.
    const rest =
      line.repeat(Math.ceil(SYNTAX_ONLY_CHARS / line.length)) +
      '      - x: y: z\n' +
      line.repeat(Math.ceil(FULL_CHECK_MAX_CHARS / line.length));
    const text = broken + rest;
    assert.ok(text.length > FULL_CHECK_MAX_CHARS);
    const model = parseResume(text);
    assert.equal(model.checked, 'syntax');
    assert.equal(model.document, undefined);
    assert.equal(model.entries.size, 0);
    assert.equal(model.valueProblem?.code, 'SYNTAX_ONLY');
    assert.equal(
      model.valueProblem?.message,
      `This file has ${text.length.toLocaleString('en-US')} characters, over the 5 MB checked in full: only the YAML syntax of its first 1,000,000 characters is checked. A resume is a few KB.`,
    );
    assert.deepEqual(model.valueProblem?.range, { start: 0, end: 'basics:'.length });
    const at = broken.indexOf('a: b');
    assert.deepEqual(
      model.syntaxProblems.map((problem) => [problem.code, problem.range]),
      [['BLOCK_AS_IMPLICIT_KEY', { start: at, end: at + 1 }]],
    );
  });

  it('over the full-check limit, a clean file gets no syntax error from where the check stops', () => {
    // The cut falls inside a flow list that spans lines: cut there, it would be unclosed.
    const flowOf = (items: number) =>
      `${head.replace('    highlights:\n', '    highlights: [\n')}${'      "Cut p99 latency of the ledger service by 40% with a cache",\n'.repeat(items)}    ]\n`;
    assert.equal(first(parseAllDocuments(flowOf(3), YAML_OPTIONS)).errors.length, 0, 'the sample is valid YAML');
    const flow = flowOf(Math.ceil(FULL_CHECK_MAX_CHARS / 60) + 10);
    assert.ok(flow.indexOf(']') > SYNTAX_ONLY_CHARS, 'the list is open where the check stops');
    assert.ok(flow.length > FULL_CHECK_MAX_CHARS);
    const model = parseResume(flow);
    assert.equal(model.checked, 'syntax');
    assert.deepEqual(model.syntaxProblems, []);
  });

  it('at the full-check limit exactly, everything is checked', () => {
    const text = sized(FULL_CHECK_MAX_CHARS).slice(0, FULL_CHECK_MAX_CHARS);
    const model = parseResume(text.slice(0, text.lastIndexOf('\n') + 1));
    assert.equal(model.checked, 'all');
  });

  it('over the document limit: nothing parsed, one note that says so', () => {
    const text = 'x'.repeat(MAX_DOCUMENT_CHARS + 1);
    const model = parseResume(text);
    assert.equal(model.checked, 'nothing');
    assert.deepEqual(model.syntaxProblems, []);
    assert.deepEqual(model.lineStarts, [0]);
    assert.deepEqual(model.valueProblem, {
      range: { start: 0, end: 200 },
      message: `This file has 20,971,521 characters, over the 20 MB Bulletproof reads, so it was not checked. A resume is a few KB.`,
      code: 'SIZE_LIMIT',
    });
  });

  it('nested too deeply: nothing parsed, one note on the first line', () => {
    const text = `a: &x ${'['.repeat(10_000)}\n`;
    const model = parseResume(text);
    assert.equal(model.checked, 'nothing');
    assert.equal(model.valueProblem?.code, 'NESTING_LIMIT');
    assert.deepEqual(model.valueProblem?.range, { start: 0, end: 200 });
  });
});

describe('document model: bullets', () => {
  const model = parseResume(RESUME);

  it('collects highlights and summaries of work, projects, volunteer, and basics.summary', () => {
    assert.deepEqual(
      model.bullets.map((b) => [b.path, b.kind, b.section, b.entryPath]),
      [
        ['basics.summary', 'summary', 'basics', 'basics'],
        ['work[0].highlights[0]', 'highlight', 'work', 'work[0]'],
        ['work[1].summary', 'summary', 'work', 'work[1]'],
        ['work[2].highlights[0]', 'highlight', 'work', 'work[2]'],
        ['work[2].highlights[1]', 'highlight', 'work', 'work[2]'],
        ['projects[0].highlights[0]', 'highlight', 'projects', 'projects[0]'],
        ['volunteer[0].highlights[0]', 'highlight', 'volunteer', 'volunteer[0]'],
      ],
    );
  });

  it('a bullet range is the whole scalar', () => {
    const b = bullet(model, 'work[2].highlights[1]');
    assert.equal(b.text, 'Built the ledger');
    assert.deepEqual(b.range, rangeOf(RESUME, 'Built the ledger'));
  });

  it('a number is not a bullet; the text in a nested list or a one-field mapping is', () => {
    const m = parseResume('work:\n  - highlights:\n      - 42\n      - [a]\n      - {b: c}\n      - {b: 1, c: d}\n      - real one\n');
    assert.deepEqual(
      m.bullets.map((b) => b.path),
      ['work[0].highlights[1][0]', 'work[0].highlights[2].b', 'work[0].highlights[4]'],
    );
  });
});

describe('document model: rangeInBullet', () => {
  const text = [
    'work:',
    '  - name: Acme',
    '    highlights:',
    '      - Cut p99 latency from 850 ms to 210 ms',
    "      - 'It''s the cache: Redis read-through'",
    '      - "Tab\\there \\"quoted\\" caf\\u00e9 latency"',
    '      - >',
    '        Moved settlement to Kafka,',
    '        so merchants see funds',
    '        in 4 minutes',
    '      - |',
    '        Line one',
    '        Line two latency',
    '      - plain multi',
    '        line bullet',
    '      - 🚀 日本語 latency',
    '',
  ].join('\n');
  const model = parseResume(text);

  it('plain', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[0]', 'latency'), 'latency');
    assert.deepEqual(rangeInBullet(model, bullet(model, 'work[0].highlights[0]'), 8, 15), rangeOf(text, 'latency'));
  });

  it('plain over a line break: the break and the indentation are inside the range', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[5]', 'multi line'), 'multi\n        line');
  });

  it('single-quoted: a doubled quote maps to both quotes', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[1]', 'Redis'), 'Redis');
    assert.equal(phraseSource(model, 'work[0].highlights[1]', "It's"), "It''s");
  });

  it('double-quoted with escapes', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[2]', 'quoted'), 'quoted');
    assert.equal(phraseSource(model, 'work[0].highlights[2]', 'Tab\there'), 'Tab\\there');
    assert.equal(phraseSource(model, 'work[0].highlights[2]', 'latency'), 'latency');
  });

  // Bug: the end of the range is "source of the last character + 1", so a
  // phrase that ends with an escape (`\u00e9` → é) loses the rest of it.
  it('double-quoted: a phrase that ends with an escape covers the whole escape', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[2]', 'café'), 'caf\\u00e9');
    assert.equal(phraseSource(model, 'work[0].highlights[2]', '"quoted"'), '\\"quoted\\"');
  });

  it('folded: a folded line break maps to the break', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[3]', 'Kafka'), 'Kafka');
    assert.equal(phraseSource(model, 'work[0].highlights[3]', 'funds in 4'), 'funds\n        in 4');
  });

  it('literal', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[4]', 'Line two'), 'Line two');
    assert.equal(phraseSource(model, 'work[0].highlights[4]', 'latency'), 'latency');
  });

  it('emoji and CJK before the phrase: offsets stay in UTF-16 code units', () => {
    assert.equal(phraseSource(model, 'work[0].highlights[6]', 'latency'), 'latency');
    assert.equal(phraseSource(model, 'work[0].highlights[6]', '🚀'), '🚀');
    assert.equal(phraseSource(model, 'work[0].highlights[6]', '日本語'), '日本語');
  });

  it('an empty phrase is a zero-width range at its place', () => {
    const b = bullet(model, 'work[0].highlights[0]');
    const at = rangeOf(text, 'latency').start;
    assert.deepEqual(rangeInBullet(model, b, 8, 8), { start: at, end: at });
  });

  it('CRLF: folded, literal and plain bullets', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const m = parseResume(crlf);
    assert.equal(phraseSource(m, 'work[0].highlights[0]', 'latency'), 'latency');
    assert.equal(phraseSource(m, 'work[0].highlights[3]', 'funds in 4'), 'funds\r\n        in 4');
    assert.equal(phraseSource(m, 'work[0].highlights[4]', 'Line two'), 'Line two');
    assert.equal(phraseSource(m, 'work[0].highlights[5]', 'multi line'), 'multi\r\n        line');
    assert.equal(phraseSource(m, 'work[0].highlights[1]', "It's"), "It''s");
  });
});
