import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import rule from '../../server/src/rules/passive-voice';
import { applyFix, findingsOfRule, shape, textAt, workResume } from '../helpers';
import { highlightAt, readResume, workEntry } from '../fixes/readBack';
import { first, only, take } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string) => find(text).map((f) => textAt(text, f.range));

/** Applies the finding's fix: that finding is gone, the structure and the comment are kept. */
function fixed(text: string, finding: Finding): string {
  const out = applyFix(text, only(finding.fixes));
  assert.deepEqual(shape(parse(out)), shape(parse(text)));
  assert.ok(out.includes('# keep me'));
  assert.equal(find(out).length, find(text).length - 1);
  return out;
}

const resume = (highlights: string[]) => workResume(highlights, '# keep me');

describe('passive-voice', () => {
  it('flags was/were + participle at the start of a bullet, exactly', () => {
    const text = resume([
      'Was responsible for building the payouts API in Go',
      'Was tasked with migrating 40 services to Kubernetes',
      'Were migrated to Aurora with zero downtime',
    ]);
    assert.deepEqual(phrases(text), ['Was responsible', 'Was tasked', 'Were migrated']);
    const opening = first(find(text));
    assert.equal(opening.message, '`Was responsible` is passive: open with what you did (Built, Led, Cut …).');
    assert.equal(opening.severity, 'info');
  });

  it('rewrites "Was responsible for building X" as "Built X"', () => {
    const text = resume(['Was responsible for building the payouts API in Go', 'Was tasked with migrating 40 services to Kubernetes']);
    const [responsible, tasked] = take(find(text), 2);
    assert.equal(first(responsible.fixes).title, 'Rewrite as `Built …`');
    assert.equal(highlightAt(readResume(fixed(text, responsible)), 0), 'Built the payouts API in Go');
    assert.equal(highlightAt(readResume(fixed(text, tasked)), 1), 'Migrated 40 services to Kubernetes');
  });

  it('drops "Was" when there is no action to promote', () => {
    const text = resume(['Was promoted to tech lead after 18 months', 'Was responsible for marketing and sales tooling']);
    const [promoted, responsible] = take(find(text), 2);
    assert.equal(first(promoted.fixes).title, 'Remove `Was`');
    assert.equal(highlightAt(readResume(fixed(text, promoted)), 0), 'Promoted to tech lead after 18 months');
    assert.equal(highlightAt(readResume(fixed(text, responsible)), 1), 'Responsible for marketing and sales tooling');
  });

  it('reads past a leading I, and each sentence of a role summary', () => {
    const text = [
      'work:',
      '  - name: Acme # keep me',
      '    summary: Ran the ledger team. I was responsible for onboarding new hires.',
      '    highlights:',
      '      - I was tasked with the settlement pipeline',
      '',
    ].join('\n');
    assert.deepEqual(phrases(text), ['was responsible', 'was tasked']);
    const [summary, bullet] = take(find(text), 2);
    assert.equal(workEntry(readResume(fixed(text, summary))).summary, 'Ran the ledger team. Onboarded new hires.');
    assert.equal(first(bullet.fixes).title, 'Remove `I was`');
    assert.equal(highlightAt(readResume(fixed(text, bullet)), 0), 'Tasked with the settlement pipeline');
  });

  it('leaves alone passives mid-sentence, non-participles, the profile and other languages', () => {
    const text = [
      'basics:',
      '  summary: I was responsible for payments at two startups.',
      'work:',
      '  - name: Acme',
      '    highlights:',
      '      - Replaced the cron poller that was used by 12 services',
      '      - Was the first backend hire and a team lead',
      '      - Was on call for 40 services and part of the SRE guild',
      '      - Was deployed en los servidores de la empresa para los clientes',
      '',
    ].join('\n');
    assert.deepEqual(find(text), []);
  });
});
