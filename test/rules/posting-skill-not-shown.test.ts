import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/posting-skill-not-shown';
import { findingsOf, textAt } from '../helpers';
import { applyFix, examplePosting, exampleResume, markdownPosting } from '../engine/posting/support';
import { first } from '../support/lists';

const ID = 'posting-skill-not-shown';
const POSTING = markdownPosting(
  ['# Backend Engineer', '', '## Requirements', '- Kafka in production', '- Observability: tracing, alerting', '- Docker'].join('\n'),
);

const RESUME = `work:
  - name: Parcelly
    position: Backend Engineer
    startDate: 2020-02
    highlights:
      - Moved settlement from nightly batches to an event-driven service, so merchants see funds in minutes
      - Added OpenTelemetry traces to 9 services, cutting time to find a slow hop from hours to minutes
skills:
  - name: Architecture
    keywords: [Kafka, event-driven architecture]
  - name: Reliability
    keywords: [tracing, observability, Datadog]
  - name: Cloud
    keywords:
      - Docker  # local only
`;

function lintWith(text: string, posting = POSTING) {
  return findingsOf(text, ID, { posting }, [rule]);
}

describe(ID, () => {
  it('flags a skill the posting asks for that no bullet shows, on the keyword, with a bullet to fill in', () => {
    const findings = lintWith(RESUME);
    const end = RESUME.indexOf('from hours to minutes') + 'from hours to minutes'.length;
    const bullet = (skill: string) => [
      {
        title: `Add a bullet showing ${skill}`,
        edits: [
          {
            range: { start: end, end },
            newText: `\n      - \${1:‹Verb›} \${2:‹what you built›} with ${skill}, \${3:‹result›}`,
            snippet: true,
          },
        ],
        safe: false,
      },
    ];
    assert.deepEqual(
      findings.map((f) => [textAt(RESUME, f.range), f.range.start, f.severity, f.message, f.fixes]),
      [
        [
          'Kafka',
          RESUME.indexOf('Kafka'),
          'info',
          "`Kafka` is listed but no bullet shows it, and the posting asks for it (Requirements: 'Kafka in production'): add a bullet where you used it.",
          bullet('Kafka'),
        ],
        [
          'Docker',
          RESUME.indexOf('Docker'),
          'info',
          "`Docker` is listed but no bullet shows it, and the posting asks for it (Requirements: 'Docker'): add a bullet where you used it.",
          bullet('Docker'),
        ],
      ],
    );
  });

  it('writes the bullet as a filled-in template reads: the finding goes', () => {
    const kafka = lintWith(RESUME).find((f) => f.message.startsWith('`Kafka`'));
    assert.ok(kafka);
    const fixed = applyFix(RESUME, first(kafka.fixes));
    assert.ok(fixed.includes('minutes\n      - ‹Verb› ‹what you built› with Kafka, ‹result›\nskills:'), fixed);
    assert.deepEqual(
      lintWith(fixed).map((f) => textAt(fixed, f.range)),
      ['Docker'],
    );
  });

  it('puts the bullet in the newest job, whatever the order', () => {
    const text = RESUME.replace(
      'work:\n',
      'work:\n  - name: Shipwell\n    position: Engineer\n    startDate: 2016-01\n    endDate: 2019-12\n    highlights:\n      - Wrote the rate engine\n',
    );
    const kafka = lintWith(text).find((f) => f.message.startsWith('`Kafka`'));
    assert.ok(kafka);
    const edit = first(first(kafka.fixes).edits);
    assert.equal(edit.range.start, text.indexOf('from hours to minutes') + 'from hours to minutes'.length);
  });

  it('stays quiet when no job or project has highlights to add a bullet to', () => {
    const text = RESUME.replace(/ {4}highlights:\n(?: {6}- .*\n)+/, '').replace('work:', 'basics:\n  summary: Backend engineer\nwork:');
    assert.ok(!text.includes('highlights') && text.includes('keywords: [Kafka'));
    assert.deepEqual(lintWith(text), []);
  });

  it('counts a narrower term in a bullet as showing the broader skill', () => {
    // OpenTelemetry shows tracing, and tracing shows observability.
    assert.ok(!lintWith(RESUME).some((f) => /tracing|observability/.test(f.message)));
  });

  it('goes away once a bullet shows the skill', () => {
    const text = RESUME.replace('to an event-driven service', 'to an event-driven service on Kafka').replace(
      'to 9 services',
      'to 9 Docker services',
    );
    assert.deepEqual(lintWith(text), []);
  });

  it('leaves skills the posting does not ask for to the report', () => {
    // Datadog is listed and never shown, but this posting does not name it.
    assert.ok(!lintWith(RESUME).some((f) => f.message.includes('Datadog')));
  });

  it('stays quiet without a posting', () => {
    assert.deepEqual(findingsOf(RESUME, ID, {}, [rule]), []);
  });

  it('flags the example resume’s unshown skills the Acme posting asks for', () => {
    const text = exampleResume();
    const findings = lintWith(text, examplePosting('acme-backend.md'));
    assert.deepEqual(
      findings.map((f) => textAt(text, f.range)),
      ['Python', 'CI/CD', 'AWS', 'Docker', 'Kubernetes', 'Terraform'],
    );
  });
});
