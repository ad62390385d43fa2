/**
 * The posting rules as a person meets them: lint, apply the suggestion
 * `posting-missing-term` offers for adding a term to the skills, lint again.
 * Every rule runs, so a finding any rule raises about what was just added
 * shows. The only one allowed is the bullet the first message announced
 * ("add it to your skills and show it in a bullet"), offering that bullet.
 */
import * as assert from 'node:assert/strict';
import type { Finding, LintOptions } from '../../server/src/engine/types';
import { lintText, textAt } from '../helpers';
import { applyFix, markdownPosting } from '../engine/posting/support';
import { first, nth, only } from '../support/lists';

const POSTING = markdownPosting(
  ['# Backend Engineer (Go)', '', '## Requirements', '- Go in production', '- Kafka or a similar message broker', '- PostgreSQL'].join(
    '\n',
  ),
);
const OPTIONS: LintOptions = { posting: POSTING };

const YAML_RESUME = `basics:
  name: Dana Reyes
  label: Backend Engineer
work:
  - name: Parcelly
    position: Backend Engineer
    startDate: 2020-02
    highlights:
      - Built Python services that price 2M parcels a day
      - Designed the PostgreSQL schema for rates, keeping lookups under 10 ms
skills:
  - name: Languages
    keywords: [Python, SQL]
  - name: Architecture
    keywords: [REST]
`;

const JSON_RESUME = `{
  "basics": {
    "name": "Dana Reyes",
    "label": "Backend Engineer"
  },
  "work": [
    {
      "name": "Parcelly",
      "position": "Backend Engineer",
      "startDate": "2020-02",
      "highlights": [
        "Built Python services that price 2M parcels a day",
        "Designed the PostgreSQL schema for rates, keeping lookups under 10 ms"
      ]
    }
  ],
  "skills": [
    { "name": "Languages", "keywords": ["Python", "SQL"] },
    { "name": "Architecture", "keywords": ["REST"] }
  ]
}
`;

/** A finding as the person reads it: rule, the text it sits on (a JSON string without its quotes), message, and its fixes' titles. */
function seen(text: string, finding: Finding): string {
  const at = textAt(text, finding.range).replace(/^"(.*)"$/, '$1');
  return `${finding.ruleId} @ ${at}: ${finding.message} [${finding.fixes.map((fix) => fix.title).join(' | ')}]`;
}

/** Whether any finding's message names the term. */
function namesTerm(text: string, term: string): boolean {
  return lintText(text, OPTIONS).findings.some((f) => f.message.includes(`\`${term}\``));
}

/** The findings of `after` that `before` did not have, as seen. */
function newFindings(before: string, after: string, options: LintOptions = OPTIONS): string[] {
  const old = new Set(lintText(before, options).findings.map((f) => seen(before, f)));
  return lintText(after, options)
    .findings.map((f) => seen(after, f))
    .filter((line) => !old.has(line));
}

function missingTerm(text: string, term: string, options: LintOptions = OPTIONS): Finding {
  return only(lintText(text, options).findings.filter((f) => f.ruleId === 'posting-missing-term' && f.message.startsWith(`\`${term}\``)));
}

const KAFKA_ASKED = "(Requirements: 'Kafka or a similar message broker')";
const GO_ASKED = "(Title: 'Backend Engineer (Go)')";

const cases = [
  {
    format: 'YAML',
    text: YAML_RESUME,
    kafkaAdded: 'keywords: [REST, Kafka]',
    goAdded: 'keywords: [Go, Python, SQL]',
    bulletAfter: 'under 10 ms\n      - ‹Verb› ‹what you built› with Kafka, ‹result›\nskills:',
  },
  {
    format: 'JSON',
    text: JSON_RESUME,
    kafkaAdded: '"keywords": ["REST", "Kafka"]',
    goAdded: '"keywords": ["Go", "Python", "SQL"]',
    bulletAfter: 'under 10 ms",\n        "‹Verb› ‹what you built› with Kafka, ‹result›"\n      ]',
  },
];

describe('posting fixes, one after another', () => {
  for (const { format, text, kafkaAdded, goAdded, bulletAfter } of cases) {
    describe(`in a ${format} resume`, () => {
      it('announces both steps for a missing term, and offers both', () => {
        const kafka = missingTerm(text, 'Kafka');
        assert.equal(textAt(text, kafka.range).replace(/"/g, ''), 'skills');
        assert.equal(
          kafka.message,
          `\`Kafka\` is in the posting ${KAFKA_ASKED} but not in the resume: if you have used it, add it to your skills and show it in a bullet.`,
        );
        assert.deepEqual(
          kafka.fixes.map((fix) => [fix.title, fix.safe]),
          [
            ['Add Kafka to the Architecture skills', false],
            ['Add a bullet showing Kafka', false],
          ],
        );
      });

      it('after adding the term to the skills, the one new finding is the announced bullet, offering it', () => {
        const added = applyFix(text, first(missingTerm(text, 'Kafka').fixes));
        assert.ok(added.includes(kafkaAdded), added);
        assert.deepEqual(newFindings(text, added), [
          `posting-skill-not-shown @ Kafka: \`Kafka\` is listed but no bullet shows it, and the posting asks for it ${KAFKA_ASKED}: add a bullet where you used it. [Add a bullet showing Kafka]`,
        ]);
        // Kafka covers the posting's "message queues" too: both missing-term findings went.
        assert.ok(
          !lintText(added, OPTIONS).findings.some((f) => f.ruleId === 'posting-missing-term' && /Kafka|message queues/.test(f.message)),
        );

        // The second step: the bullet to fill in, in the newest job; what it leaves are its slots.
        const shown = only(lintText(added, OPTIONS).findings.filter((f) => f.ruleId === 'posting-skill-not-shown'));
        const withBullet = applyFix(added, only(shown.fixes));
        assert.ok(withBullet.includes(bulletAfter), withBullet);
        assert.ok(!namesTerm(withBullet, 'Kafka'));
        const left = newFindings(added, withBullet);
        assert.deepEqual(
          left.filter((line) => line.startsWith('placeholder')).map((line) => line.slice(0, line.indexOf(':'))),
          ['placeholder @ ‹Verb›', 'placeholder @ ‹what you built›', 'placeholder @ ‹result›'],
        );
      });

      it('offers the bullet first, too: the term is then in the resume and nothing else is asked', () => {
        const bullet = nth(missingTerm(text, 'Kafka').fixes, 1);
        const added = applyFix(text, bullet);
        assert.ok(added.includes(bulletAfter), added);
        assert.ok(namesTerm(text, 'Kafka'));
        assert.ok(!namesTerm(added, 'Kafka'));
      });

      it("puts the posting's main language first, so posting-main-language has nothing to say", () => {
        const go = missingTerm(text, 'Go');
        assert.deepEqual(
          go.fixes.map((fix) => fix.title),
          ['Add Go first in the Languages skills', 'Add a bullet showing Go'],
        );
        const added = applyFix(text, first(go.fixes));
        assert.ok(added.includes(goAdded), added);
        assert.deepEqual(newFindings(text, added), [
          `posting-skill-not-shown @ Go: \`Go\` is listed but no bullet shows it, and the posting asks for it ${GO_ASKED}: add a bullet where you used it. [Add a bullet showing Go]`,
        ]);
      });
    });
  }

  it('puts the main language first in a block list, on its own line before the others', () => {
    const text = YAML_RESUME.replace('keywords: [Python, SQL]', 'keywords:\n      - Python  # daily\n      - SQL');
    const added = applyFix(text, first(missingTerm(text, 'Go').fixes));
    assert.ok(added.includes('keywords:\n      - Go\n      - Python  # daily\n      - SQL\n'), added);
    assert.deepEqual(newFindings(text, added), [
      `posting-skill-not-shown @ Go: \`Go\` is listed but no bullet shows it, and the posting asks for it ${GO_ASKED}: add a bullet where you used it. [Add a bullet showing Go]`,
    ]);
  });

  it('puts the main language first in a RenderCV one-line skills entry', () => {
    const text = `cv:
  name: Dana Reyes
  sections:
    experience:
      - company: Parcelly
        position: Backend Engineer
        start_date: 2020-02
        highlights:
          - Built Python services that price 2M parcels a day
    skills:
      - label: Languages
        details: Python, SQL  # by years
`;
    const options: LintOptions = { posting: POSTING, fileName: 'Dana_Reyes_CV.yaml' };
    const go = missingTerm(text, 'Go', options);
    assert.deepEqual(
      go.fixes.map((fix) => fix.title),
      ['Add Go first in the Languages skills', 'Add a bullet showing Go'],
    );
    const added = applyFix(text, first(go.fixes));
    assert.ok(added.includes('details: Go, Python, SQL  # by years\n'), added);
    assert.deepEqual(newFindings(text, added, options), [
      `posting-skill-not-shown @ Go: \`Go\` is listed but no bullet shows it, and the posting asks for it ${GO_ASKED}: add a bullet where you used it. [Add a bullet showing Go]`,
    ]);
  });

  it('without highlights to add a bullet to, asks only for the skill, and adding it raises nothing', () => {
    const text = YAML_RESUME.replace(/ {4}highlights:\n(?: {6}- .*\n)+/, '');
    assert.ok(!text.includes('highlights'));
    const kafka = missingTerm(text, 'Kafka');
    assert.equal(
      kafka.message,
      `\`Kafka\` is in the posting ${KAFKA_ASKED} but not in the resume: if you have used it, add it to your skills.`,
    );
    assert.deepEqual(
      kafka.fixes.map((fix) => fix.title),
      ['Add Kafka to the Architecture skills'],
    );
    const added = applyFix(text, first(kafka.fixes));
    assert.ok(added.includes('keywords: [REST, Kafka]'));
    assert.deepEqual(newFindings(text, added), []);
  });
});
