/** Outline (document symbols), folding ranges and hover, from the document model. */
import * as assert from 'node:assert/strict';
import { parseResume } from '../../server/src/engine/document';
import { foldingRanges, outline, type OutlineItem } from '../../server/src/engine/features/outline';
import { hoverAt } from '../../server/src/engine/features/hover';
import { describe as schemaDescription, schemaAt } from '../../server/src/engine/schema/schemaInfo';
import { textAt } from '../helpers';
import { first, nth } from '../support/lists';

const TEXT = [
  'basics:',
  '  name: Sam Lee',
  '  email: sam@example.com',
  'work:',
  '  - name: Acme',
  '    position: Backend Engineer',
  '    highlights:',
  '      - Built X',
  '      - Built Y',
  '  - position: Intern',
  '  - {}',
  'education:',
  '  - institution: State University',
  '    studyType: Bachelor',
  '    area: Computer Science',
  'skills:',
  '  - name: Data',
  '    keywords: [SQL, Redis]',
  'hobbies: chess',
  '',
].join('\n');

function names(items: OutlineItem[]): unknown[] {
  return items.map((item) => (item.children.length ? [item.name, names(item.children)] : item.name));
}

describe('outline', () => {
  const model = parseResume(TEXT);
  const items = outline(model);

  it('sections by title, entries as "Company — Position"', () => {
    assert.deepEqual(names(items), [
      'Basics',
      ['Work', ['Acme — Backend Engineer', 'Intern', 'Entry 3']],
      ['Education', ['State University — Bachelor']],
      ['Skills', ['Data']],
      'hobbies',
    ]);
  });

  it('Basics shows the person’s name as its detail', () => {
    assert.equal(first(items).detail, 'Sam Lee');
  });

  it('a section runs from its key to the end of its value; its key is the selection', () => {
    const work = nth(items, 1);
    assert.equal(textAt(TEXT, work.selectionRange), 'work');
    assert.equal(work.range.start, TEXT.indexOf('work:'));
    assert.equal(work.range.end, TEXT.indexOf('education:'));
    assert.equal(work.kind, 'section');
  });

  it('an entry covers its mapping', () => {
    const acme = first(nth(items, 1).children);
    assert.equal(acme.kind, 'entry');
    assert.equal(
      textAt(TEXT, acme.range),
      'name: Acme\n    position: Backend Engineer\n    highlights:\n      - Built X\n      - Built Y\n',
    );
  });

  it('a document that is not a mapping has no outline', () => {
    assert.deepEqual(outline(parseResume('- a\n- b\n')), []);
    assert.deepEqual(outline(parseResume('')), []);
  });

  it('a broken document still has an outline for what parsed', () => {
    const broken = outline(parseResume('basics:\n  name: Sam\nwork:\n  - name: Acme\n    position: "Eng\n'));
    assert.deepEqual(
      broken.map((item) => item.name),
      ['Basics', 'Work'],
    );
  });
});

describe('folding ranges', () => {
  const model = parseResume(TEXT);
  const folds = foldingRanges(model).map((range) => textAt(TEXT, range));

  it('each section folds from its key', () => {
    assert.ok(folds.includes('basics:\n  name: Sam Lee\n  email: sam@example.com\n'));
    assert.ok(folds.some((fold) => fold.startsWith('work:\n') && fold.endsWith('  - {}\n')));
    assert.ok(folds.some((fold) => fold.startsWith('education:\n')));
  });

  it('entries and bullet lists fold too', () => {
    assert.ok(folds.includes('highlights:\n      - Built X\n      - Built Y\n'));
    assert.ok(folds.includes('institution: State University\n    studyType: Bachelor\n    area: Computer Science\n'));
  });

  it('flow collections and scalars do not fold', () => {
    assert.ok(!folds.some((fold) => fold.startsWith('keywords')));
    assert.ok(!folds.some((fold) => fold.startsWith('[SQL')));
    assert.ok(!folds.some((fold) => fold.startsWith('hobbies')));
    assert.ok(!folds.includes('{}'));
  });
});

describe('hover', () => {
  const model = parseResume(TEXT);

  it('on the first key: how the file is read, then the key’s title, path and description', () => {
    const hover = hoverAt(model, TEXT.indexOf('basics') + 2);
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: 0, end: 'basics'.length });
    assert.equal(
      hover.markdown,
      `Bulletproof: read as JSON Resume (detected from \`basics\`)\n\n**Basics** (\`basics\`)\n\n${schemaDescription(schemaAt(['basics']))}`,
    );
  });

  it('on a key inside a list entry: the path names the entry', () => {
    const at = TEXT.indexOf('position: Backend');
    const hover = hoverAt(model, at + 3);
    assert.ok(hover);
    assert.equal(textAt(TEXT, hover.range), 'position');
    assert.match(hover.markdown, /`work\[0\]\.position`/);
    assert.ok(hover.markdown.endsWith(schemaDescription(schemaAt(['work', 0, 'position'])) ?? '(none)'));
  });

  it('at either edge of the key', () => {
    const start = TEXT.indexOf('email');
    assert.ok(hoverAt(model, start));
    assert.ok(hoverAt(model, start + 'email'.length));
  });

  it('nothing on a value, on an unknown key, or on blank space', () => {
    assert.equal(hoverAt(model, TEXT.indexOf('Sam Lee') + 2), undefined);
    assert.equal(hoverAt(model, TEXT.indexOf('hobbies') + 2), undefined);
    assert.equal(hoverAt(model, TEXT.indexOf('  - name: Acme') + 1), undefined);
  });
});
