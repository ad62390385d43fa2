/**
 * `convert` in the engine: each direction with the exact value it writes
 * and the notes it gives, the text it writes (JSON, YAML quoting, the
 * Markdown list of YAMLResume), and what it refuses.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { convertResume, defaultOutputName, type ConvertTarget } from '../../server/src/engine/convert/convert';
import { splitList, summaryWithList } from '../../server/src/engine/markdownList';
import { JSON_RESUME_SECTIONS } from '../../server/src/engine/convert/shape';
import { countComments } from '../../server/src/engine/convert/write';
import { detectLayout } from '../../server/src/engine/layouts';
import { knownKeys } from '../../server/src/engine/schema/schemaInfo';

function convert(text: string, to: ConvertTarget): { value: unknown; text: string; notes: string[] } {
  const result = convertResume(text, to);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return {
    value: result.language === 'json' ? JSON.parse(result.text) : parse(result.text, { schema: 'core' }),
    text: result.text,
    notes: result.notes.map((note) => (note.path ? `${note.path}: ${note.message}` : note.message)),
  };
}

function refusal(text: string, to: ConvertTarget): string {
  const result = convertResume(text, to);
  assert.ok(!result.ok, 'converted');
  return result.message;
}

const JSON_RESUME = `# mine
basics:
  name: Dana Kowalski
  label: Backend Engineer
  url: https://dana.example
  summary: Builds payment systems.
  location: { city: Berlin, countryCode: DE }
  profiles:
    - { network: github, username: dana, url: https://github.com/dana }
    - { network: Twitch, username: dk, url: https://twitch.tv/dk }
work:
  - name: Acme
    url: https://acme.example
    position: Engineer
    location: Berlin
    description: Payments
    startDate: 2021-04
    highlights: [Cut p99 latency from 800 ms to 200 ms]
  - name: Beta
    position: Intern
    startDate: 2019
    endDate: 2020-08-15
education:
  - { institution: TU Berlin, area: CS, studyType: Bachelor, score: "1.3", startDate: 2015, endDate: 2019, courses: [Databases] }
skills:
  - { name: Data, keywords: [PostgreSQL, Kafka] }
meta: { version: v1 }
`;

describe('convert', () => {
  describe('JSON Resume → RenderCV', () => {
    it('writes each section as its RenderCV entry type, in the resume’s order', () => {
      const { value, notes } = convert(JSON_RESUME, 'rendercv');
      assert.deepEqual(value, {
        cv: {
          name: 'Dana Kowalski',
          headline: 'Backend Engineer',
          location: 'Berlin, DE',
          website: 'https://dana.example',
          social_networks: [{ network: 'GitHub', username: 'dana' }],
          custom_connections: [{ placeholder: 'Twitch: dk', url: 'https://twitch.tv/dk', fontawesome_icon: 'link' }],
          sections: {
            summary: ['Builds payment systems.'],
            experience: [
              {
                company: '[Acme](https://acme.example)',
                position: 'Engineer',
                start_date: '2021-04',
                end_date: 'present',
                location: 'Berlin',
                highlights: ['Cut p99 latency from 800 ms to 200 ms'],
                description: 'Payments',
              },
              { company: 'Beta', position: 'Intern', start_date: 2019, end_date: '2020-08-15' },
            ],
            education: [
              {
                institution: 'TU Berlin',
                area: 'CS',
                degree: 'Bachelor',
                grade: '1.3',
                start_date: 2015,
                end_date: 2019,
                highlights: ['Databases'],
              },
            ],
            skills: [{ label: 'Data', details: 'PostgreSQL, Kafka' }],
          },
        },
      });
      assert.deepEqual(notes, [
        '1 comment not carried over: comments have no place in the converted layout',
        'work[0].url: kept only as a link on the company',
        'work[0].description: has no RenderCV field: kept as an extra key, which RenderCV does not print',
        'education[0].courses: written as highlights',
        'meta: has no RenderCV field: dropped',
        'basics.location: flattened to "Berlin, DE"',
        'basics.profiles[0].network: written as GitHub, as RenderCV spells it',
        'basics.profiles[1]: "Twitch" is not a RenderCV network: kept as a custom connection (RenderCV 2.4 or later)',
      ]);
    });

    it('starts the file with the schema comment and quotes what YAML 1.1 would not read as text', () => {
      const { text } = convert('basics: { name: "Yes" }\nskills: [{ name: "On", keywords: ["0755"] }]\n', 'rendercv');
      assert.equal(
        text,
        [
          '# yaml-language-server: $schema=https://raw.githubusercontent.com/rendercv/rendercv/main/schema.json',
          '',
          'cv:',
          '  name: "Yes"',
          '  sections:',
          '    skills:',
          '      - label: "On"',
          '        details: "0755"',
          '',
        ].join('\n'),
      );
    });

    it('keeps a profile whose link is not the one RenderCV makes as a custom connection', () => {
      const { value, notes } = convert(
        'basics:\n  profiles: [{ network: LinkedIn, username: dana, url: https://example.com/in/dana }]\n',
        'rendercv',
      );
      assert.deepEqual(value, {
        cv: { custom_connections: [{ placeholder: 'LinkedIn: dana', url: 'https://example.com/in/dana', fontawesome_icon: 'link' }] },
      });
      assert.deepEqual(notes, [
        'basics.profiles[0]: its link https://example.com/in/dana is not the one RenderCV makes from the username (https://linkedin.com/in/dana): kept as a custom connection (RenderCV 2.4 or later)',
      ]);
    });

    it('rewrites a date RenderCV cannot read, and never adds a day or month', () => {
      const { value, notes } = convert('work: [{ name: A, position: B, startDate: Sept 2018, endDate: Present }]\n', 'rendercv');
      assert.deepEqual(value, {
        cv: { sections: { experience: [{ company: 'A', position: 'B', start_date: '2018-09', end_date: 'present' }] } },
      });
      assert.deepEqual(notes, ['work[0].startDate: written as 2018-09, as RenderCV writes dates']);
    });

    it('reads the older key names of JSON Resume as the current ones', () => {
      const { value, notes } = convert('work: [{ company: Acme, website: https://acme.example, position: Dev }]\n', 'rendercv');
      assert.deepEqual(value, { cv: { sections: { experience: [{ company: '[Acme](https://acme.example)', position: 'Dev' }] } } });
      assert.deepEqual(notes, [
        'work[0].company: read as name, the current name of this key',
        'work[0].website: read as url, the current name of this key',
        'work[0].url: kept only as a link on the company',
      ]);
    });
  });

  describe('RenderCV → JSON Resume', () => {
    const RENDERCV = `cv:
  name: Dana Kowalski
  location: Berlin, Brandenburg, DE
  email: [dana@example.com, d@example.com]
  social_networks: [{ network: GitHub, username: dana }]
  sections:
    about_me: [Builds payment systems.]
    work_experience:
      - company: "[Acme](https://acme.example)"
        position: Engineer
        start_date: 2021-04
        end_date: present
        highlights: [Cut p99 latency from 800 ms to 200 ms]
    volunteering:
      - { company: Code Club, position: Mentor, date: 2019 }
    awards:
      - { name: Best Paper, date: 2020-05 }
    open_source:
      - { name: ledger-lite, summary: A ledger., highlights: [Reconciles 1M rows in 9 s] }
    skills:
      - { label: Data, details: "PostgreSQL, Kafka" }
    languages:
      - { label: German, details: Native }
    talks:
      - bullet: GopherCon 2023
    leadership:
      - { company: Guild, position: Chair }
    papers:
      - { title: Fast Ledgers, authors: [Dana Kowalski], doi: 10.1000/xyz, journal: ACM }
design:
  theme: classic
`;

    it('maps sections by entry type and title', () => {
      const { value, notes } = convert(RENDERCV, 'yaml');
      assert.deepEqual(value, {
        basics: {
          name: 'Dana Kowalski',
          email: 'dana@example.com',
          summary: 'Builds payment systems.',
          location: { city: 'Berlin', region: 'Brandenburg', countryCode: 'DE' },
          profiles: [{ network: 'GitHub', username: 'dana', url: 'https://github.com/dana' }],
        },
        work: [
          {
            name: 'Acme',
            position: 'Engineer',
            url: 'https://acme.example',
            startDate: '2021-04',
            highlights: ['Cut p99 latency from 800 ms to 200 ms'],
          },
          { name: 'Guild', position: 'Chair' },
        ],
        volunteer: [{ organization: 'Code Club', position: 'Mentor', startDate: 2019, endDate: 2019 }],
        awards: [{ title: 'Best Paper', date: '2020-05' }],
        publications: [{ name: 'Fast Ledgers', publisher: 'ACM', url: 'https://doi.org/10.1000/xyz' }],
        skills: [{ name: 'Data', keywords: ['PostgreSQL', 'Kafka'] }],
        languages: [{ language: 'German', fluency: 'Native' }],
        projects: [
          { name: 'ledger-lite', description: 'A ledger.', highlights: ['Reconciles 1M rows in 9 s'] },
          { name: 'Talks', highlights: ['GopherCon 2023'] },
        ],
      });
      assert.deepEqual(notes, [
        'design: the look of the PDF has no JSON Resume field: dropped',
        'cv.sections.volunteering[0].date: a single date: written as both startDate and endDate',
        'cv.sections.talks: has no JSON Resume section: kept as a project named "Talks" with its entries as highlights',
        'cv.sections.leadership: experience entries under this title: added to work',
        'cv.sections.papers[0].doi: written as the url https://doi.org/10.1000/xyz',
        'cv.sections.papers[0].authors: has no JSON Resume field: dropped (["Dana Kowalski"])',
        'cv.email: JSON Resume holds one: kept the first, dropped ["d@example.com"]',
        'cv.location: split into city, region, countryCode',
      ]);
    });
  });

  describe('JSON Resume ↔ YAMLResume', () => {
    it('writes highlights as a Markdown list in summary and dates as YAMLResume does', () => {
      const { value, notes } = convert(JSON_RESUME, 'yamlresume');
      assert.deepEqual(value, {
        content: {
          basics: { name: 'Dana Kowalski', headline: 'Backend Engineer', url: 'https://dana.example', summary: 'Builds payment systems.' },
          location: { city: 'Berlin', country: 'Germany' },
          profiles: [
            { network: 'GitHub', username: 'dana', url: 'https://github.com/dana' },
            { network: 'Twitch', username: 'dk', url: 'https://twitch.tv/dk' },
          ],
          work: [
            {
              name: 'Acme',
              position: 'Engineer',
              startDate: 'Apr 2021',
              summary: '- Cut p99 latency from 800 ms to 200 ms\n',
              url: 'https://acme.example',
            },
            { name: 'Beta', position: 'Intern', startDate: '2019', endDate: 'Aug 15, 2020' },
          ],
          education: [
            {
              institution: 'TU Berlin',
              area: 'CS',
              degree: 'Bachelor',
              startDate: '2015',
              endDate: '2019',
              courses: ['Databases'],
              score: '1.3',
            },
          ],
          skills: [{ name: 'Data', keywords: ['PostgreSQL', 'Kafka'] }],
        },
      });
      assert.deepEqual(notes, [
        '1 comment not carried over: comments have no place in the converted layout',
        'basics.location.countryCode: written as the country "Germany"',
        'basics.profiles[0].network: written as GitHub, as YAMLResume spells it',
        'work[0].location: has no YAMLResume field: dropped ("Berlin")',
        'work[0].description: has no YAMLResume field: dropped ("Payments")',
        'work[1]: YAMLResume needs summary here: add it',
        'skills[0].level: YAMLResume needs level, one of Novice, Beginner, Intermediate, Advanced, Expert, Master: add it',
        'meta: has no YAMLResume field: dropped',
      ]);
    });

    it('reads the Markdown list back as highlights and the dates as ISO', () => {
      const yamlResume = `content:
  basics: { name: Dana Kowalski, headline: Backend Engineer }
  location: { city: Berlin, country: Germany }
  work:
    - name: Acme
      position: Engineer
      startDate: Apr 2021
      endDate:
      summary: |
        Payments team.

        - Cut p99 latency
          from 800 ms to 200 ms
        - Ran on-call
  education:
    - institution: TU Berlin
      area: CS
      degree: Bachelor
      startDate: Sep 1, 2015
locale: { language: en }
`;
      const { value, notes } = convert(yamlResume, 'json');
      assert.deepEqual(value, {
        basics: { name: 'Dana Kowalski', label: 'Backend Engineer', location: { city: 'Berlin', countryCode: 'DE' } },
        work: [
          {
            name: 'Acme',
            position: 'Engineer',
            startDate: '2021-04',
            summary: 'Payments team.',
            highlights: ['Cut p99 latency\nfrom 800 ms to 200 ms', 'Ran on-call'],
          },
        ],
        education: [{ institution: 'TU Berlin', area: 'CS', studyType: 'Bachelor', startDate: '2015-09-01' }],
      });
      assert.deepEqual(notes, [
        'locale: has no JSON Resume field: dropped',
        'content.location.country: written as the country code DE',
        'content.work[0].startDate: written as 2021-04, as JSON Resume writes dates',
        'content.education[0].startDate: written as 2015-09-01, as JSON Resume writes dates',
      ]);
    });

    it('turns highlights into a list and back without a change', () => {
      const cases: [string | undefined, string[] | undefined][] = [
        ['Team of 9.', ['One', 'Two\nlines']],
        [undefined, ['Only']],
        ['Just text.', undefined],
      ];
      for (const [summary, highlights] of cases) {
        const text = summaryWithList(summary, highlights);
        assert.ok(text !== undefined);
        assert.deepEqual(splitList(text), { ...(summary === undefined ? {} : { summary }), ...(highlights ? { highlights } : {}) });
      }
      assert.deepEqual(splitList('- a list\n\nthen text'), { summary: '- a list\n\nthen text' });
      assert.deepEqual(splitList('Text\n- glued to it'), { summary: 'Text\n- glued to it' });
    });
  });

  describe('JSON Resume YAML ↔ JSON', () => {
    it('writes the same value as JSON with two-space indentation, counting the comments it drops', () => {
      const result = convertResume('\ufeff# one\nbasics: { name: Dana } # two\nskills: [{ name: "2013", keywords: [yes] }]\n', 'json');
      assert.ok(result.ok);
      assert.equal(
        result.text,
        '{\n  "basics": {\n    "name": "Dana"\n  },\n  "skills": [\n    {\n      "name": "2013",\n      "keywords": [\n        "yes"\n      ]\n    }\n  ]\n}\n',
      );
      assert.deepEqual(result.notes, [{ path: '', message: '2 comments dropped: JSON cannot hold comments' }]);
    });

    it('writes JSON as YAML that reads back the same, numbers-as-text quoted', () => {
      const source = {
        basics: { name: 'Dana', phone: '+15550100' },
        work: [{ startDate: '2013', highlights: ['true', 'No', 'a: b', '#1 ranked', 'x'.repeat(200)] }],
      };
      const { value, notes, text } = convert(JSON.stringify(source), 'yaml');
      assert.deepEqual(value, source);
      assert.deepEqual(notes, []);
      assert.ok(text.includes(`- ${'x'.repeat(200)}\n`), 'a long bullet stays on one line');
    });

    it('says when anchors are written out', () => {
      const { notes } = convert('basics: { name: &n Dana }\nreferences: [{ name: *n }]\n', 'json');
      assert.deepEqual(notes, ['anchors and aliases written out in full']);
    });
  });

  describe('refuses', () => {
    it('a file already in the target layout', () => {
      assert.equal(refusal('basics: { name: Dana }\n', 'yaml'), 'it is JSON Resume as YAML already');
      assert.equal(refusal('{"basics": {}}', 'json'), 'it is JSON Resume as JSON already');
      assert.equal(refusal('cv: { sections: {} }\n', 'rendercv'), 'it is RenderCV already');
    });

    it('a file that looks like two layouts, read as the linter reads it', () => {
      // `basics` beside `cv.sections`: the linter reads JSON Resume (the file name would decide, and there is none).
      assert.equal(refusal('cv: { sections: {} }\nbasics: { name: Dana }\n', 'yaml'), 'it is JSON Resume as YAML already');
    });

    it('broken YAML, several documents, and what is not a mapping', () => {
      assert.equal(refusal('basics:\n  name: "Dana\n', 'json'), 'line 3: Missing closing "quote: fix the YAML first');
      assert.equal(
        refusal('basics: {}\n---\nwork: []\n', 'json'),
        'it holds more than one YAML document: convert works on one resume per file',
      );
      assert.equal(refusal('- a\n- b\n', 'json'), 'it is not a resume: its top level is not a mapping of sections');
    });
  });

  it('tells the layouts apart by their top level', () => {
    assert.equal(detectLayout({ cv: { sections: {} } }).id, 'rendercv');
    assert.equal(detectLayout({ content: { basics: {} } }).id, 'yamlresume');
    assert.equal(detectLayout({ basics: {}, content: 'x' }).id, 'json-resume');
    assert.equal(detectLayout({ work: [] }).id, 'json-resume');
  });

  it("orders JSON Resume's sections as its schema does: every top-level key but `$schema`, `basics` and `meta`", () => {
    const others = new Set(['$schema', 'basics', 'meta']);
    assert.deepEqual(
      JSON_RESUME_SECTIONS,
      knownKeys([]).filter((key) => !others.has(key)),
    );
    assert.equal(JSON_RESUME_SECTIONS[0], 'work');
  });

  it('names the output as each layout names its files', () => {
    assert.equal(defaultOutputName('resume.yaml', 'json', 'Dana'), 'resume.json');
    assert.equal(defaultOutputName('backend.resume.json', 'yaml', undefined), 'backend.resume.yaml');
    assert.equal(defaultOutputName('backend.resume.yaml', 'rendercv', 'Alex Rivera'), 'Alex_Rivera_CV.yaml');
    assert.equal(defaultOutputName('backend.resume.yaml', 'rendercv', undefined), 'backend.resume_CV.yaml');
    assert.equal(defaultOutputName('backend.resume.yaml', 'yamlresume', 'Alex'), 'backend.yamlresume.yaml');
    assert.equal(defaultOutputName('backend.yamlresume.yaml', 'json', 'Alex'), 'backend.resume.json');
    assert.equal(defaultOutputName('Alex_Rivera_CV.yaml', 'yaml', 'Alex'), 'Alex_Rivera.resume.yaml');
  });

  it('counts comments, not a # inside a string or block scalar', () => {
    assert.equal(countComments('# a\nx: "# no" # b\ny: |\n  # no\n#\n'), 3);
  });
});
