import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bulletId } from '../../server/src/engine/model';
import { pageDocument } from '../../server/src/engine/page/pageDoc';
import { plainText } from '../../server/src/engine/page/markdown';
import type { PageDoc } from '../../server/src/engine/page/types';
import { lintText } from '../helpers';
import { printedBullets } from './support';

const EXAMPLES = ['backend.resume.yaml', 'backend.resume.json', 'backend_CV.yaml', 'backend.yamlresume.yaml'];

function docOf(text: string, fileName?: string): PageDoc {
  const built = pageDocument(lintText(text, { fileName }).model);
  assert.ok(built.ok, built.ok ? '' : built.message);
  return built.doc;
}

describe('page: the model as the page prints it', () => {
  for (const name of EXAMPLES) {
    it(`prints every bullet of ${name} once, under standard headings, tied to its model bullet`, () => {
      const text = readFileSync(join('examples', name), 'utf8');
      const { model } = lintText(text, { fileName: name });
      const doc = docOf(text, name);
      assert.equal(doc.name, 'Alex Rivera');
      assert.equal(doc.email, 'alex.rivera@example.com');
      assert.deepEqual(
        doc.sections.map((section) => section.title).filter((title) => ['Experience', 'Education', 'Skills'].includes(title)),
        ['Experience', 'Education', 'Skills'],
      );
      const printed = printedBullets(doc).filter((bullet) => bullet.id !== undefined);
      // The same resume in every layout: its ten bullets (YAMLResume's list items; the text before a list prints as a paragraph).
      assert.equal(printed.length, 10);
      assert.equal(new Set(printed.map((bullet) => bullet.id)).size, 10);
      for (const bullet of model.bullets.filter((candidate) => candidate.kind === 'highlight'))
        assert.ok(
          printed.some((candidate) => candidate.id === bulletId(bullet)),
          bulletId(bullet),
        );
      for (const bullet of printed) {
        const source = model.bullets.find((candidate) => bulletId(candidate) === bullet.id)!;
        assert.equal(plainText(bullet.spans), source.text.trim());
      }
    });
  }

  it('writes dates as a reader does, an open end as Present', () => {
    const doc = docOf(
      'work:\n  - name: Acme\n    position: Engineer\n    startDate: 2019-03\n    endDate: 2021\n  - name: Beta\n    startDate: "2022-11-02"\n',
    );
    const entries = doc.sections[0]!.blocks.map((block) => (block.kind === 'entry' ? block.entry.dates : undefined));
    assert.deepEqual(entries, ['Mar 2019 – 2021', 'Nov 2022 – Present']);
  });

  it('ties two bullets with the same text to their own model bullets, in order', () => {
    const doc = docOf('work:\n  - name: A\n    highlights: [Same text here]\n  - name: B\n    highlights: [Same text here]\n');
    assert.deepEqual(
      printedBullets(doc).map((bullet) => bullet.id),
      ['work[0].highlights[0]', 'work[1].highlights[0]'],
    );
  });

  it('prints wrong types as nothing rather than failing', () => {
    const doc = docOf('basics: [1, 2]\nwork: {name: x}\neducation:\n  - 42\n  - institution: [MIT]\nskills: "Go"\n');
    assert.equal(doc.name, '');
    assert.deepEqual(doc.sections, []);
  });

  it('says why a file with broken syntax cannot be printed', () => {
    const built = pageDocument(lintText('work:\n  - name: "Acme\n').model);
    assert.deepEqual(built, { ok: false, message: 'the file has syntax errors: fix them and render again' });
  });

  it('carries control characters as spaces and a lone surrogate as the replacement character', () => {
    const doc = docOf(`basics:\n  name: "A\\u0007B \\uD800C"\n`);
    assert.equal(doc.name, 'A B \uFFFDC');
  });
});
