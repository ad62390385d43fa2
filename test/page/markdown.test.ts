import * as assert from 'node:assert/strict';
import { inlineSpans, markdownBlocks, plainText } from '../../server/src/engine/page/markdown';

describe('page: Markdown in resume text', () => {
  it('reads bold, italic, links and code, and keeps every other character', () => {
    assert.deepEqual(inlineSpans('**Cut** p99 by *half* with [Redis](https://redis.io) and `EXPLAIN`'), [
      { text: 'Cut', bold: true },
      { text: ' p99 by ' },
      { text: 'half', italic: true },
      { text: ' with ' },
      { text: 'Redis', href: 'https://redis.io' },
      { text: ' and EXPLAIN' },
    ]);
  });

  it('leaves snake_case, lone stars and spaced markers as text', () => {
    for (const text of ['ran snake_case_name jobs', '5 * 3 = 15', 'rated 4.5* by users', '** not bold**', '[not a link] (x)']) {
      assert.deepEqual(inlineSpans(text), [{ text }], text);
    }
  });

  it('reads __bold__ and _italic_ between words, and prints backslashes as written', () => {
    assert.deepEqual(inlineSpans('__big__ and _small_ C:\\dir \\n'), [
      { text: 'big', bold: true },
      { text: ' and ' },
      { text: 'small', italic: true },
      { text: ' C:\\dir \\n' },
    ]);
  });

  it('nests emphasis inside a link', () => {
    const spans = inlineSpans('[**Acme** Pay](https://acme.example)');
    assert.deepEqual(spans, [
      { text: 'Acme', bold: true, href: 'https://acme.example' },
      { text: ' Pay', href: 'https://acme.example' },
    ]);
    assert.equal(plainText(spans), 'Acme Pay');
  });

  it('splits a summary into paragraphs and list items', () => {
    assert.deepEqual(markdownBlocks('Backend engineer.\nGo and Java.\n\n- Built X\n  across teams\n* Led Y\n'), [
      { kind: 'paragraph', text: 'Backend engineer. Go and Java.' },
      { kind: 'item', text: 'Built X across teams' },
      { kind: 'item', text: 'Led Y' },
    ]);
  });
});
