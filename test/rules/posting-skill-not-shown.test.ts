import * as assert from 'node:assert/strict';
import rule from '../../server/src/rules/posting-skill-not-shown';
import { findingsOf, textAt } from '../helpers';
import { examplePosting, exampleResume, markdownPosting } from '../engine/posting/support';

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
  it('flags a skill the posting asks for that no bullet shows, on the keyword', () => {
    const findings = lintWith(RESUME);
    assert.deepEqual(
      findings.map((f) => [textAt(RESUME, f.range), f.range.start, f.severity, f.message, f.fixes]),
      [
        [
          'Kafka',
          RESUME.indexOf('Kafka'),
          'info',
          "`Kafka` is listed but no bullet shows it, and the posting asks for it (Requirements: 'Kafka in production'): add a bullet where you used it.",
          [],
        ],
        [
          'Docker',
          RESUME.indexOf('Docker'),
          'info',
          "`Docker` is listed but no bullet shows it, and the posting asks for it (Requirements: 'Docker'): add a bullet where you used it.",
          [],
        ],
      ],
    );
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
