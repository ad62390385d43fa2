import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import rule from '../../server/src/rules/filler';
import { applyFix, findingsOfRule, shape, textAt, workResume } from '../helpers';
import { highlightAt, readResume, workEntry } from '../fixes/readBack';
import { first, nth, only, take } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string) => find(text).map((f) => textAt(text, f.range));

/** The resume's structure without its wording: the keys, recursively. */
/**
 * Applies the finding's only fix, a suggestion (a word can carry meaning:
 * "several" says more than one), and checks the result: finding gone, same
 * structure, comment kept.
 */
function fixed(text: string, finding: Finding): string {
  assert.deepEqual([only(finding.fixes).safe, first(finding.fixes).isPreferred], [undefined, undefined]);
  const out = applyFix(text, first(finding.fixes));
  assert.deepEqual(shape(parse(out)), shape(parse(text)));
  assert.ok(!find(out).some((f) => f.message === finding.message && textAt(out, f.range) === textAt(text, finding.range)));
  if (text.includes('# keep me')) assert.ok(out.includes('# keep me'));
  return out;
}

describe('filler', () => {
  it('flags intensifiers, vague quantities and buzzwords with exact ranges', () => {
    const text = workResume([
      'Successfully migrated 40 services to Kubernetes',
      'Tuned various PostgreSQL queries, cutting p95 from 900 ms to 150 ms',
      'Hard-working, detail-oriented team player who thinks outside the box',
    ]);
    assert.deepEqual(phrases(text), [
      'Successfully',
      'various',
      'Hard-working',
      'detail-oriented',
      'team player',
      'thinks outside the box',
    ]);
    const [successfully, various, hardWorking, , teamPlayer] = take(find(text), 5);
    assert.equal(successfully.message, '`Successfully` is filler: cut it and let the result show how well it went.');
    assert.equal(successfully.severity, 'info');
    assert.equal(various.message, '`various` is vague: give the number, or cut it.');
    assert.equal(hardWorking.message, '`Hard-working` is a buzzword reviewers skip: show it with something you did instead.');
    assert.deepEqual(teamPlayer.fixes, []);
  });

  it('flags every listed buzzword, spelled with or without a hyphen', () => {
    const text = workResume([
      'Results driven go-getter creating synergy across squads',
      'Passionate engineer who likes to think outside the box',
      'Made the very slow nightly export effectively instant with several indexes',
    ]);
    assert.deepEqual(phrases(text), [
      'Results driven',
      'go-getter',
      'synergy',
      'Passionate',
      'think outside the box',
      'very',
      'effectively',
      'several',
    ]);
    assert.equal(nth(find(text), 5).message, '`very` is an empty intensifier: cut it, or say how much with a number.');
  });

  it('removes a leading intensifier and capitalises the next word', () => {
    const text = workResume(['Successfully delivered the payouts API, handling 4M requests/day']).replace('work:', 'work: # keep me');
    const out = fixed(text, first(find(text)));
    assert.deepEqual(workEntry(readResume(out)).highlights, ['Delivered the payouts API, handling 4M requests/day']);
  });

  it('removes a word mid-sentence with its space, in a plain scalar', () => {
    const text = [
      'work:',
      '  - name: Acme # keep me',
      '    highlights:',
      '      - Fixed several race conditions in the ledger writer',
      '',
    ].join('\n');
    const out = fixed(text, first(find(text)));
    assert.equal(highlightAt(readResume(out), 0), 'Fixed race conditions in the ledger writer');
    assert.ok(out.includes('      - Fixed race conditions in the ledger writer\n'));
  });

  it('keeps a folded block scalar valid', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    highlights:',
      '      # keep me',
      '      - >-',
      '        Reduced the monthly AWS bill by 31% by very carefully',
      '        moving cold events to S3',
      '',
    ].join('\n');
    const out = fixed(text, first(find(text)));
    assert.equal(highlightAt(readResume(out), 0), 'Reduced the monthly AWS bill by 31% by carefully moving cold events to S3');
  });

  it('removes an adjective before a noun in the summary', () => {
    const text = 'basics:\n  name: Dana # keep me\n  summary: Results-driven engineer with eight years in payments.\n';
    const out = fixed(text, first(find(text)));
    assert.equal(readResume(out).basics.summary, 'Engineer with eight years in payments.');
  });

  it('offers no fix where removing the word would break the sentence', () => {
    const text = workResume([
      'Passionate about reliability, led the on-call rewrite',
      'A results-driven engineer who cut costs by 20%',
      'Mentored several of the new hires on Go',
      'Scaled the ingest to several hundred thousand events per second',
      'Communicated the incident very effectively.',
      'Shipped the **successfully** tested release',
    ]);
    const findings = find(text);
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['Passionate', 'results-driven', 'several', 'several', 'very', 'effectively', 'successfully'],
    );
    // `very` can go ("Communicated the incident effectively."), nothing else can.
    assert.deepEqual(
      findings.map((f) => f.fixes.length),
      [0, 0, 0, 0, 1, 0, 0],
    );
  });

  it('leaves longer words and other languages alone', () => {
    const text = workResume([
      'Packed various-sized payloads cost-effectively into one Kafka topic',
      'Built the Severalnines backup integration for MySQL',
      'Développé une API de paiement pour les marchands, very stable',
    ]);
    assert.deepEqual(find(text), []);
  });
});
