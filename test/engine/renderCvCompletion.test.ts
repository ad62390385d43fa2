/**
 * Completion in a RenderCV file, where the cursor is `|`: RenderCV's keys at
 * each level (a section's entries as the type RenderCV gives the section),
 * its words for values, and its templates after `- `, which, accepted and
 * filled in, leave a file RenderCV's schema accepts.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import type { CompletionEntry } from '../../server/src/engine/features/completion';
import type { RenderCvEntryType } from '../../server/src/engine/layouts/renderCvSections';
import { renderCvSchemaAt } from '../../server/src/engine/schema/renderCvSchemaInfo';
import { describe as schemaDescription } from '../../server/src/engine/schema/schemaInfo';
import { renderCvSnippetsFor, snippetsFor } from '../../server/src/engine/snippets';
import { lintText } from '../helpers';
import { acceptTemplate, completionAt, completionLabels, structuralFindings } from '../support/completionAt';
import { first, nth } from '../support/lists';
import { acceptSnippet } from '../support/snippetText';

const FILE = 'Jane_Doe_CV.yaml';

/** Completions at the `|` in `source`, read as the server reads the file named `fileName`. */
const at = (source: string, fileName = FILE) => completionAt(source, fileName);

const labels = (source: string, kind: CompletionEntry['kind'], fileName?: string) => completionLabels(at(source, fileName), kind);

const HEAD = 'cv:\n  name: Jordan Lee\n  sections:\n';
const EXPERIENCE = `${HEAD}    experience:\n      - company: Initech\n        position: Backend Engineer\n`;

const EXPERIENCE_KEYS = ['company', 'position', 'date', 'start_date', 'end_date', 'location', 'summary', 'highlights'];

describe('completion in a RenderCV file', () => {
  describe('keys', () => {
    it('top level: RenderCV’s keys, current names first, none of JSON Resume’s', () => {
      assert.deepEqual(labels('|', 'key'), ['cv', 'design', 'locale', 'settings', 'rendercv_settings']);
      assert.deepEqual(labels(`${EXPERIENCE}|`, 'key'), ['design', 'locale', 'settings', 'rendercv_settings']);
    });

    it('top level: one key under two names over RenderCV’s versions is offered while neither is written', () => {
      assert.deepEqual(labels(`${EXPERIENCE}settings:\n  bold_keywords: []\n|`, 'key'), ['design', 'locale']);
      assert.deepEqual(labels(`${EXPERIENCE}rendercv_settings: {}\n|`, 'key'), ['design', 'locale']);
      assert.deepEqual(labels(`${EXPERIENCE}locale_catalog: {}\n|`, 'key'), ['design', 'settings', 'rendercv_settings']);
    });

    it('top level: each key with RenderCV’s description and an empty mapping under it', () => {
      const cv = first(at('|').entries.filter((entry) => entry.kind === 'key'));
      const node = renderCvSchemaAt(['cv'], () => undefined);
      assert.deepEqual(cv, {
        label: 'cv',
        kind: 'key',
        detail: 'CV',
        documentation: schemaDescription(node),
        insertText: 'cv:\n  $0',
        replace: { start: 0, end: 0 },
        sortText: '000',
      });
    });

    it('under `cv`: the header fields and `sections`, without those written above and below', () => {
      assert.deepEqual(labels('cv:\n  |\n', 'key'), [
        'name',
        'headline',
        'location',
        'email',
        'phone',
        'website',
        'photo',
        'social_networks',
        'custom_connections',
        'sections',
      ]);
      assert.deepEqual(labels(`cv:\n  name: Jordan Lee\n  |\n  email: j@example.com\n  sections:\n    summary: [Backend.]\n`, 'key'), [
        'headline',
        'location',
        'phone',
        'website',
        'photo',
        'social_networks',
        'custom_connections',
      ]);
    });

    it('under `cv`: a partial word is replaced; a list opens an item, a mapping a line', () => {
      const { entries, text, offset } = at('cv:\n  name: Jordan Lee\n  soc|\n');
      const social = entries.find((entry) => entry.label === 'social_networks');
      const start = text.indexOf('soc');
      assert.deepEqual(social?.replace, { start, end: offset });
      assert.equal(social?.insertText, 'social_networks:\n    - $0');
      assert.equal(social?.detail, 'Social networks');
      assert.equal(entries.find((entry) => entry.label === 'sections')?.insertText, 'sections:\n    $0');
      assert.equal(entries.find((entry) => entry.label === 'headline')?.insertText, 'headline: $0');
      for (const entry of entries) assert.deepEqual(entry.replace, { start, end: offset });
    });

    it('under `cv.sections`: nothing, a section’s title being the person’s own', () => {
      assert.deepEqual(at(`${HEAD}    |\n`).entries, []);
    });

    it('a social network: `network` and `username`', () => {
      assert.deepEqual(labels('cv:\n  social_networks:\n    - network: GitHub\n      |\n', 'key'), ['username']);
    });

    it('an entry: the fields of the type its section already has, whatever the section is called', () => {
      assert.deepEqual(
        labels(`${EXPERIENCE}        |\n`, 'key'),
        EXPERIENCE_KEYS.filter((key) => key !== 'company' && key !== 'position'),
      );
      assert.deepEqual(
        labels(`${HEAD}    Work Experience:\n      - company: Initech\n        position: Engineer\n      - |\n`, 'key'),
        EXPERIENCE_KEYS,
      );
      const cases: [string, string[]][] = [
        [
          '    education:\n      - institution: State University\n        |\n',
          ['area', 'degree', 'grade', 'date', 'start_date', 'end_date', 'location', 'summary', 'highlights'],
        ],
        ['    projects:\n      - name: ledger-lite\n        |\n', ['date', 'start_date', 'end_date', 'location', 'summary', 'highlights']],
        ['    skills:\n      - label: Languages\n        |\n', ['details']],
        ['    publications:\n      - title: A Ledger\n        |\n', ['authors', 'doi', 'url', 'journal', 'date', 'summary']],
        ['    honors:\n      - bullet: Dean’s list\n      - |\n', ['bullet']],
      ];
      for (const [section, keys] of cases) assert.deepEqual(labels(`${HEAD}${section}`, 'key'), keys, section);
    });

    it('an entry of a section with none RenderCV can identify yet: the type its own keys give it', () => {
      assert.deepEqual(
        labels(`${HEAD}    new:\n      - company: Initech\n        |\n`, 'key'),
        EXPERIENCE_KEYS.filter((key) => key !== 'company'),
      );
      assert.deepEqual(labels(`${HEAD}    new:\n      - |\n`, 'key'), []);
    });

    it('an entry key: RenderCV’s description, the indentation of the entry', () => {
      const { entries, offset } = at(`${EXPERIENCE}        |\n`);
      const highlights = entries.find((entry) => entry.label === 'highlights');
      const type: RenderCvEntryType = 'experience';
      const node = renderCvSchemaAt(['cv', 'sections', 'experience', 0, 'highlights'], () => type);
      assert.deepEqual(highlights, {
        label: 'highlights',
        kind: 'key',
        detail: 'Highlights',
        documentation: schemaDescription(node),
        insertText: 'highlights:\n          - $0',
        replace: { start: offset, end: offset },
        sortText: '005',
      });
      assert.equal(entries.find((entry) => entry.label === 'end_date')?.insertText, 'end_date: $0');
    });
  });

  describe('values', () => {
    it('`end_date`: `present` (a date is the person’s to write); `start_date`: nothing', () => {
      const { entries, offset } = at(`${EXPERIENCE}        end_date: |\n`);
      const node = renderCvSchemaAt(['cv', 'sections', 'experience', 0, 'end_date'], () => 'experience');
      assert.deepEqual(entries, [
        {
          label: 'present',
          kind: 'value',
          documentation: schemaDescription(node),
          insertText: 'present',
          replace: { start: offset, end: offset },
          sortText: '000',
        },
      ]);
      const typed = at(`${EXPERIENCE}        end_date: pr|\n`);
      assert.deepEqual(first(typed.entries).replace, { start: typed.offset - 2, end: typed.offset });
      assert.deepEqual(at(`${EXPERIENCE}        start_date: |\n`).entries, []);
    });

    it('`social_networks[].network`: RenderCV’s networks, spelled as it wants them', () => {
      assert.deepEqual(labels('cv:\n  social_networks:\n    - network: |\n', 'value'), [
        'LinkedIn',
        'GitHub',
        'GitLab',
        'IMDB',
        'Instagram',
        'ORCID',
        'Mastodon',
        'StackOverflow',
        'ResearchGate',
        'YouTube',
        'Google Scholar',
        'Telegram',
        'WhatsApp',
        'Leetcode',
        'X',
        'Bluesky',
        'Reddit',
      ]);
      assert.deepEqual(labels('cv:\n  social_networks:\n    - username: jdoe\n      network: |\n', 'value').slice(0, 2), [
        'LinkedIn',
        'GitHub',
      ]);
    });
  });

  describe('templates', () => {
    const ENTRY_INSERT = [
      'company: ${1:‹company›}',
      '        position: ${2:Backend Engineer}',
      '        start_date: ${3:‹YYYY-MM›}',
      '        end_date: ${4:present}',
      '        highlights:',
      '          - Designed ${5:‹system›} handling ${6:‹N›} requests/day at ${7:‹N›}% availability',
      '          - Cut p99 latency of ${8:‹endpoint›} from ${9:‹before›} ms to ${10:‹after›} ms by ${11:‹how›}',
      '          - Made ${12:‹operation›} safe to retry with idempotency keys, ending ${13:‹N›} duplicate ${14:‹records›} a month',
      '        $0',
    ].join('\n');

    it('after `- ` in an experience section: the experience entry, indented under the dash, sorted first', () => {
      const { entries, offset } = at(`${EXPERIENCE}      - |\n`);
      const templates = entries.filter((entry) => entry.kind === 'snippet');
      assert.deepEqual(templates, [
        {
          label: 'experience',
          kind: 'snippet',
          detail: 'RenderCV experience entry',
          documentation: first(renderCvSnippetsFor('experience')).description,
          filterText: 'experience job role',
          insertText: ENTRY_INSERT,
          replace: { start: offset, end: offset },
          sortText: ' 000',
        },
      ]);
      const typed = at(`${EXPERIENCE}      - exp|\n`);
      assert.deepEqual(first(typed.entries).replace, { start: typed.offset - 3, end: typed.offset });
    });

    it('after `- ` in a normal section: the project; in a one-line section: a skills line', () => {
      const projects = at(`${HEAD}    projects:\n      - name: ledger-lite\n      - |\n`).entries.filter((e) => e.kind === 'snippet');
      assert.deepEqual(
        projects.map((entry) => [entry.label, entry.insertText]),
        [
          [
            'project',
            [
              'name: ${1:‹project›}',
              '        summary: A documented project with a real API and a database schema.',
              '        highlights:',
              '          - Built ${2:‹what›} with ${3:‹stack›}, serving ${4:‹N›} requests/day at ${5:‹N›} ms p95 latency',
              '          - Designed the ${6:‹database›} schema for ${7:‹N›} ${8:‹records›}, with indexes that keep queries under ${9:‹N›} ms',
              '        $0',
            ].join('\n'),
          ],
        ],
      );
      const skills = at(`${HEAD}    skills:\n      - label: Data\n        details: PostgreSQL\n      - |\n`).entries.filter(
        (entry) => entry.kind === 'snippet',
      );
      assert.deepEqual(
        skills.map((entry) => [entry.label, entry.insertText]),
        [
          [
            'skills',
            'label: ${1|Languages,Data,Architecture,Reliability,Cloud|}\n        details: ${2:‹skills, comma-separated›}\n        $0',
          ],
        ],
      );
    });

    it('after `- ` in a section with no entry yet: the three entries; in other sections and elsewhere: none', () => {
      assert.deepEqual(labels(`${HEAD}    new:\n      - |\n`, 'snippet'), ['experience', 'project', 'skills']);
      for (const source of [
        `${HEAD}    summary:\n      - Backend engineer.\n      - |\n`,
        `${HEAD}    education:\n      - institution: State University\n        area: CS\n      - |\n`,
        `${EXPERIENCE}        |\n`,
        `${EXPERIENCE}      |\n`,
        `${HEAD}    |\n`,
        'cv:\n  |\n',
        `${EXPERIENCE}|`,
      ]) {
        assert.deepEqual(labels(source, 'snippet'), [], source);
      }
    });

    it('in `highlights` of an experience or normal entry: the bullets, after `- ` or on a bare line with the dash added', () => {
      const BULLETS = snippetsFor('highlights');
      const dashed = at(`${EXPERIENCE}        highlights:\n          - Built the quotes API\n          - |\n`);
      assert.deepEqual(
        dashed.entries.map((entry) => [entry.label, entry.insertText]),
        BULLETS.map((snippet) => [snippet.prefix[0], snippet.body]),
      );
      for (const entry of dashed.entries) assert.deepEqual(entry.replace, { start: dashed.offset, end: dashed.offset });
      const bare = at(`${HEAD}    projects:\n      - name: ledger-lite\n        highlights:\n          |\n`);
      assert.deepEqual(
        bare.entries.map((entry) => entry.insertText),
        BULLETS.map((snippet) => `- ${snippet.body}`),
      );
      assert.deepEqual(
        labels(`${HEAD}    education:\n      - institution: State University\n        highlights:\n          - |\n`, 'snippet'),
        [],
      );
    });

    it('an empty `*_CV.yaml` file: the RenderCV skeleton, as written; a file with content: no skeleton', () => {
      const { entries } = at('|');
      const templates = entries.filter((entry) => entry.kind === 'snippet');
      assert.deepEqual(
        templates.map((entry) => [entry.label, entry.detail, entry.insertText, entry.replace]),
        [['resume', 'RenderCV backend resume skeleton', first(renderCvSnippetsFor('document')).body, { start: 0, end: 0 }]],
      );
      assert.deepEqual(labels(`${EXPERIENCE}|`, 'snippet'), []);
      // The same empty file under another name is JSON Resume: its own skeleton.
      assert.equal(first(at('|', 'resume.yaml').entries).detail, 'Backend resume skeleton');
    });
  });

  describe('accepted and filled in', () => {
    const SAMPLES: Record<string, string> = {
      '‹N›': '12',
      '‹before›': '850',
      '‹after›': '120',
      '‹YYYY-MM›': '2021-03',
      '‹YYYY›': '2016',
      '‹you@example.com›': 'jordan.lee@example.com',
      '‹city, country›': 'Denver, US',
    };
    const sample = (token: string) => SAMPLES[token] ?? token.slice(1, -1);
    const accept = (source: string, label: string) => acceptTemplate(at(source), label, sample);

    function assertRenderCv(text: string): unknown {
      assert.deepEqual(structuralFindings(text, FILE, 'rendercv'), [], text);
      return parseDocument(text).toJS();
    }

    type Cv = { cv: { sections: Record<string, Record<string, unknown>[]> } };

    it('each entry template is one more entry of its section, and a bullet one more highlight', () => {
      let text = accept(`${EXPERIENCE}      - |\n    projects:\n      - name: ledger-lite\n`, 'experience');
      text = accept(`${text}      - |\n    skills:\n      - label: Data\n        details: PostgreSQL\n`, 'project');
      text = accept(`${text}      - |\n`, 'skills');
      const experienceEnd = text.indexOf('    projects:');
      text = accept(`${text.slice(0, experienceEnd)}          - |\n${text.slice(experienceEnd)}`, 'latency');
      const { cv } = assertRenderCv(text) as Cv;
      assert.deepEqual(
        cv.sections.experience?.map((entry) => [entry.company, entry.end_date, (entry.highlights as string[] | undefined)?.length]),
        [
          ['Initech', undefined, undefined],
          ['company', 'present', 4],
        ],
      );
      assert.equal(
        nth(nth(cv.sections.experience ?? [], 1).highlights as string[], 3),
        'Cut p99 latency of endpoint from 850 ms to 120 ms by how',
      );
      assert.deepEqual(
        cv.sections.projects?.map((entry) => entry.name),
        ['ledger-lite', 'project'],
      );
      assert.deepEqual(cv.sections.skills, [
        { label: 'Data', details: 'PostgreSQL' },
        { label: 'Languages', details: 'skills, comma-separated' },
      ]);
    });

    it('the skeleton is a RenderCV file with the backend example’s sections; unfilled, its slots are flagged', () => {
      const { cv } = assertRenderCv(accept('|', 'resume')) as Cv & { design: unknown };
      assert.deepEqual(Object.keys(cv.sections), ['summary', 'experience', 'education', 'skills', 'projects']);
      assert.deepEqual(
        cv.sections.skills?.map((group) => group.label),
        ['Languages', 'Data', 'Architecture', 'Reliability', 'Cloud'],
      );
      const unfilled = acceptSnippet(first(renderCvSnippetsFor('document')).body);
      assert.ok(lintText(unfilled, { fileName: FILE }).findings.some((finding) => finding.ruleId === 'placeholder'));
    });
  });

  it('a JSON Resume file keeps JSON Resume’s completion', () => {
    assert.deepEqual(labels('basics:\n  name: Sam\n|', 'key', 'resume.yaml').slice(0, 3), ['$schema', 'work', 'volunteer']);
    assert.deepEqual(labels('basics:\n  name: Sam\n|', 'snippet', 'resume.yaml'), ['skills (template)']);
  });
});
