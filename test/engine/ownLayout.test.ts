/**
 * A layout of its own: when a file is read so, which of its texts are
 * bullets (with their exact ranges), its person and entries, the one note
 * that replaces JSON Resume's schema, and that JSON Resume files stay JSON
 * Resume.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseResume } from '../../server/src/engine/document';
import { hoverAt } from '../../server/src/engine/features/hover';
import { detectLayout, describeLayout, resumeView } from '../../server/src/engine/layouts';
import { isSentenceLike } from '../../server/src/engine/layouts/ownLayoutRead';
import { buildReport } from '../../server/src/engine/report';
import { lint } from '../../server/src/linter';
import { applyFix, FIXED_TODAY, lintText, textAt } from '../helpers';

const detect = (text: string, options = {}) => detectLayout(parse(text) as unknown, options);

/** Positions nested in a company, bullets as strings, a project and a volunteer role. */
const NESTED = `profile:
  name: Robin Okafor
  site: https://robin.example.org
career:
  - company: Northwind
    positions:
      - title: Staff Engineer
        start: 2022-03
        highlights:
          - Rebuilt the billing pipeline on Kafka, cutting invoice lag from 6 h to 4 min
          - https://northwind.example.org/billing
      - title: Senior Engineer
        start: 2019-01
        end: 2022-02
        highlights:
          - Moved 40 services from cron jobs to a queue with retries
side_projects:
  - name: Tidepool
    bullets:
      - Wrote a tide table parser in Rust used by 3 sailing clubs
volunteering:
  - organization: Code Club
    tasks:
      - Taught 12 pupils Python on Saturday mornings
`;

/** Bullets as mappings (`- content: …`), in a section found by its title, and nested lists. */
const TITLED = `header:
  name: Dana Ruiz
  contact:
    email: dana@example.org
pages:
  - sections:
      - title: Work History
        items:
          - at: Lumen
            duties:
              - content: Designed the search index for 2 million listings
                tags: [Elasticsearch]
              - content: Elasticsearch
      - title: Education
        items:
          - at: Lakeside College
            details:
              - Graduated with honours in applied mathematics
`;

function bulletsOf(text: string) {
  return parseResume(text).bullets.map((bullet) => ({
    path: bullet.path,
    section: bullet.section,
    entryPath: bullet.entryPath,
    written: textAt(text, bullet.range),
  }));
}

describe('a layout of its own', () => {
  describe('detection', () => {
    it('lists of bullets under keys JSON Resume does not read make it a layout of its own', () => {
      assert.deepEqual(detect(NESTED), {
        id: 'other',
        reason: 'content',
        evidence: '`career`, `side_projects` and `volunteering`',
      });
      assert.deepEqual(detect(TITLED), { id: 'other', reason: 'content', evidence: '`pages`' });
      assert.equal(
        describeLayout(detect(NESTED)),
        'read as a layout of its own (detected from `career`, `side_projects` and `volunteering`)',
      );
    });

    it('without `basics` and `work`, a name or a section of jobs in keys of its own is enough', () => {
      assert.deepEqual(detect('name: Sam Lee\nemail: sam@example.org\neducation: []\n'), {
        id: 'other',
        reason: 'content',
        evidence: '`name`',
      });
      assert.deepEqual(detect('info:\n  name: ""\njobs:\n  - employer: Acme\n    description: Built things.\n'), {
        id: 'other',
        reason: 'content',
        evidence: '`info.name` and `jobs`',
      });
    });

    it('JSON Resume stays JSON Resume: with highlights, just begun, with a misspelt key, or with only its own keys', () => {
      const highlights =
        'work:\n  - name: Acme\n    highlights:\n      - Shipped it\nexperience:\n  - accomplishments:\n      - Led the team of five\n';
      assert.equal(detect(highlights).id, 'json-resume');
      assert.equal(detect('basics:\n  name: Sam Lee\n').id, 'json-resume');
      assert.equal(detect('basic:\n  name: Sam Lee\nwrok:\n  - name: Acme\n').id, 'json-resume');
      assert.equal(detect('basics:\n  name: Sam Lee\nwork:\n  - name: Acme\n    summary: Built the API.\n').id, 'json-resume');
      assert.equal(detect('{}').id, 'json-resume');
      assert.equal(detect('- a list\n').id, 'json-resume');
    });

    it('RenderCV and YAMLResume keys, a file name and the `layout` setting say more', () => {
      assert.equal(detect(`cv:\n  sections:\n    experience: []\n${NESTED}`).id, 'rendercv');
      assert.equal(detect('name: Sam Lee\n', { fileName: 'Sam_Lee_CV.yaml' }).id, 'rendercv');
      assert.equal(detect(NESTED, { layout: 'json-resume' }).id, 'json-resume');
    });

    it('depends on the structure only: a text too short to be a bullet still says how the file is read', () => {
      assert.equal(detect('experience:\n  - company: Acme\n    highlights:\n      - Go\n').id, 'other');
    });
  });

  describe('bullets', () => {
    it('are the sentence-like items of bullet lists in entries, each with its exact range and entry', () => {
      assert.deepEqual(bulletsOf(NESTED), [
        {
          path: 'career[0].positions[0].highlights[0]',
          section: 'work',
          entryPath: 'career[0].positions[0]',
          written: 'Rebuilt the billing pipeline on Kafka, cutting invoice lag from 6 h to 4 min',
        },
        {
          path: 'career[0].positions[1].highlights[0]',
          section: 'work',
          entryPath: 'career[0].positions[1]',
          written: 'Moved 40 services from cron jobs to a queue with retries',
        },
        {
          path: 'side_projects[0].bullets[0]',
          section: 'projects',
          entryPath: 'side_projects[0]',
          written: 'Wrote a tide table parser in Rust used by 3 sailing clubs',
        },
        {
          path: 'volunteering[0].tasks[0]',
          section: 'volunteer',
          entryPath: 'volunteering[0]',
          written: 'Taught 12 pupils Python on Saturday mornings',
        },
      ]);
    });

    it('are the text of mapping items, in sections found by their title; a school is no job', () => {
      assert.deepEqual(bulletsOf(TITLED), [
        {
          path: 'pages[0].sections[0].items[0].duties[0].content',
          section: 'work',
          entryPath: 'pages[0].sections[0].items[0]',
          written: 'Designed the search index for 2 million listings',
        },
      ]);
    });

    it('are the strings of nested lists; quotes stay in the range, as in every layout', () => {
      const text = 'name: Sam Lee\nexperience:\n  - - "Cut deploys from 40 min to 6 min"\n    - Go\n';
      assert.deepEqual(bulletsOf(text), [
        { path: 'experience[0][0]', section: 'work', entryPath: 'experience[0]', written: '"Cut deploys from 40 min to 6 min"' },
      ]);
    });

    it('are read in JSON too', () => {
      const text =
        '{\n  "info": { "name": "Sam Lee" },\n  "work": [{ "company": "Acme", "bullets": ["Cut costs by 30% with spot instances"] }]\n}\n';
      assert.deepEqual(bulletsOf(text), [
        { path: 'work[0].bullets[0]', section: 'work', entryPath: 'work[0]', written: '"Cut costs by 30% with spot instances"' },
      ]);
    });

    it('leave out paragraphs written as one text, skills, awards and talks', () => {
      const text = [
        'name: Sam Lee',
        'experience:',
        '  - company: Acme',
        '    description: Built the payments API and ran it for three years.',
        'skills:',
        '  - category: Languages',
        '    details: [Go and Rust and SQL]',
        'awards:',
        '  - name: Best paper',
        '    details: [Won the best paper award at a conference]',
        'talks:',
        '  - title: What work experience taught me',
        '    items: [{ description: A talk about the work of an engineer }]',
        '',
      ].join('\n');
      assert.deepEqual(bulletsOf(text), []);
    });

    it('a text is sentence-like with a few words, not when it is a link, an e-mail address, a date or one term', () => {
      for (const text of ['Led the migration to Postgres', 'Nothing to see here', '为美国普华永道的系统开发应用。']) {
        assert.ok(isSentenceLike(text), text);
      }
      for (const text of [
        'https://example.org/a b',
        'www.example.org',
        'example.org/path',
        'sam@example.org',
        'May 2021 - Present',
        '2019/06-2019/08',
        'Kubernetes',
        'React Native',
        '',
      ]) {
        assert.ok(!isSentenceLike(text), text);
      }
    });
  });

  describe('the view', () => {
    it('finds the person, and each entry with its organisation, title and dates', () => {
      const view = resumeView(parseResume(NESTED));
      assert.deepEqual(view.basics, {
        anchor: { start: 0, end: 7 },
        hasName: true,
        hasContact: true,
        namePath: 'profile.name',
        summaryPath: undefined,
      });
      assert.deepEqual(
        view.entries.map(({ kind, path, organisation, title, startPath, endPath, highlightsPath, highlights }) => ({
          kind,
          path,
          organisation,
          title,
          startPath,
          endPath,
          highlightsPath,
          highlights,
        })),
        [
          {
            kind: 'work',
            path: 'career[0].positions[0]',
            organisation: 'Northwind',
            title: 'Staff Engineer',
            startPath: 'career[0].positions[0].start',
            endPath: 'career[0].positions[0].end',
            highlightsPath: 'career[0].positions[0].highlights',
            highlights: 1,
          },
          {
            kind: 'work',
            path: 'career[0].positions[1]',
            organisation: 'Northwind',
            title: 'Senior Engineer',
            startPath: 'career[0].positions[1].start',
            endPath: 'career[0].positions[1].end',
            highlightsPath: 'career[0].positions[1].highlights',
            highlights: 1,
          },
          {
            kind: 'project',
            path: 'side_projects[0]',
            organisation: undefined,
            title: 'Tidepool',
            startPath: 'side_projects[0].start',
            endPath: 'side_projects[0].end',
            highlightsPath: 'side_projects[0].bullets',
            highlights: 1,
          },
          {
            kind: 'volunteer',
            path: 'volunteering[0]',
            organisation: 'Code Club',
            title: undefined,
            startPath: 'volunteering[0].start',
            endPath: 'volunteering[0].end',
            highlightsPath: 'volunteering[0].tasks',
            highlights: 1,
          },
        ],
      );
    });

    it('a name in parts and contacts one level down count; a list of mappings takes no new bullet', () => {
      const view = resumeView(parseResume(TITLED));
      assert.equal(view.basics.hasName, true);
      assert.equal(view.basics.hasContact, true);
      assert.equal(view.entries[0]?.highlightsPath, 'pages[0].sections[0].items[0].highlights');
      const parts = resumeView(parseResume('name:\n  first: Sam\n  last: Lee\nsocial:\n  github: samlee\nexperience: []\n'));
      assert.deepEqual([parts.basics.hasName, parts.basics.hasContact, parts.basics.namePath], [true, true, 'name']);
    });
  });

  describe('findings', () => {
    it('one note on the first key instead of a warning per key, and no completeness warning for what is there', () => {
      const result = lintText(NESTED, { today: FIXED_TODAY });
      const schema = result.findings.filter((finding) => finding.ruleId.startsWith('schema/'));
      assert.deepEqual(
        schema.map((finding) => ({
          ruleId: finding.ruleId,
          severity: finding.severity,
          written: textAt(NESTED, finding.range),
          message: finding.message,
        })),
        [
          {
            ruleId: 'schema/own-layout',
            severity: 'info',
            written: 'profile',
            message:
              'This file is read as a layout of its own (detected from `career`, `side_projects` and `volunteering`): its bullets, name, contacts and entries are read and advised on, but its keys are not checked against a schema. Write it as JSON Resume, RenderCV or YAMLResume to have them checked.',
          },
        ],
      );
      assert.deepEqual(
        result.findings.filter((finding) => finding.ruleId === 'completeness'),
        [],
      );
    });

    it("completeness names what is missing in this layout's words", () => {
      const text = 'title: Resume\nemployment:\n  - employer: Acme\n    description: Built the payments API.\n';
      const messages = lintText(text)
        .findings.filter((finding) => finding.ruleId === 'completeness')
        .map((finding) => finding.message);
      assert.deepEqual(messages, [
        'The resume has no name: add a `name`.',
        'The resume gives no way to reach you: add an `email`, a `phone` or a `website`.',
        'No experience entry has a list of bullets (`highlights:` with `- ` items): add the bullets reviewers read first, one achievement each.',
      ]);
    });

    it('bullets get the bullet rules, and fixes write into the file as it is', () => {
      const text =
        'name: Sam Lee\nemail: sam@example.org\nhistory:\n  - company: Acme\n    start: 2019-01\n    end: 2021-06\n    accomplishments:\n      - Lead the move of 30 services to Kubernetes, cutting deploy time by 80%\n';
      const tense = lintText(text, { today: FIXED_TODAY }).findings.filter((finding) => finding.ruleId === 'tense');
      assert.deepEqual(
        tense.map((finding) => [textAt(text, finding.range), finding.message]),
        [['Lead', '`Lead` is present tense, but this role has ended: write `Led`.']],
      );
      const fix = tense[0]?.fixes[0];
      assert.ok(fix, 'the tense finding has a fix');
      assert.equal(applyFix(text, fix), text.replace('- Lead the move', '- Led the move'));
    });

    it('the hover on the first key and the report say how the file is read', () => {
      const model = parseResume(NESTED);
      assert.equal(
        hoverAt(model, 2)?.markdown,
        'Bulletproof: read as a layout of its own (detected from `career`, `side_projects` and `volunteering`)',
      );
      const result = lint(NESTED, { today: FIXED_TODAY });
      assert.deepEqual(buildReport(result).layout, {
        id: 'other',
        name: 'a layout of its own',
        description: 'read as a layout of its own (detected from `career`, `side_projects` and `volunteering`)',
      });
    });

    it('an edit that turns a short text into a sentence makes it a bullet, as a full read would', () => {
      const before = 'name: Sam Lee\nexperience:\n  - company: Acme\n    highlights:\n      - Go\n';
      const after = before.replace('- Go', '- Go services for 3 teams');
      const previous = lint(before, { today: FIXED_TODAY });
      assert.equal(previous.model.bullets.length, 0);
      const edited = lint(after, { today: FIXED_TODAY }, undefined, previous);
      assert.deepEqual(
        edited.model.bullets.map((bullet) => textAt(after, bullet.range)),
        ['Go services for 3 teams'],
      );
    });
  });
});
