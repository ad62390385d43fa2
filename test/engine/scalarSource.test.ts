/** Mapping a scalar's value back to its source: every style, and snippets as plain text. */
import * as assert from 'node:assert/strict';
import { parseAllDocuments, visit } from 'yaml';
import type { Scalar } from 'yaml';
import { scalarSourceMap, snippetToPlainText } from '../../server/src/engine/scalarSource';
import { first } from '../support/lists';
import { assertConsistent, at, mapped, parse, scalarIn } from './scalarSupport';

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
      const key = first((doc.contents as { items: { key: Scalar }[] }).items).key;
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
