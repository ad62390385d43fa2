/**
 * Completion and hover in a YAMLResume file, where the cursor is `‸`:
 * YAMLResume's keys at each level, the values its schema lists (a layout's
 * `template` as its `engine` allows), its entries after `- `, and bullets
 * inside an entry's `summary: |` block, which, accepted and filled in,
 * leave a file YAMLResume's schema accepts.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { parseResume } from '../../server/src/engine/document';
import type { CompletionEntry } from '../../server/src/engine/features/completion';
import { hoverAt } from '../../server/src/engine/features/hover';
import { describe as schemaDescription } from '../../server/src/engine/schema/schemaInfo';
import { yamlResumeKeyNodeAt } from '../../server/src/engine/schema/yamlResumeSchemaInfo';
import { snippetsFor, yamlResumeSnippets, yamlResumeSnippetsFor } from '../../server/src/engine/snippets';
import { lintText } from '../helpers';
import { acceptTemplate, completionAt, completionLabels, structuralFindings } from '../support/completionAt';
import { first, only } from '../support/lists';

const FILE = 'jordan.yamlresume.yaml';

/** Completions at the `‸` in `source` (a `|` being YAML's), read as the server reads the file named `fileName`. */
const at = (source: string, fileName = FILE) => completionAt(source, fileName, '‸');

const labels = (source: string, kind: CompletionEntry['kind'], fileName?: string) => completionLabels(at(source, fileName), kind);

const HEAD = 'content:\n  basics:\n    name: Jordan Lee\n';
const WORK = `${HEAD}  work:\n    - name: Initech\n      position: Backend Engineer\n`;
const SUMMARY = `${WORK}      startDate: "2021-03"\n      summary: |\n        Payments team.\n\n        - Built the quotes API\n`;

const SECTIONS = [
  'basics',
  'location',
  'profiles',
  'education',
  'work',
  'volunteer',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
  'projects',
];

describe('completion in a YAMLResume file', () => {
  describe('keys', () => {
    it('top level: `content`, `locale`, `layouts`, without those written; `layout` (before 0.8) never', () => {
      assert.deepEqual(labels(`${HEAD}‸`, 'key'), ['locale', 'layouts']);
      assert.deepEqual(labels(`‸\n${HEAD}`, 'key'), ['locale', 'layouts']);
      assert.deepEqual(labels(`${HEAD}locale:\n  language: en\n‸`, 'key'), ['layouts']);
      // The old single `layout` written: `layouts` would be a second one.
      assert.deepEqual(labels(`${HEAD}layout:\n  template: moderncv-banking\n‸`, 'key'), ['locale']);
    });

    it('top level: `content:` with nothing under it yet is YAMLResume’s, beside none of JSON Resume’s keys', () => {
      assert.deepEqual(labels('content:\n‸', 'key'), ['locale', 'layouts']);
      assert.deepEqual(labels('content:\n  ‸', 'key'), SECTIONS);
      // Beside `basics`, JSON Resume’s: JSON Resume’s keys (it has no `content`).
      assert.deepEqual(labels('content:\nbasics:\n  name: Sam\n‸', 'key').slice(0, 3), ['$schema', 'work', 'volunteer']);
    });

    it('top level: each key with YAMLResume’s description and an empty value of its type under it', () => {
      const { entries, offset } = at(`${HEAD}‸`);
      assert.deepEqual(entries, [
        {
          label: 'locale',
          kind: 'key',
          detail: 'Locale',
          documentation: schemaDescription(yamlResumeKeyNodeAt(['locale'])),
          insertText: 'locale:\n  $0',
          replace: { start: offset, end: offset },
          sortText: '000',
        },
        {
          label: 'layouts',
          kind: 'key',
          detail: 'Layouts',
          documentation: schemaDescription(yamlResumeKeyNodeAt(['layouts'])),
          insertText: 'layouts:\n  - $0',
          replace: { start: offset, end: offset },
          sortText: '001',
        },
      ]);
      assert.match(entries[1]?.documentation ?? '', /^The outputs to produce, one per item/);
    });

    it('under `content`: its sections, without those written above and below; a partial word is replaced', () => {
      assert.deepEqual(
        labels(`${HEAD}  ‸\n  education:\n    - institution: State University\n`, 'key'),
        SECTIONS.filter((key) => key !== 'basics' && key !== 'education'),
      );
      const { entries, text, offset } = at(`${HEAD}  wo‸\n`);
      const start = text.indexOf('wo\n');
      const work = entries.find((entry) => entry.label === 'work');
      assert.deepEqual(work, {
        label: 'work',
        kind: 'key',
        detail: 'Work',
        documentation: schemaDescription(yamlResumeKeyNodeAt(['content', 'work'])),
        insertText: 'work:\n    - $0',
        replace: { start, end: offset },
        sortText: '003',
      });
      assert.equal(entries.find((entry) => entry.label === 'location')?.insertText, 'location:\n    $0');
      for (const entry of entries) assert.deepEqual(entry.replace, { start, end: offset });
    });

    it('under `content.basics`: its fields', () => {
      assert.deepEqual(labels(`${HEAD}    ‸\n`, 'key'), ['headline', 'email', 'phone', 'url', 'summary']);
    });

    it('a `content.work` entry: its fields, each titled as its key; `summary` opens a `|` block with a list item', () => {
      const { entries, offset } = at(`${WORK}      ‸\n`);
      assert.deepEqual(
        entries.map((entry) => [entry.label, entry.detail, entry.insertText]),
        [
          ['startDate', 'Start date', 'startDate: $0'],
          ['endDate', 'End date', 'endDate: $0'],
          ['summary', 'Summary', 'summary: |\n        - $0'],
          ['keywords', 'Keywords', 'keywords:\n        - $0'],
          ['url', 'URL', 'url: $0'],
        ],
      );
      assert.deepEqual(first(entries), {
        label: 'startDate',
        kind: 'key',
        detail: 'Start date',
        documentation: 'When you started, e.g. `2021-03`, `Mar 2021` or `Mar 1, 2021`.',
        insertText: 'startDate: $0',
        replace: { start: offset, end: offset },
        sortText: '000',
      });
      // A new entry: every field, the company first.
      assert.deepEqual(labels(`${WORK}    - ‸\n`, 'key'), ['name', 'position', 'startDate', 'endDate', 'summary', 'keywords', 'url']);
    });

    it('entries of other sections: their own fields; a summary that is no list of bullets stays a plain key', () => {
      const cases: [string, string[]][] = [
        ['  skills:\n    - name: Data\n      ‸\n', ['level', 'keywords']],
        ['  languages:\n    - ‸\n', ['language', 'fluency', 'keywords']],
        [
          '  education:\n    - institution: State University\n      ‸\n',
          ['area', 'degree', 'startDate', 'endDate', 'courses', 'score', 'summary', 'url'],
        ],
        ['  projects:\n    - name: ledger-lite\n      ‸\n', ['description', 'startDate', 'endDate', 'summary', 'keywords', 'url']],
        ['  profiles:\n    - network: GitHub\n      ‸\n', ['username', 'url']],
        ['  location:\n    city: Denver\n    ‸\n', ['address', 'region', 'country', 'postalCode']],
      ];
      for (const [section, keys] of cases) assert.deepEqual(labels(`${HEAD}${section}`, 'key'), keys, section);
      assert.equal(
        at(`${HEAD}  projects:\n    - name: ledger-lite\n      ‸\n`).entries.find((entry) => entry.label === 'summary')?.insertText,
        'summary: |\n        - $0',
      );
      assert.equal(
        at(`${HEAD}  education:\n    - institution: State University\n      ‸\n`).entries.find((entry) => entry.label === 'summary')
          ?.insertText,
        'summary: $0',
      );
    });

    it('a `layouts` item: `engine` first, then the options; under `page`, its own', () => {
      assert.deepEqual(labels(`${HEAD}layouts:\n  - ‸\n`, 'key'), ['engine', 'template', 'page', 'typography', 'sections', 'advanced']);
      assert.deepEqual(labels(`${HEAD}layouts:\n  - engine: latex\n    ‸\n`, 'key'), [
        'template',
        'page',
        'typography',
        'sections',
        'advanced',
      ]);
      assert.deepEqual(labels(`${HEAD}layouts:\n  - engine: latex\n    page:\n      ‸\n`, 'key'), ['margins', 'showPageNumbers']);
      assert.deepEqual(labels(`${HEAD}locale:\n  ‸\n`, 'key'), ['language']);
    });
  });

  describe('values', () => {
    it('`skills[].level`: YAMLResume’s levels, replacing the word typed', () => {
      const source = `${HEAD}  skills:\n    - name: Data\n      level: ‸\n`;
      const { entries, offset } = at(source);
      const documentation = schemaDescription(yamlResumeKeyNodeAt(['content', 'skills', 0, 'level']));
      assert.deepEqual(
        entries,
        ['Novice', 'Beginner', 'Intermediate', 'Advanced', 'Expert', 'Master'].map((label, index) => ({
          label,
          kind: 'value',
          documentation,
          insertText: label,
          replace: { start: offset, end: offset },
          sortText: String(index).padStart(3, '0'),
        })),
      );
      const typed = at(source.replace('‸', 'Adv‸'));
      assert.deepEqual(first(typed.entries).replace, { start: typed.offset - 3, end: typed.offset });
    });

    it('`layouts[].engine`, and the `template` and `fontSize` that engine takes', () => {
      assert.deepEqual(labels(`${HEAD}layouts:\n  - engine: ‸\n`, 'value'), ['latex', 'markdown', 'html', 'docx']);
      assert.deepEqual(labels(`${HEAD}layouts:\n  - engine: latex\n    template: ‸\n`, 'value'), [
        'moderncv-banking',
        'moderncv-casual',
        'moderncv-classic',
        'jake',
      ]);
      assert.deepEqual(labels(`${HEAD}layouts:\n  - engine: markdown\n  - template: ‸\n    engine: html\n`, 'value'), ['calm', 'vscode']);
      assert.deepEqual(labels(`${HEAD}layouts:\n  - engine: latex\n    typography:\n      fontSize: ‸\n`, 'value'), [
        '10pt',
        '11pt',
        '12pt',
      ]);
      // No engine written, or one with no list: nothing to pick from.
      assert.deepEqual(at(`${HEAD}layouts:\n  - template: ‸\n`).entries, []);
      assert.deepEqual(at(`${HEAD}layouts:\n  - engine: html\n    typography:\n      fontSize: ‸\n`).entries, []);
    });

    it('languages: `fluency` on the ILR scale, `language` by name; `locale.language`: the codes', () => {
      assert.deepEqual(labels(`${HEAD}  languages:\n    - language: English\n      fluency: ‸\n`, 'value'), [
        'Elementary Proficiency',
        'Limited Working Proficiency',
        'Minimum Professional Proficiency',
        'Full Professional Proficiency',
        'Native or Bilingual Proficiency',
      ]);
      assert.deepEqual(labels(`${HEAD}  languages:\n    - language: ‸\n`, 'value').slice(0, 3), ['English', 'Spanish', 'French']);
      assert.deepEqual(labels(`${HEAD}locale:\n  language: ‸\n`, 'value'), [
        'en',
        'zh-hans',
        'zh-hant-hk',
        'zh-hant-tw',
        'es',
        'fr',
        'no',
        'nl',
        'de',
        'ja',
        'id',
        'pt-br',
      ]);
    });

    it('a date: nothing (an example date is not the person’s date); a network: YAMLResume’s spellings', () => {
      assert.deepEqual(at(`${WORK}      startDate: ‸\n`).entries, []);
      assert.deepEqual(at(`${WORK}      endDate: ‸\n`).entries, []);
      assert.deepEqual(
        at(`${HEAD}  profiles:\n    - network: ‸\n`)
          .entries.slice(0, 2)
          .map((entry) => entry.label),
        ['Behance', 'Discord'],
      );
    });
  });

  describe('templates', () => {
    const WORK_INSERT = [
      'name: ${1:‹company›}',
      '      position: ${2:Backend Engineer}',
      '      startDate: "${3:‹YYYY-MM›}"',
      '      summary: |',
      '        - Designed ${4:‹system›} handling ${5:‹N›} requests/day at ${6:‹N›}% availability',
      '        - Cut p99 latency of ${7:‹endpoint›} from ${8:‹before›} ms to ${9:‹after›} ms by ${10:‹how›}',
      '        - Made ${11:‹operation›} safe to retry with idempotency keys, ending ${12:‹N›} duplicate ${13:‹records›} a month',
      '      $0',
    ].join('\n');

    it('after `- ` in `content.work`: the work entry, its bullets a Markdown list in a `|` summary, sorted first', () => {
      const { entries, offset } = at(`${WORK}    - ‸\n`);
      assert.deepEqual(
        entries.filter((entry) => entry.kind === 'snippet'),
        [
          {
            label: 'work',
            kind: 'snippet',
            detail: 'YAMLResume work entry',
            documentation: first(yamlResumeSnippetsFor('work')).description,
            filterText: 'work job role',
            insertText: WORK_INSERT,
            replace: { start: offset, end: offset },
            sortText: ' 000',
          },
        ],
      );
      const typed = at(`${WORK}    - jo‸\n`);
      assert.deepEqual(first(typed.entries).replace, { start: typed.offset - 2, end: typed.offset });
    });

    it('after `- ` in `content.projects`: the project; in `content.skills`: a group with its `level`', () => {
      assert.deepEqual(
        at(`${HEAD}  projects:\n    - ‸\n`)
          .entries.filter((entry) => entry.kind === 'snippet')
          .map((entry) => [entry.label, entry.insertText]),
        [
          [
            'project',
            [
              'name: ${1:‹project›}',
              '      description: A documented project with a real API and a database schema.',
              '      url: ${2:‹https://example.com/project›}',
              '      startDate: "${3:‹YYYY-MM›}"',
              '      summary: |',
              '        - Built ${4:‹what›} with ${5:‹stack›}, serving ${6:‹N›} requests/day at ${7:‹N›} ms p95 latency',
              '        - Designed the ${8:‹database›} schema for ${9:‹N›} ${10:‹records›}, with indexes that keep queries under ${11:‹N›} ms',
              '      $0',
            ].join('\n'),
          ],
        ],
      );
      assert.deepEqual(
        at(`${HEAD}  skills:\n    - name: Data\n      level: Advanced\n    - ‸\n`)
          .entries.filter((entry) => entry.kind === 'snippet')
          .map((entry) => [entry.label, entry.insertText]),
        [
          [
            'skills',
            [
              'name: ${1|Languages,Data,Architecture,Reliability,Cloud|}',
              '      level: ${2|Intermediate,Advanced,Expert,Master,Beginner,Novice|}',
              '      keywords: [${3:‹skill›}, ${4:‹skill›}]',
              '      $0',
            ].join('\n'),
          ],
        ],
      );
    });

    it('no template elsewhere: other sections, a line without `- `, a key line, the top level', () => {
      for (const source of [
        `${HEAD}  education:\n    - ‸\n`,
        `${HEAD}  languages:\n    - ‸\n`,
        `${HEAD}layouts:\n  - ‸\n`,
        `${WORK}      ‸\n`,
        `${WORK}    ‸\n`,
        `${HEAD}  ‸\n`,
        `${HEAD}‸`,
      ]) {
        assert.deepEqual(labels(source, 'snippet'), [], source);
      }
    });

    it('in an entry’s `summary: |` block: the bullets, after `- ` or on a bare line with the dash added, and no key', () => {
      const BULLETS = snippetsFor('highlights');
      const dashed = at(`${SUMMARY}        - ‸\n`);
      assert.deepEqual(
        dashed.entries.map((entry) => [entry.label, entry.kind, entry.insertText, entry.replace]),
        BULLETS.map((snippet) => [snippet.prefix[0], 'snippet', snippet.body, { start: dashed.offset, end: dashed.offset }]),
      );
      const bare = at(`${SUMMARY}        ‸\n      keywords: [Go]\n`);
      assert.deepEqual(
        bare.entries.map((entry) => entry.insertText),
        BULLETS.map((snippet) => `- ${snippet.body}`),
      );
      const typed = at(`${SUMMARY}        - lat‸\n`);
      assert.deepEqual(
        typed.entries.map((entry) => entry.replace),
        BULLETS.map(() => ({ start: typed.offset - 3, end: typed.offset })),
      );
      // The first line of an empty block, in a project.
      assert.equal(at(`${HEAD}  projects:\n    - name: ledger-lite\n      summary: |\n        ‸\n`).entries.length, BULLETS.length);
    });

    it('no bullet where the text is no list of bullets: `basics.summary`, a folded `>` block, an award; left of the text, the entry’s keys', () => {
      for (const source of [
        `${HEAD}    summary: |\n      Backend engineer.\n      ‸\n`,
        `${WORK}      summary: >-\n        Payments team.\n        ‸\n`,
        `${HEAD}  awards:\n    - title: Hackathon\n      summary: |\n        - ‸\n`,
      ]) {
        assert.deepEqual(at(source).entries, [], source);
      }
      // At the entry's column, below the block: a key of the entry again.
      assert.deepEqual(labels(`${SUMMARY}      ‸\n`, 'key'), ['endDate', 'keywords', 'url']);
      // Left of the block's first line, the line would end the block: not in it.
      assert.deepEqual(labels(`${WORK}      summary: |\n          Indented text.\n        ‸\n`, 'snippet'), []);
    });

    it('an empty file: JSON Resume’s skeleton, YAMLResume having no file name of its own to tell it by', () => {
      assert.equal(first(at('‸').entries).detail, 'Backend resume skeleton');
    });

    it('every template’s defaults and text carry no figure; each ends with `$0`', () => {
      for (const snippet of yamlResumeSnippets) {
        const defaults = [...snippet.body.matchAll(/\$\{\d+[:|]([^}]*)\}/g)].map((match) => match[1] ?? '');
        for (const value of defaults) assert.doesNotMatch(value, /\d/, `${snippet.name}: ${value}`);
        const literal = snippet.body.replace(/\$\{\d+[:|][^}]*\}|\$\d+/g, '').replace(/\bp(?:50|90|95|99)\b/g, '');
        assert.doesNotMatch(literal, /\d/, `${snippet.name}: ${literal}`);
        assert.ok(snippet.body.endsWith('\n$0'), snippet.name);
      }
    });
  });

  describe('accepted and filled in', () => {
    const SAMPLES: Record<string, string> = {
      '‹N›': '12',
      '‹before›': '850',
      '‹after›': '120',
      '‹YYYY-MM›': '2021-03',
      '‹https://example.com/project›': 'https://example.com/ledger',
      '‹skill›': 'Go',
    };
    const sample = (token: string) => SAMPLES[token] ?? token.slice(1, -1);
    const BASE = [
      HEAD.trimEnd(),
      '  education:',
      '    - institution: State University',
      '      area: Computer Science',
      '      degree: Bachelor',
      '      startDate: "2013"',
      '  work:',
      '    - name: Initech',
      '      position: Backend Engineer',
      '      startDate: "2019-01"',
      '      summary: |',
      '        - Built the quotes API serving 3M requests/day',
      '',
    ].join('\n');

    const accept = (source: string, label: string, fill = sample) => acceptTemplate(at(source), label, fill);

    function assertYamlResume(text: string): { content: Record<string, Record<string, unknown>[]> } {
      assert.deepEqual(structuralFindings(text, FILE, 'yamlresume'), [], text);
      return parseDocument(text).toJS() as { content: Record<string, Record<string, unknown>[]> };
    }

    it('the base file is clean', () => {
      assertYamlResume(BASE);
    });

    it('each entry template is one more entry of its section, a bullet one more list item, and each bullet is read as one', () => {
      let text = accept(`${BASE}    - ‸\n`, 'work');
      text = accept(`${text}  projects:\n    - ‸\n`, 'project');
      text = accept(`${text}  skills:\n    - ‸\n`, 'skills');
      // Where the work template left the cursor, a line under its bullets: one more bullet there.
      const projects = text.indexOf('      \n  projects:');
      text = accept(`${text.slice(0, projects)}        - ‸\n${text.slice(projects + '      \n'.length)}`, 'latency');
      const { content } = assertYamlResume(text);
      assert.deepEqual(
        content.work?.map((entry) => [entry.name, entry.startDate]),
        [
          ['Initech', '2019-01'],
          ['company', '2021-03'],
        ],
      );
      assert.equal(
        content.work?.[1]?.summary,
        [
          '- Designed system handling 12 requests/day at 12% availability',
          '- Cut p99 latency of endpoint from 850 ms to 120 ms by how',
          '- Made operation safe to retry with idempotency keys, ending 12 duplicate records a month',
          '- Cut p99 latency of endpoint from 850 ms to 120 ms by how',
          '',
        ].join('\n'),
      );
      assert.deepEqual(
        content.projects?.map((entry) => [entry.name, entry.url, entry.startDate]),
        [['project', 'https://example.com/ledger', '2021-03']],
      );
      assert.deepEqual(content.skills, [{ name: 'Languages', level: 'Intermediate', keywords: ['Go', 'Go'] }]);
      const model = lintText(text, { fileName: FILE }).model;
      assert.equal(model.bullets.filter((bullet) => bullet.entryPath === 'content.work[1]').length, 4);
      assert.equal(model.bullets.filter((bullet) => bullet.entryPath === 'content.projects[0]').length, 2);
    });

    it('unfilled, a template’s slots are what the `placeholder` rule flags', () => {
      const text = accept(`${BASE}    - ‸\n`, 'work', (token) => token);
      const placeholders = lintText(text, { fileName: FILE }).findings.filter((finding) => finding.ruleId === 'placeholder');
      assert.ok(placeholders.length > 0, text);
    });
  });

  describe('hover', () => {
    const text = `${SUMMARY}  skills:\n    - name: Data\n      level: Advanced\nlayouts:\n  - engine: latex\n`;
    const model = parseResume(text, { fileName: FILE });
    const hover = (key: string, nth = 0) => {
      let offset = -1;
      for (let i = 0; i <= nth; i++) offset = text.indexOf(key, offset + 1);
      return hoverAt(model, offset + 1);
    };

    it('a key: its title and description from YAMLResume’s schema, on the key', () => {
      const name = hover('name: Initech');
      assert.deepEqual(name, {
        markdown: '**Company** (`content.work[0].name`)\n\nThe employer, e.g. *Acme Payments*.',
        range: { start: text.indexOf('name: Initech'), end: text.indexOf('name: Initech') + 'name'.length },
      });
      assert.equal(
        hover('level:')?.markdown,
        '**Level** (`content.skills[0].level`)\n\nHow good you are: `Novice`, `Beginner`, `Intermediate`, `Advanced`, `Expert` or `Master`.',
      );
      assert.equal(
        hover('engine:')?.markdown,
        '**Engine** (`layouts[0].engine`)\n\nThe kind of output: `latex` (PDF), `markdown`, `html` (0.9 and later) or `docx` (0.13 and later).',
      );
    });

    it('the first key: how the file is read, then what `content` is', () => {
      const markdown = hover('content:')?.markdown ?? '';
      assert.equal(
        markdown,
        [
          'Bulletproof: read as YAMLResume (detected from `content.basics`)',
          '**Content** (`content`)',
          schemaDescription(yamlResumeKeyNodeAt(['content'])),
        ].join('\n\n'),
      );
    });

    it('a bullet in a summary: its numbers, as in the other layouts', () => {
      const bullet = only(model.bullets.filter((candidate) => candidate.text === 'Built the quotes API'));
      assert.equal(hoverAt(model, bullet.range.start + 2)?.markdown.startsWith('**No number in this bullet.**'), true);
    });
  });
});
