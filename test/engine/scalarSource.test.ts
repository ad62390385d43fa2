import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isScalar, parseAllDocuments, parseDocument, visit } from 'yaml';
import type { Document, Scalar } from 'yaml';
import { renderScalar, type TextPart } from '../../server/src/engine/scalarRender';
import { scalarSourceMap, snippetToPlainText } from '../../server/src/engine/scalarSource';

type Key = string | number;

function parse(text: string): Document.Parsed {
  return parseDocument(text, { schema: 'core', prettyErrors: false });
}

function scalarIn(doc: Document.Parsed, keyPath: readonly Key[]): Scalar {
  const node = doc.getIn(keyPath, true);
  assert.ok(isScalar(node), `no scalar at ${keyPath.join('.')}`);
  return node;
}

/**
 * The property every map must have: one offset per value character plus the
 * end, non-decreasing, inside the scalar's source; each character maps to
 * itself, or (escapes) to a backslash in a double-quoted scalar, or (folds,
 * chomped newlines) a space / newline to a line break.
 */
function assertConsistent(text: string, node: Scalar, map: readonly number[]): void {
  const value = String(node.value);
  const range = node.range!;
  assert.equal(map.length, value.length + 1, 'map length');
  let previous = range[0];
  for (let i = 0; i < map.length; i++) {
    if (!(map[i] >= previous)) assert.fail(`map not monotonic at ${i}: ${map[i]} < ${previous}`);
    if (!(map[i] <= range[1])) assert.fail(`map[${i}] = ${map[i]} past the scalar end ${range[1]}`);
    previous = map[i];
  }
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    const s = text[map[i]];
    if (s === v) continue;
    if (s === '\\' && node.type === 'QUOTE_DOUBLE') continue;
    if ((v === ' ' || v === '\n') && (s === '\n' || s === '\r')) continue;
    // A block scalar's final newline, where its source ends without one.
    if (v === '\n' && map[i] === range[1] && i === value.length - 1 && /BLOCK/.test(node.type ?? '')) continue;
    assert.fail(`value[${i}] ${JSON.stringify(v)} maps to ${map[i]}, source ${JSON.stringify(s)}`);
  }
  // Characters copied from the source map to distinct offsets.
  for (let i = 1; i < value.length; i++) {
    if (text[map[i]] === value[i] && text[map[i - 1]] === value[i - 1] && map[i] === map[i - 1]) {
      // Only an escape or `''` (one source position for one value character) may repeat.
      if (!(text[map[i]] === '\\' || text[map[i]] === "'" || /[\n\r]/.test(text[map[i]]))) assert.fail(`offset ${map[i]} used twice`);
    }
  }
}

/** Parses, maps the scalar at `keyPath`, checks the property, returns the pieces. */
function mapped(text: string, keyPath: readonly Key[] = ['a']): { node: Scalar; value: string; map: number[] } {
  const doc = parse(text);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
  );
  const node = scalarIn(doc, keyPath);
  const map = scalarSourceMap(text, node);
  assert.ok(map, `no map for ${JSON.stringify(text)}`);
  assertConsistent(text, node, map);
  return { node, value: String(node.value), map };
}

/** Offset of the `n`th (0-based) occurrence of `needle` in `text`. */
function at(text: string, needle: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${JSON.stringify(needle)} #${n} not in text`);
  }
  return i;
}

function plainOf(parts: readonly TextPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.placeholder)).join('');
}

/**
 * Every comment's text, sorted: which node `yaml` attaches a comment to can
 * change with the style of the scalar before it, the comments themselves
 * must not.
 */
function commentsOf(doc: Document.Parsed): string[] {
  const out: string[] = [];
  if (doc.commentBefore) out.push(doc.commentBefore);
  if (doc.comment) out.push(doc.comment);
  visit(doc, (_key, node) => {
    const n = node as { commentBefore?: string | null; comment?: string | null };
    if (n.commentBefore) out.push(n.commentBefore);
    if (n.comment) out.push(n.comment);
  });
  return out.flatMap((c) => c.split('\n')).sort();
}

function setIn(value: unknown, keyPath: readonly Key[], next: unknown): unknown {
  if (keyPath.length === 0) return next;
  const [head, ...rest] = keyPath;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = setIn(copy[head as number], rest, next);
    return copy;
  }
  const obj = { ...(value as Record<string, unknown>) };
  obj[head as string] = setIn(obj[head as string], rest, next);
  return obj;
}

/**
 * Applies `renderScalar` (as plain text when it is a snippet), re-parses,
 * and checks the new value, that nothing else changed, and the style.
 */
function roundTrip(
  text: string,
  keyPath: readonly Key[],
  parts: readonly TextPart[],
  style?: Scalar.Type,
): { out: string; newText: string; snippet: boolean } {
  const doc = parse(text);
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    'input parses',
  );
  const node = scalarIn(doc, keyPath);
  const edit = renderScalar(text, node, parts);
  assert.equal(edit.range.start, node.range![0], 'edit starts at the scalar');
  assert.ok(edit.range.end >= edit.range.start);
  const hasPlaceholder = parts.some((p) => typeof p !== 'string');
  assert.equal(edit.snippet, hasPlaceholder);
  const insert = edit.snippet ? snippetToPlainText(edit.newText) : edit.newText;
  const out = text.slice(0, edit.range.start) + insert + text.slice(edit.range.end);
  const doc2 = parse(out);
  assert.deepEqual(
    doc2.errors.map((e) => e.message),
    [],
    `output parses:\n${out}`,
  );
  const node2 = scalarIn(doc2, keyPath);
  const expected = plainOf(parts);
  assert.equal(node2.value, expected, `value after the edit:\n${out}`);
  if (style) assert.equal(node2.type, style, `style after the edit:\n${out}`);
  assert.deepEqual(doc2.toJS(), setIn(doc.toJS(), keyPath, expected), 'the rest of the document is unchanged');
  assert.deepEqual(commentsOf(doc2), commentsOf(doc), 'comments unchanged');
  // The new scalar maps too.
  const map2 = scalarSourceMap(out, node2);
  assert.ok(map2, `the rendered scalar maps:\n${out}`);
  assertConsistent(out, node2, map2);
  return { out, newText: edit.newText, snippet: edit.snippet };
}

describe('scalarSourceMap', () => {
  describe('plain scalars', () => {
    it('maps a one-line scalar character for character, end past the last one', () => {
      const text = 'a: hello world # note\nb: 2\n';
      const { map } = mapped(text);
      assert.deepEqual(map, [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    });

    it('folds a line break and indentation into one space mapped to the break', () => {
      const text = 'a: first line  \n   second line\nb: 1\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'first line second line');
      assert.equal(map[10], at(text, '\n'));
      assert.equal(map[11], at(text, 'second'));
      assert.equal(map[value.length], at(text, '\nb'));
    });

    it('turns empty lines into newlines, taking the breaks in order', () => {
      const text = 'a: x\n\n\n  y\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'x\n\ny');
      assert.deepEqual(map, [3, 4, 5, 9, 10]);
    });

    it('handles CRLF: a \\r\\n is one line break, mapped to its \\r', () => {
      const text = 'a: one\r\n  two\r\n\r\n  three\r\nb: 1\r\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'one two\nthree');
      assert.equal(map[3], at(text, '\r\n'));
      assert.equal(map[7], at(text, '\r\n', 1));
      assert.equal(map[8], at(text, 'three'));
      assert.equal(map[value.length], at(text, 'three') + 5);
    });

    it('keeps tabs inside and drops blanks around folds', () => {
      const text = 'a: x\ty\t\n  \t z\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'x\ty z');
      assert.equal(map[1], 4);
      assert.equal(map[3], at(text, '\n'));
      assert.equal(map[4], at(text, 'z'));
    });

    it('maps surrogate pairs to consecutive offsets, and CJK text', () => {
      const text = 'a: 🚀 上线了 launch\n';
      const { value, map } = mapped(text);
      assert.equal(value, '🚀 上线了 launch');
      assert.deepEqual(map.slice(0, 4), [3, 4, 5, 6]);
      assert.equal(map[value.indexOf('launch')], at(text, 'launch'));
    });

    it('maps sequence items and keys', () => {
      const text = '- first item\n- second\n  item  # c\n';
      const { value, map } = mapped(text, [1]);
      assert.equal(value, 'second item');
      assert.equal(map[6], at(text, '\n  item'));
      assert.equal(map[value.length], at(text, 'item  #') + 4);
      const doc = parse('key one: v\n');
      const key = (doc.contents as { items: { key: Scalar }[] }).items[0].key;
      assert.deepEqual(scalarSourceMap('key one: v\n', key), [0, 1, 2, 3, 4, 5, 6, 7]);
    });

    it('maps a scalar inside a flow collection', () => {
      const text = 'a: [x, long one, "q"]\n';
      const { value, map } = mapped(text, ['a', 1]);
      assert.equal(value, 'long one');
      assert.equal(map[0], at(text, 'long'));
    });
  });

  describe('single-quoted scalars', () => {
    it("maps '' to its first quote", () => {
      const text = "a: 'it''s ok'\n";
      const { value, map } = mapped(text);
      assert.equal(value, "it's ok");
      assert.deepEqual(map, [4, 5, 6, 8, 9, 10, 11, 12]);
    });

    it('keeps blanks at the ends of a one-line scalar, folds multi-line ones', () => {
      assert.equal(mapped("a: '  x  '\n").value, '  x  ');
      const text = "a: '  first  \n    second\n\n    ''third''  '\n";
      const { value, map } = mapped(text);
      assert.equal(value, "  first second\n'third'  ");
      assert.equal(map[0], 4);
      assert.equal(map[7], at(text, '\n'));
      assert.equal(map[14], at(text, '\n', 1));
      assert.equal(map[15], at(text, "''third"));
      assert.equal(map[value.length], text.lastIndexOf("'"));
    });

    it('handles CRLF, tabs and emoji', () => {
      const text = "a: 'tab\there\r\n  😀 end'\r\n";
      const { value, map } = mapped(text);
      assert.equal(value, 'tab\there 😀 end');
      assert.equal(map[8], at(text, '\r\n'));
      assert.equal(map[9], at(text, '😀'));
      assert.equal(map[10], at(text, '😀') + 1);
    });

    it('maps an empty scalar to its content start', () => {
      const { value, map } = mapped("a: ''\n");
      assert.equal(value, '');
      assert.deepEqual(map, [4]);
    });
  });

  describe('double-quoted scalars', () => {
    it('maps every escape to its backslash', () => {
      const body = String.raw`\n\t\\\"\/\0\a\b\e\f\r\v\N\_\L\P\x41\u00e9\U0001F600\ \	x`;
      const text = `a: "${body}"\n`;
      const { value, map } = mapped(text);
      assert.equal(value, '\n\t\\"/\0\x07\b\x1b\f\r\v\u0085\u00a0\u2028\u2029A\u00e9\u{1F600} \tx');
      // Escapes in order; the \U escape gives two code units at one backslash.
      const starts = [4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 40, 46, 46, 56, 58];
      assert.deepEqual(map.slice(0, starts.length), starts);
      for (const s of starts) assert.equal(text[s], '\\');
      assert.equal(map[starts.length], at(text, 'x"'));
      assert.equal(map[value.length], at(text, 'x"') + 1);
    });

    it('skips escaped line breaks and trims the next line', () => {
      const text = 'a: "abc\\\n     def"\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'abcdef');
      assert.equal(map[3], at(text, 'def'));
    });

    it('folds line breaks and drops blanks before them', () => {
      const text = 'a: "one  \n   two\n\n\n   three"\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'one two\n\nthree');
      assert.equal(map[3], at(text, '\n'));
      assert.equal(map[7], at(text, '\n', 1));
      assert.equal(map[8], at(text, '\n', 2));
      assert.equal(map[9], at(text, 'three'));
    });

    it('keeps an escaped blank before a line break', () => {
      const text = 'a: "a\\t\n  b"\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'a\t b');
      assert.deepEqual(map, [4, 5, 7, 10, 11]);
    });

    it('handles CRLF folds and escaped CRLF breaks', () => {
      const text = 'a: "one\r\n  two\\\r\n  three\r\n\r\n  four"\r\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'one twothree\nfour');
      assert.equal(map[3], at(text, '\r\n'));
      assert.equal(map[7], at(text, 'three'));
      assert.equal(map[12], at(text, '\r\n', 2));
      assert.equal(map[13], at(text, 'four'));
    });

    it('maps literal emoji and CJK character for character', () => {
      const text = 'a: "日本語 👍🏽 ok"\n';
      const { value, map } = mapped(text);
      assert.equal(value, '日本語 👍🏽 ok');
      for (let i = 0; i < value.length; i++) assert.equal(map[i], 4 + i);
    });
  });

  describe('literal block scalars', () => {
    it('maps lines, and the clipped final newline to its break', () => {
      const text = 'a: |\n  line one\n  line two\n\n\nb: 1\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'line one\nline two\n');
      assert.equal(map[0], at(text, 'line one'));
      assert.equal(map[8], at(text, '\n  line two'));
      assert.equal(map[17], at(text, '\n\n\n'));
      assert.equal(map[18], at(text, '\n\n\n') + 1);
    });

    it('strips with - and keeps trailing lines with +', () => {
      assert.equal(mapped('a: |-\n  x\n\nb: 1\n').value, 'x');
      const text = 'a: |+\n  x\n\n\nb: 1\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'x\n\n\n');
      assert.deepEqual(map, [8, 9, 10, 11, 12]);
    });

    it('honours an indentation indicator and more-indented lines', () => {
      const text = 'a: |2-\n     indented\n    less\n      more\n';
      const { value, map } = mapped(text);
      assert.equal(value, '   indented\n  less\n    more');
      assert.equal(map[0], at(text, '   indented'));
      assert.equal(map[3], at(text, 'indented'));
      const nested = '- k: |1\n     x\n  j: 2\n';
      assert.equal(mapped(nested, [0, 'k']).value, '  x\n');
    });

    it('keeps leading empty lines and a header comment out of the value', () => {
      const text = 'a: |  # note\n\n\n  body\n# after\nb: 1\n';
      const { value, map } = mapped(text);
      assert.equal(value, '\n\nbody\n');
      assert.equal(map[0], at(text, '\n\n\n') + 1);
      assert.equal(map[1], at(text, '\n\n\n') + 2);
      assert.equal(map[2], at(text, 'body'));
    });

    it('handles CRLF, tabs, emoji and a missing final newline', () => {
      const text = 'a: |\r\n  tab\there 🎉\r\n  中文\r\n\r\nb: 1\r\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'tab\there 🎉\n中文\n');
      assert.equal(map[11], at(text, '\r\n', 1));
      assert.equal(map[12], at(text, '中文'));
      assert.equal(map[14], at(text, '\r\n', 2));
      assert.equal(map[15], at(text, '\r\n', 2) + 2);
      const eof = 'a: |\n  x';
      assert.deepEqual(mapped(eof).map, [7, 8, 8]);
      assert.equal(mapped('a: |+\n  x').value, 'x\n');
    });

    it('maps block scalars in sequences', () => {
      const text = 'items:\n  - |\n    first\n  - |-\n      second\n';
      assert.equal(mapped(text, ['items', 0]).value, 'first\n');
      const { value, map } = mapped(text, ['items', 1]);
      assert.equal(value, 'second');
      assert.equal(map[0], at(text, 'second'));
    });

    it('maps an empty block scalar', () => {
      assert.deepEqual(mapped('a: |\nb: 1\n').map, [5]);
      assert.equal(mapped('a: |+\n\n\nb: 1\n').value, '\n\n');
    });
  });

  describe('folded block scalars', () => {
    it('folds lines into spaces and empty lines into newlines', () => {
      const text = 'a: >\n  one\n  two\n\n  three\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'one two\nthree\n');
      assert.equal(map[3], at(text, '\n  two'));
      assert.equal(map[7], at(text, '\n\n'));
      assert.equal(map[8], at(text, 'three'));
      assert.equal(map[13], text.length - 1);
    });

    it('keeps more-indented lines and their breaks', () => {
      const text = 'a: >-\n  para\n\n    code\n  end\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'para\n\n  code\nend');
      assert.equal(map[4], at(text, '\n\n'));
      assert.equal(map[5], at(text, '\n\n') + 1);
      assert.equal(map[6], at(text, '  code'));
      assert.equal(map[12], at(text, '\n  end'));
    });

    it('treats a tab-started line as more indented', () => {
      assert.equal(mapped('a: >\n  x\n  \ty\n  z\n').value, 'x\n\ty\nz\n');
    });

    it('handles indicators, keep chomping and CRLF', () => {
      assert.equal(mapped('a: >2+\n    x\n   y\n\n').value, '  x\n y\n\n');
      const text = 'a: >\r\n  one\r\n  two\r\n\r\n  three\r\nb: 1\r\n';
      const { value, map } = mapped(text);
      assert.equal(value, 'one two\nthree\n');
      assert.equal(map[3], at(text, '\r\n', 1));
      assert.equal(map[7], at(text, '\r\n', 2));
    });
  });

  describe('robustness', () => {
    it('returns undefined for non-strings, stale nodes and missing ranges', () => {
      const doc = parse('a: 42\nb: text\n');
      assert.equal(scalarSourceMap('a: 42\nb: text\n', scalarIn(doc, ['a'])), undefined);
      const b = scalarIn(doc, ['b']);
      assert.equal(scalarSourceMap('a: 42\nb: tExt\n', b), undefined);
      assert.equal(scalarSourceMap('short', b), undefined);
      const copy = b.clone() as Scalar;
      copy.range = undefined;
      assert.equal(scalarSourceMap('a: 42\nb: text\n', copy), undefined);
    });

    it('never throws on broken input', () => {
      for (const text of ['a: "unterminated\n', "a: 'x\n", 'a: |0\n  x\n', 'a: "\\x4"\n', 'a: "\\q"\n', 'a: |\n  x\n y\n']) {
        const docs = parseAllDocuments(text);
        for (const doc of Array.isArray(docs) ? docs : []) {
          visit(doc, {
            Scalar(_key, node) {
              const map = scalarSourceMap(text, node);
              if (map) assertConsistent(text, node, map);
            },
          });
        }
      }
    });
  });
});

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
    const key = (parse(keyText).contents as { items: { key: Scalar }[] }).items[0].key;
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

describe('snippetToPlainText', () => {
  it('turns tab stops into their default text and removes escapes', () => {
    assert.equal(snippetToPlainText('Cut by ${1:‹N›}% \\$5 \\} \\\\'), 'Cut by ‹N›% $5 } \\');
    assert.equal(snippetToPlainText('a$1b${2}c$0'), 'abc');
    assert.equal(snippetToPlainText('${1:outer ${2:inner} text}'), 'outer inner text');
    assert.equal(snippetToPlainText('${1|one,two|}'), 'one');
    assert.equal(snippetToPlainText('${1:a\\}b}'), 'a}b');
  });

  it('keeps malformed syntax as text', () => {
    assert.equal(snippetToPlainText('${1:unterminated'), '${1:unterminated');
    assert.equal(snippetToPlainText('cost $ 5 and ${'), 'cost $ 5 and ${');
    assert.equal(snippetToPlainText('trailing \\'), 'trailing \\');
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
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
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
      const depth = /( *)[^\n]*S/.exec(template)![1].length;
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
