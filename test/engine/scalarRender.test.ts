/** Rendering a new value into a scalar, in its own style; then both ways on generated scalars and the corpus. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import type { Document, Scalar } from 'yaml';
import { renderScalar, type TextPart } from '../../server/src/engine/scalarRender';
import { scalarSourceMap } from '../../server/src/engine/scalarSource';
import { first, nth, pickWith } from '../support/lists';
import { assertConsistent, parse, roundTrip, scalarIn, type Key } from './scalarSupport';

describe('renderScalar', () => {
  it('keeps a plain scalar plain when it is safe', () => {
    const text = 'a: old text # why\nb: 1\n';
    const r = roundTrip(text, ['a'], ['Cut p99 latency by 40%, saving $2k/month'], 'PLAIN');
    assert.equal(r.out, 'a: Cut p99 latency by 40%, saving $2k/month # why\nb: 1\n');
    assert.equal(r.snippet, false);
  });

  it('quotes a plain scalar when the value would not read back as plain', () => {
    const unsafe = [
      '- leading dash',
      '#hash',
      'key: value',
      'a # comment',
      ' padded',
      'padded ',
      '42',
      '3.5',
      '1_000',
      '0x1F',
      'true',
      'No',
      'null',
      '~',
      '',
      "'quoted'",
      '"dq"',
      '[x]',
      '{x}',
      '&anchor',
      '*alias',
      '!tag',
      '|',
      '>',
      '%',
      '@at',
      '`tick`',
      'ends with colon:',
      'line\nbreak',
      'tab\there ok',
      '2024-01-15',
      '...',
      '.inf',
    ];
    for (const value of unsafe) {
      const style = value === 'tab\there ok' ? 'PLAIN' : 'QUOTE_DOUBLE';
      roundTrip('a: old\nb: [x]\n', ['a'], [value], style);
    }
  });

  it('quotes flow indicators inside a flow collection only', () => {
    roundTrip('a: [x, y]\n', ['a', 0], ['p, q'], 'QUOTE_DOUBLE');
    roundTrip('a: {k: x}\n', ['a', 'k'], ['p]q'], 'QUOTE_DOUBLE');
    roundTrip('a: [x, y]\n', ['a', 1], ['pq r'], 'PLAIN');
    roundTrip('a: x\nb: [y]\n', ['a'], ['p, q [r] {s}'], 'PLAIN');
  });

  it('replaces a multi-line plain scalar, leaving what follows', () => {
    const text = 'a: first\n  second\n  third   # c\nb: 1\n';
    const r = roundTrip(text, ['a'], ['one line'], 'PLAIN');
    assert.equal(r.out, 'a: one line   # c\nb: 1\n');
  });

  it("keeps single quotes, doubling '", () => {
    const r = roundTrip("a: 'x'\n", ['a'], ["it's #1: 'great'"], 'QUOTE_SINGLE');
    assert.equal(r.out, "a: 'it''s #1: ''great'''\n");
    roundTrip("a: 'x'\n", ['a'], ['  spaced\t '], 'QUOTE_SINGLE');
    assert.equal(roundTrip("a: 'x'\n", ['a'], ['two\nlines'], 'QUOTE_SINGLE').out, "a: 'two\n\n  lines'\n");
    assert.equal(roundTrip("- k: 'x'\r\n", [0, 'k'], ["\nit's\n\n"], 'QUOTE_SINGLE').out, "- k: '\r\n\r\n    it''s\r\n\r\n\r\n    '\r\n");
    roundTrip("a: 'x'\n", ['a'], ['blank \nbefore a break'], 'QUOTE_DOUBLE');
    roundTrip("a: 'x'\n", ['a'], ['a break\n\tthen a tab'], 'QUOTE_DOUBLE');
    // A key stays on one line.
    const keyText = "'x': 1\n";
    const key = first((parse(keyText).contents as { items: { key: Scalar }[] }).items).key;
    const edit = renderScalar(keyText, key, ['two\nlines']);
    assert.equal(edit.newText, '"two\\nlines"');
    assert.deepEqual(parse(keyText.slice(0, edit.range.start) + edit.newText + keyText.slice(edit.range.end)).toJS(), { 'two\nlines': 1 });
    roundTrip("a: 'x'\n", ['a'], ['bell\x07'], 'QUOTE_DOUBLE');
  });

  it('escapes double-quoted values', () => {
    const value = 'say "hi" \\ \n\t\r\0\x07\b\x1b\f\v\x01\x7f\u0085\u00a0\u2028\u2029\ufeff\ud800 😀 日本';
    const r = roundTrip('a: "x"\n', ['a'], [value], 'QUOTE_DOUBLE');
    assert.equal(r.out, 'a: "say \\"hi\\" \\\\ \\n\\t\\r\\0\\a\\b\\e\\f\\v\\x01\\x7F\\N\u00a0\\L\\P\\uFEFF\\uD800 😀 日本"\n');
  });

  it('turns placeholders into numbered tab stops, escaping after YAML', () => {
    const text = 'a: "x"\n';
    const parts: TextPart[] = ['Cut \\ cost by ', { placeholder: '‹N›' }, '% ($ saved {}) in ', { placeholder: 'Q}' }];
    const r = roundTrip(text, ['a'], parts, 'QUOTE_DOUBLE');
    assert.equal(r.snippet, true);
    assert.equal(r.newText, '"Cut \\\\\\\\ cost by ${1:‹N›}% (\\$ saved {\\}) in ${2:Q\\}}"');
    const plain = roundTrip('a: x\n', ['a'], ['Reduced latency by ', { placeholder: '‹N›' }, '%'], 'PLAIN');
    assert.equal(plain.newText, 'Reduced latency by ${1:‹N›}%');
    const none = renderScalar('a: x\n', scalarIn(parse('a: x\n'), ['a']), ['costs $5 {}']);
    assert.deepEqual(none, { range: { start: 3, end: 4 }, newText: 'costs $5 {}', snippet: false });
  });

  describe('block scalars', () => {
    it('keeps a literal header, indentation, comments and what follows', () => {
      const text = 'work:\n  - highlights:\n      - |  # keep me\n        old\n        text\n\n      - next\n# end\n';
      const r = roundTrip(text, ['work', 0, 'highlights', 0], ['new line\nsecond: ok\n'], 'BLOCK_LITERAL');
      assert.equal(r.out, 'work:\n  - highlights:\n      - |  # keep me\n        new line\n        second: ok\n\n      - next\n# end\n');
    });

    it('adjusts chomping to the trailing newlines', () => {
      const text = 'a: |\n  x\n\nb: 1\n';
      assert.equal(roundTrip(text, ['a'], ['y'], 'BLOCK_LITERAL').out, 'a: |-\n  y\n\nb: 1\n');
      assert.equal(roundTrip(text, ['a'], ['y\n\n'], 'BLOCK_LITERAL').out, 'a: |+\n  y\n\nb: 1\n');
      assert.equal(roundTrip(text, ['a'], ['y\n\n\n'], 'BLOCK_LITERAL').out, 'a: |+\n  y\n\n\nb: 1\n');
      const keep = 'a: |+\n  x\n\n\nb: 1\n';
      assert.equal(roundTrip(keep, ['a'], ['y\n'], 'BLOCK_LITERAL').out, 'a: |+\n  y\nb: 1\n');
      assert.equal(roundTrip(keep, ['a'], ['y'], 'BLOCK_LITERAL').out, 'a: |-\n  y\n\n\nb: 1\n');
      assert.equal(roundTrip('a: |-\n  x', ['a'], ['y\n\n'], 'BLOCK_LITERAL').out, 'a: |+\n  y\n\n');
      assert.equal(roundTrip('a: |-\n  x\n  ', ['a'], ['y\n\n'], 'BLOCK_LITERAL').out, 'a: |+\n  y\n\n');
    });

    it('keeps an indentation indicator and leading blanks under it', () => {
      const text = 'a: |2\n    x\n  y\nb: 1\n';
      const r = roundTrip(text, ['a'], ['  new\n more\n'], 'BLOCK_LITERAL');
      assert.equal(r.out, 'a: |2\n    new\n   more\nb: 1\n');
      // Without an indicator a leading blank cannot be written as a block.
      roundTrip('a: |\n  x\n', ['a'], ['  lead\n'], 'QUOTE_DOUBLE');
    });

    it('writes folded values one line per paragraph', () => {
      const text = 'a: >\n  old\n  text\nb: 1\n';
      const r = roundTrip(text, ['a'], ['one two\nthree\n\nfour\n'], 'BLOCK_FOLDED');
      assert.equal(r.out, 'a: >\n  one two\n\n  three\n\n\n  four\nb: 1\n');
      roundTrip(text, ['a'], ['\n\nlead\n'], 'BLOCK_FOLDED');
      roundTrip(text, ['a'], ['x\n  indented\n'], 'QUOTE_DOUBLE');
    });

    it('uses CRLF in a CRLF document', () => {
      const text = 'a: |\r\n  x\r\nb: 1\r\n';
      assert.equal(roundTrip(text, ['a'], ['p\nq\n'], 'BLOCK_LITERAL').out, 'a: |\r\n  p\r\n  q\r\nb: 1\r\n');
      assert.equal(
        roundTrip('a: >-\r\n  x\r\n\r\nb: 1\r\n', ['a'], ['p\nq'], 'BLOCK_FOLDED').out,
        'a: >-\r\n  p\r\n\r\n  q\r\n\r\nb: 1\r\n',
      );
    });

    it('falls back to double quotes, keeping a header comment', () => {
      const text = 'a: | # note\n  x\n\nb: 1\n';
      const r = roundTrip(text, ['a'], ['bell\x07\n'], 'QUOTE_DOUBLE');
      assert.equal(r.out, 'a: "bell\\a\\n" # note\n\nb: 1\n');
      roundTrip(text, ['a'], [''], 'QUOTE_DOUBLE');
      roundTrip(text, ['a'], ['a\n   \nb'], 'QUOTE_DOUBLE');
    });

    it('fills an empty block scalar', () => {
      assert.equal(roundTrip('- k: |\n- 2\n', [0, 'k'], ['x\n'], 'BLOCK_LITERAL').out, '- k: |\n    x\n- 2\n');
    });

    it('puts placeholders inside block scalars', () => {
      const r = roundTrip('a: |\n  x\n', ['a'], ['Saved $', { placeholder: '‹N›' }, 'k\n'], 'BLOCK_LITERAL');
      assert.equal(r.newText, '|\n  Saved \\$${1:‹N›}k');
    });
  });

  it('round-trips many values through every style', function () {
    this.timeout(30_000);
    const values = [
      'simple',
      'Reduced p99 latency by 40% (from 250ms to 150ms)',
      "it's",
      'quote " and \\ backslash',
      'two\nlines',
      'para one\n\npara two\n',
      'trailing\n',
      'keep\n\n',
      '🚀 shipped 上线 café',
      'tab\tinside',
      'a: b',
      '#tag',
      '',
      ' lead',
      'trail ',
      '$ {} \\ ${1:x}',
    ];
    const sources: [string, Key[]][] = [
      ['a: old\nz: 1\n', ['a']],
      ["a: 'old'\nz: 1\n", ['a']],
      ['a: "old"\nz: 1\n', ['a']],
      ['a: |\n  old\nz: 1\n', ['a']],
      ['a: >-\n  old\n\nz: 1\n', ['a']],
      ['a: |+\n  old\n\n', ['a']],
      ['l:\n  - x\n  - |2\n      old\n  - y\n', ['l', 1]],
      ['a: [old, x]\n', ['a', 0]],
    ];
    for (const [text, keyPath] of sources) {
      for (const value of values) {
        roundTrip(text, keyPath, [value]);
        roundTrip(text.replace(/\n/g, '\r\n'), keyPath, [value]);
        roundTrip(text, keyPath, ['<', { placeholder: value || 'x' }, '>']);
      }
    }
  });
});

/** A small seeded generator (mulberry32), so random tests are repeatable. */
function random(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('scalarSource on generated scalars', () => {
  const rnd = random(20240615);
  const pick = <T>(items: readonly T[]): T => pickWith(rnd, items);
  const words = ['a', 'bc', 'é', '🚀', '中文', 'x:y', "it's", '"q"', '\\', '%', '1', 'true'];

  function scalarSource(): string {
    const n = 1 + Math.floor(rnd() * 7);
    const style = pick(['plain', 'single', 'double', 'block']);
    let s = '';
    if (style === 'plain') {
      s = pick(['word', 'x', '中', '🚀']);
      for (let i = 0; i < n; i++)
        s += pick([' ', '\t', '\n  ', '\n\n  ', ' \n   ', '\r\n  ']) + pick(words.filter((w) => !w.includes(':') && w !== '%'));
      return s;
    }
    if (style === 'single') {
      for (let i = 0; i < n; i++) s += pick(['x', "''", ' ', '\t', '\n  ', '\n\n  ', '\r\n  ', '🚀', '"', '\\', '  \n  ']);
      return `'${s}'`;
    }
    if (style === 'double') {
      const atoms = [
        'x',
        '\\n',
        '\\t',
        '\\\\',
        '\\"',
        '\\x41',
        '\\u00e9',
        '\\U0001F600',
        '\\ ',
        '\\\n   ',
        '\\\r\n ',
        ' ',
        '\t',
        '\n  ',
        '\n\n  ',
        '\r\n  ',
        '  \n  ',
        '🚀',
        "'",
        '\\N',
        '\\/',
      ];
      for (let i = 0; i < n; i++) s += pick(atoms);
      return `"${s}"`;
    }
    const indicator = pick([0, 0, 1, 2]);
    s = pick(['|', '>']) + pick(['', '-', '+']) + (indicator ? String(indicator) : '') + pick(['', ' # c']);
    const base = indicator ? 2 + indicator : 2;
    const eol = rnd() < 0.3 ? '\r\n' : '\n';
    let first = true;
    for (let i = 0; i < n; i++) {
      if (rnd() < 0.2) {
        s += eol + pick(['', ' ', '  ', '      ']);
      } else {
        const extra = first && !indicator ? 0 : pick([0, 0, 0, 1, 2]);
        s += eol + ' '.repeat(base + extra) + pick(['', '\t']) + pick(words) + pick(['', ' ', '\t', ` x ${pick(words)}`]);
        first = false;
      }
    }
    return s + pick(['', eol, eol + eol]);
  }

  it('maps every generated scalar that parses, consistently', function () {
    this.timeout(30_000);
    let checked = 0;
    for (let k = 0; k < 2000; k++) {
      const source = scalarSource();
      const text = `a: ${source}${/\n$/.test(source) ? '' : pick(['\n', ' # end\n', ''])}${pick(['', 'b: 1\n', '# tail\n'])}`;
      const doc = parse(text);
      const node = doc.get('a', true);
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      const map = scalarSourceMap(text, node);
      if (doc.errors.length > 0) {
        if (map) assertConsistent(text, node, map);
        continue;
      }
      assert.ok(map, `unmapped: ${JSON.stringify(text)}`);
      assertConsistent(text, node, map);
      checked++;
    }
    assert.ok(checked > 800, `only ${checked} generated scalars parsed`);
  });

  it('renders generated values in every style and position', function () {
    this.timeout(30_000);
    const atoms = [
      'a',
      'word',
      ' ',
      '\t',
      '\n',
      '\n\n',
      ':',
      ': ',
      ' #',
      '#',
      '-',
      '- ',
      ',',
      '[',
      ']',
      '{',
      '}',
      "'",
      '"',
      '\\',
      '$',
      '${1:x}',
      '🚀',
      '中',
      '\x01',
      '\u0085',
      '\u2028',
      '\ufeff',
      '1',
      'true',
      'null',
      '|',
      '>',
      '&',
      '!',
      '%',
      '@',
      '...',
      '\r',
    ];
    const templates: [string, Key[]][] = [
      ['a: S # c\nb: 1\n', ['a']],
      ['a: [x, S, y] # c\n', ['a', 1]],
      ['a: {k: S, j: 2}\n', ['a', 'k']],
      ['a:\n  - S\n  - two\nb: 1\n', ['a', 0]],
      ['a:\n  b:\n    c: S\n# tail\nz: 1\n', ['a', 'b', 'c']],
    ];
    const originals = [
      'old',
      "'old'",
      '"old"',
      '|\n  old\n',
      '>-\n  old\n',
      '|+\n  old\n\n',
      '"two\n  lines"',
      'two\n  lines',
      '|2\n    old\n',
    ];
    for (let k = 0; k < 1500; k++) {
      const [template, keyPath] = pick(templates);
      let original = pick(originals);
      if (/[[{]/.test(template) && /^[|>]/.test(original)) original = "'old'";
      const depth = nth(/( *)[^\n]*S/.exec(template) ?? [], 1).length;
      original = original.replace(/\n {2}/g, `\n  ${' '.repeat(depth + 2)}`);
      let text = template.replace('S', original);
      if (rnd() < 0.3) text = text.replace(/\n/g, '\r\n');
      let value = '';
      for (let i = Math.floor(rnd() * 6); i > 0; i--) value += pick(atoms);
      const parts: TextPart[] = rnd() < 0.3 ? [value.slice(0, 2), { placeholder: pick(atoms) }, value.slice(2)] : [value];
      roundTrip(text, keyPath, parts);
    }
  });
});

/** The corpus of real resumes: BULLETPROOF_CORPUS, or ../shared/corpus/resumes next to the repo. */
function corpusDir(): string {
  if (process.env.BULLETPROOF_CORPUS) return path.resolve(process.env.BULLETPROOF_CORPUS);
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server', 'src'))) {
      return path.resolve(dir, '../shared/corpus/resumes');
    }
    dir = path.dirname(dir);
  }
  return path.resolve(process.cwd(), '../shared/corpus/resumes');
}

describe('scalarSourceMap on the real-resume corpus', () => {
  it('maps (almost) every string scalar exactly, and renders each back', function () {
    this.timeout(120_000);
    const dir = corpusDir();
    if (!fs.existsSync(dir)) this.skip();
    const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    if (files.length === 0) this.skip();
    const options = { schema: 'core', prettyErrors: false, uniqueKeys: true } as const;
    const valuesIn = (docs: readonly Document.Parsed[]): unknown[] => {
      const values: unknown[] = [];
      for (const doc of docs) {
        visit(doc, {
          Scalar(_key, node) {
            values.push(node.value);
          },
        });
      }
      return values;
    };
    const valuesOf = (text: string): unknown[] => {
      const docs = parseAllDocuments(text, options);
      return valuesIn(Array.isArray(docs) ? docs : []);
    };
    let total = 0;
    let unmapped = 0;
    const failures: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const docs = parseAllDocuments(text, options);
      const list = Array.isArray(docs) ? docs : [];
      const edits: { start: number; end: number; newText: string }[] = [];
      for (const doc of list) {
        visit(doc, {
          Scalar(_key, node) {
            if (typeof node.value !== 'string' || !node.range) return;
            total++;
            const map = scalarSourceMap(text, node);
            if (!map) {
              unmapped++;
              failures.push(`${file}@${node.range[0]} ${node.type}`);
            } else {
              assertConsistent(text, node, map);
            }
            const edit = renderScalar(text, node, [node.value]);
            assert.equal(edit.snippet, false);
            edits.push({ ...edit.range, newText: edit.newText });
          },
        });
      }
      if (list.some((doc) => doc.errors.length > 0)) continue;
      // Writing every string back as it is keeps every value (one parse per file).
      edits.sort((x, y) => x.start - y.start);
      const pieces: string[] = [];
      let done = 0;
      for (const edit of edits) {
        assert.ok(edit.start >= done, `${file}: overlapping edits at ${edit.start}`);
        pieces.push(text.slice(done, edit.start), edit.newText);
        done = edit.end;
      }
      pieces.push(text.slice(done));
      assert.deepEqual(valuesOf(pieces.join('')), valuesIn(list), `${file}: values changed after re-rendering`);
    }
    assert.ok(total > 1000, `only ${total} scalars in the corpus`);
    assert.ok(unmapped < total / 100, `${unmapped} of ${total} scalars unmapped: ${failures.slice(0, 10).join(', ')}`);
  });
});
