import * as assert from 'node:assert/strict';
import { proseToRaw, toProse } from '../../server/src/engine/prose';
import tense from '../../server/src/rules/tense';
import firstPerson from '../../server/src/rules/first-person';
import showTheWhy from '../../server/src/rules/show-the-why';
import { applyFix, findingsOfRule, textAt, workResume } from '../helpers';
import { highlightAt, readResume } from '../fixes/readBack';
import { first, only } from '../support/lists';

/** The raw text each prose character maps back to, checked against the character itself. */
function assertMapsBack(raw: string): void {
  const prose = toProse(raw);
  assert.equal(prose.offsets.length, prose.text.length + 1);
  for (let i = 0; i < prose.text.length; i++) {
    const { start, end } = proseToRaw(prose, i, i + 1);
    assert.ok(start < end && end <= raw.length, `${i} in ${raw}`);
    const source = raw.slice(start, end);
    if (!source.startsWith('&') && !source.startsWith('<')) assert.equal(source, prose.text[i], `${i} in ${raw}`);
  }
}

describe('prose: HTML read as a browser shows it', () => {
  const cases: [string, string][] = [
    ['Built <a href="https://x.io"target="_blank">the ledger API</a> in Go', 'Built the ledger API in Go'],
    ['Built <a style="color:red;"href="https://x.io">the ledger API</a>', 'Built the ledger API'],
    ['Built <a title="p99 > 2 s" href=\'x\'>the ledger API</a>', 'Built the ledger API'],
    ['Built <a\nhref="x"\ntarget="_blank">the ledger API</a>', 'Built the ledger API'],
    ['Built <b>fast</b> &amp; safe&nbsp;APIs &#8212; R&D at AT&T &#x2192; done', 'Built fast & safe APIs — R&D at AT&T → done'],
    ['Cut p99 &lt;50 ms<!-- was 80 -->, on <https://x.io>', 'Cut p99 <50 ms, on '],
    ['Led X<br>Built Y</li><li>Ran Z<br/> W', 'Led X Built Y Ran Z W'],
    // Not HTML elements: text the author meant to be read.
    ['Typed List<String> and Map<K, V> in <Redis> & a < b > c', 'Typed List<String> and Map<K, V> in <Redis> & a < b > c'],
    // Unclosed, or an unknown entity: shown as written.
    ['Wrote <a href="x the docs &foo; today', 'Wrote <a href="x the docs &foo; today'],
  ];
  for (const [raw, text] of cases) {
    it(JSON.stringify(raw), () => {
      assert.equal(toProse(raw).text, text);
      assertMapsBack(raw);
    });
  }

  it('maps a range that ends on an entity past the whole entity', () => {
    const raw = 'Built R&amp;D tools';
    const prose = toProse(raw);
    const at = prose.text.indexOf('R&D');
    assert.deepEqual(proseToRaw(prose, at, at + 3), { start: 6, end: 13 });
    assert.equal(raw.slice(6, 13), 'R&amp;D');
    assert.deepEqual(proseToRaw(prose, at + 1, at + 2), { start: 7, end: 12 });
  });

  it('leaves text without markup as it is, mapped one to one', () => {
    const prose = toProse('Built the ledger API');
    assert.equal(prose.text, 'Built the ledger API');
    assert.deepEqual(proseToRaw(prose, 6, 9), { start: 6, end: 9 });
  });

  it('reads a wall of unclosed tags as the text it is', () => {
    const raw = '<a href="'.repeat(20_000);
    assert.equal(toProse(raw).text, raw);
  });
});

describe('prose: findings land on the source characters through HTML', () => {
  const ended = (highlights: string[]) => workResume(highlights, 'endDate: 2023-05');

  it('tense underlines and conjugates the verb inside a tag whose attributes run together', () => {
    const bullet = '<a href="https://x.io"target="_blank">Manage</a> the on-call rotation &amp; runbooks';
    const text = ended([bullet]);
    const finding = only(findingsOfRule(tense)(text));
    assert.equal(textAt(text, finding.range), 'Manage');
    const out = applyFix(text, first(finding.fixes));
    assert.equal(highlightAt(readResume(out), 0), bullet.replace('>Manage<', '>Managed<'));
  });

  it('first-person underlines the pronoun after entities and tags', () => {
    const text = workResume(['Shipped R&amp;D&nbsp;tools <b>for</b> our data team']);
    const finding = only(findingsOfRule(firstPerson)(text));
    assert.equal(textAt(text, finding.range), 'our');
  });

  it('show-the-why underlines a clause that runs through a link', () => {
    const text = workResume(['Migrated the <a href="x"target="_blank">session store</a> to Redis']);
    const finding = only(findingsOfRule(showTheWhy)(text));
    assert.equal(textAt(text, finding.range), 'Migrated the <a href=\\"x\\"target=\\"_blank\\">session store</a> to Redis');
  });
});
