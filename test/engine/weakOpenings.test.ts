import * as assert from 'node:assert/strict';
import { findForeignOpening, misspeltKeyWord, respellKeyWords } from '../../server/src/engine/weakOpenings';

describe('weakOpenings', () => {
  it('reads a key word one edit away as the word it misspells', () => {
    const cases: [string, string | undefined][] = [
      ['Responsable', 'responsible'],
      ['Respnsible', 'responsible'],
      ['closley', 'closely'],
      ['Helpped', 'helped'],
      ['Assited', 'assisted'],
      ['Responsive', undefined],
      ['Responsibly', undefined],
      ['Forked', undefined],
      ['Talked', undefined],
      ['Helmed', undefined],
      ['Worked', undefined],
      ['Workd', 'worked'],
    ];
    for (const [word, key] of cases) assert.equal(misspeltKeyWord(word), key, word);
  });

  it('maps the respelt text back to the original offsets', () => {
    const respelt = respellKeyWords('Worked closley with QA');
    assert.equal(respelt.text, 'Worked closely with QA');
    // "Worked closely with" ends at 19 in both: the words have the same length.
    assert.equal(respelt.offsets[19], 19);
    const dropped = respellKeyWords('Respnsible for X');
    assert.equal(dropped.text, 'Responsible for X');
    assert.equal(dropped.offsets['Responsible for'.length], 'Respnsible for'.length);
    assert.equal(dropped.offsets.length, dropped.text.length + 1);
  });

  it('finds French, Spanish and German openings, with their language', () => {
    assert.deepEqual(findForeignOpening('Participation à la refonte', 0), { start: 0, end: 15, language: 'fr' });
    assert.deepEqual(findForeignOpening('- Encargado de la migración', 2), { start: 2, end: 14, language: 'es' });
    assert.deepEqual(findForeignOpening('Zuständig für CI/CD', 0), { start: 0, end: 13, language: 'de' });
    assert.deepEqual(findForeignOpening('Responsable de la plateforme et de son astreinte', 0), { start: 0, end: 14, language: 'fr' });
    assert.equal(findForeignOpening('Mitarbeiterportal entwickelt', 0), undefined);
  });
});
