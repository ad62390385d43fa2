import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import type { Finding } from '../../server/src/engine/types';
import { pastTense, pastToPresent, presentToPast } from '../../server/src/engine/verbs';
import { ACTION_VERBS, thirdPerson, verbForm } from '../../server/src/engine/openings';
import rule from '../../server/src/rules/tense';
import { applyFix, findingsOfRule, shape, textAt, workResume } from '../helpers';
import { highlightAt, readResume } from '../fixes/readBack';
import { first, nth, only, take } from '../support/lists';

const find = findingsOfRule(rule);
const phrases = (text: string) => find(text).map((f) => textAt(text, f.range));

/** Applies the finding's fix: that finding is gone, the structure and the comment are kept. */
function fixed(text: string, finding: Finding): string {
  const out = applyFix(text, only(finding.fixes));
  assert.deepEqual(shape(parse(out)), shape(parse(text)));
  assert.ok(out.includes('# keep me'));
  assert.ok(!find(out).some((f) => f.range.start === finding.range.start));
  return out;
}

const ended = (highlights: string[]) => workResume(highlights, 'endDate: 2023-05 # keep me');
const current = (highlights: string[]) => workResume(highlights, 'location: Berlin # keep me');

describe('tense', () => {
  it('flags a present-tense opening in a role that has ended, and conjugates it', () => {
    const text = ended(['Manage the on-call rotation for 12 services', 'Led the ledger migration to PostgreSQL 15']);
    const finding = only(find(text));
    assert.equal(textAt(text, finding.range), 'Manage');
    assert.equal(finding.message, '`Manage` is present tense, but this role has ended: write `Managed`.');
    assert.equal(finding.severity, 'info');
    assert.equal(first(finding.fixes).title, 'Change `Manage` to `Managed`');
    assert.equal(first(finding.fixes).safe, true);
    const out = fixed(text, finding);
    assert.equal(highlightAt(readResume(out), 0), 'Managed the on-call rotation for 12 services');
    assert.deepEqual(find(out), []);
  });

  it('leaves a verb that is the same in both tenses alone, in an ended role and in a current one', () => {
    assert.deepEqual(phrases(ended(['Split a monolith into 5 services', 'Cut deploy time from 2 hours to 12 minutes'])), []);
    assert.deepEqual(phrases(current(['Cut p99 latency from 850 ms to 210 ms', 'Led the ledger migration to PostgreSQL 15'])), []);
  });

  it('conjugates irregular, third-person and coordinated verbs together', () => {
    const text = ended(['Lead a team of 4 backend engineers', 'Writes the payments runbooks', 'Design, build and run the payouts API']);
    assert.deepEqual(phrases(text), ['Lead', 'Writes', 'Design']);
    const findings = find(text);
    assert.equal(highlightAt(readResume(fixed(text, first(findings))), 0), 'Led a team of 4 backend engineers');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 1))), 1), 'Wrote the payments runbooks');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 2))), 2), 'Designed, built and ran the payouts API');
  });

  it('keeps a plain scalar plain and a block scalar a block', () => {
    const text = [
      'work:',
      '  - name: Acme # keep me',
      '    startDate: 2019-01',
      '    endDate: 2022-12',
      '    highlights:',
      '      - Migrate 40 services to Kubernetes',
      '      - >-',
      '        Reduce the AWS bill by 31% by moving',
      '        cold events to S3',
      '',
    ].join('\n');
    const [plain, block] = take(find(text), 2);
    const out1 = fixed(text, plain);
    assert.ok(out1.includes('      - Migrated 40 services to Kubernetes\n'));
    const out2 = fixed(text, block);
    assert.ok(out2.includes('      - >-\n'));
    assert.equal(highlightAt(readResume(out2), 1), 'Reduced the AWS bill by 31% by moving cold events to S3');
  });

  it('in a current role, flags the minority tense, with a suggestion (not a fix)', () => {
    const text = current([
      'Built the ingest pipeline in Go',
      'Cut p95 latency from 900 ms to 150 ms',
      'Reduced pager load by 60%',
      'Own the ledger service',
    ]);
    const finding = only(find(text));
    assert.equal(textAt(text, finding.range), 'Own');
    assert.equal(
      finding.message,
      "`Own` is present tense, but most of this current role's bullets are past tense: pick one tense for the role (`Owned`).",
    );
    assert.deepEqual([first(finding.fixes).safe, first(finding.fixes).isPreferred], [undefined, undefined]);
    assert.equal(highlightAt(readResume(fixed(text, finding)), 3), 'Owned the ledger service');
  });

  it('in a current role, flags past openings when the present is the majority', () => {
    const text = current(['Run the on-call rotation', 'Maintain the billing service', 'Migrated the queue to Kafka']);
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), 'Migrated');
    assert.equal(highlightAt(readResume(fixed(text, finding)), 2), 'Migrate the queue to Kafka');
  });

  it('on a tie in a current role, flags the present-tense openings', () => {
    const text = current(['Shipped the payouts API', 'Maintain the billing service']);
    const finding = first(find(text));
    assert.equal(textAt(text, finding.range), 'Maintain');
    assert.match(finding.message, /half of this current role's bullets are past tense/);
  });

  it('treats "Present" and a future end date as current, and skips undated entries', () => {
    const present = workResume(['Built the ingest pipeline', 'Cut costs by 20%', 'Manage the team'], 'endDate: Present');
    assert.deepEqual(phrases(present), ['Manage']);
    assert.match(first(find(present)).message, /current role/);
    const future = workResume(['Manage the team'], 'endDate: 2027-01');
    assert.deepEqual(find(future), []);
    const undated = 'work:\n  - name: Acme\n    highlights:\n      - Manage the team\n      - Built the API\n';
    assert.deepEqual(find(undated), []);
  });

  it('leaves alone openings that are not verbs, or have one form for both tenses', () => {
    const text = ended([
      'Lead engineer for the billing team',
      'Lead Backend Engineer on the payments squad',
      'Design of the event schema for 40 producers',
      'Support for SEPA payouts in 12 countries',
      'Kubernetes migration of 40 services',
      'Set up Grafana dashboards for every service',
      'Cut cloud spend by 20%',
      // Two nouns joined, not two verbs: "of" follows.
      'Design and launch of the public payments API',
      'Design and rollout of the event schema',
      'Build and release of the mobile SDK',
    ]);
    assert.deepEqual(find(text), []);
  });

  it('in a role that has ended, flags a base form the verb list lacks, with a suggestion', () => {
    const text = ended([
      'Discuss the roadmap with 3 product teams',
      'Localize strings for 12 markets',
      'Answer tickets on the support queue',
      'Localize and ship the Android app',
    ]);
    assert.deepEqual(phrases(text), ['Discuss', 'Localize', 'Answer', 'Localize']);
    const findings = find(text);
    assert.equal(first(findings).message, '`Discuss` is present tense, but this role has ended: write `Discussed`.');
    const fix = first(first(findings).fixes);
    assert.equal(fix.title, 'Change `Discuss` to `Discussed`');
    // A guess is a person's to apply: never `--fix`.
    assert.deepEqual([fix.safe, fix.isPreferred], [undefined, undefined]);
    assert.equal(highlightAt(readResume(fixed(text, first(findings))), 0), 'Discussed the roadmap with 3 product teams');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 1))), 1), 'Localized strings for 12 markets');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 2))), 2), 'Answered tickets on the support queue');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 3))), 3), 'Localized and shipped the Android app');
  });

  it('reads a listed verb behind a hyphenated prefix, and keeps the prefix as written', () => {
    const text = ended(['Co-Lead the payments guild of 12 engineers', 'Re-architect the ledger around an outbox table']);
    assert.deepEqual(phrases(text), ['Co-Lead', 'Re-architect']);
    const [colead, rearchitect] = find(text);
    assert.ok(colead && rearchitect);
    assert.equal(colead.message, '`Co-Lead` is present tense, but this role has ended: write `Co-Led`.');
    assert.equal(first(colead.fixes).safe, true);
    assert.equal(highlightAt(readResume(fixed(text, colead)), 0), 'Co-Led the payments guild of 12 engineers');
    assert.equal(highlightAt(readResume(fixed(text, rearchitect)), 1), 'Re-architected the ledger around an outbox table');
  });

  it('does not guess a verb in a noun, a name, a heading or a past form', () => {
    const text = ended([
      'Dataset reviews for 4 clinical studies',
      'Frontend work for the checkout flow',
      'Internal tools for support agents',
      'React app with a polished UI for 2M users',
      'React Native',
      'Angular 2+',
      'Service Providers',
      'Got a promotion after 1 year',
      'Held a workshop on Kafka for 40 engineers',
      'With the platform team, cut costs by 20%',
      'Still a work in progress',
      'See the blog for the full write-up',
      'Volunteer program for new graduates',
    ]);
    assert.deepEqual(find(text), []);
  });

  it('judges a guessed verb only in a role that has ended: it never tips a current role', () => {
    const text = current(['Discuss the roadmap with 3 product teams', 'Leading a team of 4', 'Built the payouts API']);
    assert.deepEqual(find(text), []);
  });

  it('in a role that has ended, flags an "-ing" opening as ongoing, with a suggestion to write the past', () => {
    const text = ended([
      'Leading a team of 4 backend engineers',
      'Designing and building the payouts API',
      'Managing the team of 6',
      'Testing the ledger against 3 banks',
      // A phrase before the verb, a noun, a heading, or weak-opening's business.
      'Using Go, cut p99 latency by 40%',
      'Monitoring of 40 services',
      'Testing framework for the ledger',
      'Debugging and troubleshooting',
      'Working on the payments API',
    ]);
    assert.deepEqual(phrases(text), ['Leading', 'Designing', 'Managing', 'Testing']);
    const findings = find(text);
    assert.equal(first(findings).message, '`Leading` reads as ongoing, but this role has ended: write `Led`.');
    const fix = first(first(findings).fixes);
    assert.deepEqual([fix.title, fix.safe], ['Change `Leading` to `Led`', undefined]);
    assert.equal(highlightAt(readResume(fixed(text, first(findings))), 0), 'Led a team of 4 backend engineers');
    assert.equal(highlightAt(readResume(fixed(text, nth(findings, 1))), 1), 'Designed and built the payouts API');
  });

  it('does not read summaries, or feature descriptions of a project', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    startDate: 2018-01',
      '    endDate: 2020-01',
      '    summary: Builds payroll software for small businesses.',
      'projects:',
      '  - name: Ledger CLI',
      '    startDate: 2019-01',
      '    endDate: 2019-06',
      '    highlights:',
      '      - Supports CSV and OFX import',
      '      - Implement double-entry validation',
      '',
    ].join('\n');
    assert.deepEqual(phrases(text), ['Implement']);
  });

  it('stays quiet on bullets in other languages', () => {
    const text = ended(['Manage les équipes de la plateforme et des paiements pour les marchands']);
    assert.deepEqual(find(text), []);
  });

  it('has a verb list that verbs.ts conjugates both ways', () => {
    assert.ok(ACTION_VERBS.length >= 280);
    for (const base of ACTION_VERBS) {
      const past = pastTense(base);
      if (!verbForm(base)?.tense) continue; // "set", "cut": one form for both tenses
      assert.equal(pastToPresent(past), base, base);
      assert.equal(presentToPast(thirdPerson(base)), past, base);
      assert.equal(verbForm(past)?.tense, 'past', base);
    }
  });
});

describe('tense in RenderCV', () => {
  const find = findingsOfRule(rule);
  const renderCv = (endDate: string, highlights: string[]) =>
    [
      'cv:',
      '  sections:',
      '    Professional Experience:',
      '      - company: Acme',
      '        position: Engineer',
      '        start_date: 2018-01',
      `        end_date: ${endDate}`,
      '        highlights:',
      ...highlights.map((highlight) => `          - ${JSON.stringify(highlight)}`),
      '',
    ].join('\n');

  it('an ended role (`end_date`): a present-tense opening is flagged, through Markdown bold, and the fix keeps the bold', () => {
    const text = renderCv('2020-01', ['**Manage** the on-call rotation for 4 services']);
    const finding = only(find(text));
    assert.equal(textAt(text, finding.range), 'Manage');
    assert.equal(finding.message, '`Manage` is present tense, but this role has ended: write `Managed`.');
    assert.match(applyFix(text, first(finding.fixes)), /- "\*\*Managed\*\* the on-call rotation for 4 services"/);
  });

  it('`end_date: present` is a current role: a present-tense bullet is not “ended”, a mix is', () => {
    assert.deepEqual(find(renderCv('present', ['Run the on-call rotation for 6 services'])), []);
    const mixed = renderCv('present', [
      'Built a billing service for 2M invoices',
      'Run the on-call rotation for 6 services',
      'Reduced costs by 30%',
    ]);
    assert.deepEqual(
      find(mixed).map((f) => [textAt(mixed, f.range), f.message]),
      [['Run', "`Run` is present tense, but most of this current role's bullets are past tense: pick one tense for the role (`Ran`)."]],
    );
  });
});
