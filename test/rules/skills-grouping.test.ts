import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import rule, { categoryOf, languagesIn } from '../../server/src/rules/skills-grouping';
import type { Finding, Fix } from '../../server/src/engine/types';
import { applyEdits, findingsOf, textAt } from '../helpers';
import { first, only } from '../support/lists';

const ID = 'skills-grouping';
const alone = [rule];
const GROUPS = '(Languages, Data, Architecture, Reliability, Cloud)';

function findings(text: string): Finding[] {
  return findingsOf(text, ID, {}, alone);
}

function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

type Group = { name: string; keywords: string[] };

function skillsOf(text: string): Group[] {
  return (parse(text) as { skills: Group[] }).skills;
}

const HEAD = '# Sam Lee\nbasics:\n  name: Sam Lee\n';
const TAIL = 'languages:\n  - language: English\n';

function resume(skills: string): string {
  return HEAD + 'skills:\n' + skills + TAIL;
}

const FLAT = resume(
  [
    '  - name: Technical Skills',
    '    keywords:',
    '      - Java',
    '      - Spring Boot',
    '      - PostgreSQL',
    '      - Redis',
    '      - Kafka',
    '      - gRPC',
    '      - Docker',
    '      - Kubernetes',
    '      - Grafana',
    '      - Figma',
    '',
  ].join('\n'),
);

const PER_TECHNOLOGY = resume(
  ['Go', 'Python', 'PostgreSQL', 'Kafka', 'Terraform', 'Prometheus'].map((name) => `  - name: ${name}\n    keywords: []\n`).join(''),
);

describe('skills-grouping', () => {
  describe('flags', () => {
    it('one flat group holding everything', () => {
      const found = only(findings(FLAT));
      assert.equal(textAt(FLAT, found.range), 'skills');
      assert.equal(found.message, `\`Technical Skills\` holds 10 skills in one list: group them as a reviewer scans them ${GROUPS}.`);
      assert.equal(found.severity, 'info');
    });

    it('one group per technology', () => {
      const found = only(findings(PER_TECHNOLOGY));
      assert.equal(textAt(PER_TECHNOLOGY, found.range), 'skills');
      assert.equal(found.message, `Skills are one group per technology (6 groups): group them as a reviewer scans them ${GROUPS}.`);
    });

    it('a bare list of skills', () => {
      const text = resume('  - Java\n  - Go\n  - PostgreSQL\n  - Redis\n  - Kafka\n  - REST\n  - AWS\n  - Docker\n');
      const found = first(findings(text));
      assert.equal(found.message, `\`skills\` holds 8 skills in one list: group them as a reviewer scans them ${GROUPS}.`);
    });

    it('more than six programming languages, on the languages list', () => {
      const text = resume(
        [
          '  - name: Languages',
          '    keywords: [Java, Go, Python, C#, TypeScript, Ruby, Rust, SQL, Bash]',
          '  - name: Data',
          '    keywords: [PostgreSQL, Redis]',
          '',
        ].join('\n'),
      );
      const found = only(findings(text));
      assert.equal(textAt(text, found.range), '[Java, Go, Python, C#, TypeScript, Ruby, Rust, SQL, Bash]');
      assert.equal(
        found.message,
        '7 programming languages listed (Java, Go, Python, C#, …): lead with the one or two the role uses and you know best; a long list reads as shallow.',
      );
      assert.deepEqual(found.fixes, []);
    });

    it('languages spread across groups, on the `skills` key', () => {
      const text = resume(
        [
          '  - name: Backend',
          '    keywords: [Java, Kotlin, Go, Python]',
          '  - name: Frontend',
          '    keywords: [TypeScript, Dart]',
          '  - name: Mobile',
          '    keywords: [Swift, Objective-C]',
          '',
        ].join('\n'),
      );
      const found = first(findings(text));
      assert.equal(textAt(text, found.range), 'skills');
      assert.match(found.message, /^8 programming languages listed \(Java, Kotlin, Go, Python, …\)/);
    });
  });

  describe('leaves alone', () => {
    const cases: [string, string][] = [
      [
        'the seed’s groups',
        [
          '  - name: Languages',
          '    keywords: [Java, Go, SQL]',
          '  - name: Data',
          '    keywords: [PostgreSQL, Redis, DynamoDB]',
          '  - name: Architecture',
          '    keywords: [REST, gRPC, Kafka]',
          '',
        ].join('\n'),
      ],
      [
        'a sensible grouping of one’s own',
        [
          '  - name: Backend',
          '    keywords: [Java, Spring Boot, Kafka]',
          '  - name: Databases',
          '    keywords: [PostgreSQL, MongoDB]',
          '  - name: DevOps',
          '    keywords: [Docker, Kubernetes, Terraform, GitHub Actions]',
          '',
        ].join('\n'),
      ],
      ['a short flat list', '  - name: Skills\n    keywords: [Java, PostgreSQL, Docker, Git]\n'],
      ['a long list in one area', '  - name: Frontend\n    keywords: [React, Vue, Svelte, CSS, HTML, Sass, Webpack, Vite, Storybook]\n'],
      ['six languages', '  - name: Languages\n    keywords: [Java, Go, Python, C#, TypeScript, Kotlin, SQL, Bash]\n'],
      ['another layout', '  - category: Languages\n    items: [Java, Go]\n  - category: Data\n    items: [Redis]\n'],
    ];
    for (const [title, skills] of cases) {
      it(title, () => assert.deepEqual(findings(resume(skills)), []));
    }
  });

  it('is off for a general role', () => {
    assert.deepEqual(findingsOf(FLAT, ID, { role: 'general' }, alone), []);
  });

  it('files skills by a small taxonomy', () => {
    assert.equal(categoryOf('SQL Server'), 'Data');
    assert.equal(categoryOf('SQL'), 'Languages');
    assert.equal(categoryOf('Amazon SQS'), 'Architecture');
    assert.equal(categoryOf('CloudWatch'), 'Reliability');
    assert.equal(categoryOf('AWS (EC2, S3)'), 'Cloud');
    assert.equal(categoryOf('Node.js/Express'), 'Languages');
    assert.equal(categoryOf('Figma'), 'Other');
    assert.deepEqual(languagesIn(['C/C++', 'JavaScript', 'Java (Spring)', 'MySQL', 'Golang']), ['C++', 'C', 'JavaScript', 'Java', 'Go']);
  });

  describe('fix', () => {
    it('regroups a flat list, keeping every skill and the file around it', () => {
      const found = first(findings(FLAT));
      const fix = first(found.fixes);
      assert.ok(!fix.safe);
      const fixed = applyFix(FLAT, fix);
      assert.equal(
        fixed,
        resume(
          [
            '  - name: Languages',
            '    keywords:',
            '      - Java',
            '      - Spring Boot',
            '  - name: Data',
            '    keywords:',
            '      - PostgreSQL',
            '      - Redis',
            '  - name: Architecture',
            '    keywords:',
            '      - Kafka',
            '      - gRPC',
            '  - name: Reliability',
            '    keywords:',
            '      - Grafana',
            '  - name: Cloud',
            '    keywords:',
            '      - Docker',
            '      - Kubernetes',
            '  - name: Other',
            '    keywords:',
            '      - Figma',
            '',
          ].join('\n'),
        ),
      );
      assert.deepEqual(findings(fixed), []);
      assert.deepEqual(Object.keys(parse(fixed) as object), Object.keys(parse(FLAT) as object));
      assert.ok(fixed.startsWith('# Sam Lee\n'));
    });

    it('regroups one-per-technology groups, with flow keyword lists like the file', () => {
      const fixed = applyFix(PER_TECHNOLOGY, first(first(findings(PER_TECHNOLOGY)).fixes));
      assert.deepEqual(skillsOf(fixed), [
        { name: 'Languages', keywords: ['Go', 'Python'] },
        { name: 'Data', keywords: ['PostgreSQL'] },
        { name: 'Architecture', keywords: ['Kafka'] },
        { name: 'Reliability', keywords: ['Prometheus'] },
        { name: 'Cloud', keywords: ['Terraform'] },
      ]);
      assert.ok(fixed.includes('    keywords: [Go, Python]\n'));
      assert.deepEqual(findings(fixed), []);
    });

    it('keeps a per-technology group’s keywords with its name', () => {
      const text = resume(
        ['Java: [Spring, JUnit]', 'Python: [Django]', 'PostgreSQL: []', 'Docker: []', 'Kafka: []']
          .map((entry) => {
            const [name, keywords] = entry.split(': ');
            return `  - name: ${name}\n    keywords: ${keywords}\n`;
          })
          .join(''),
      );
      const fixed = applyFix(text, first(first(findings(text)).fixes));
      assert.deepEqual(skillsOf(fixed)[0], { name: 'Languages', keywords: ['Java (Spring, JUnit)', 'Python (Django)'] });
    });

    it('matches a file that indents nothing under its keys, and quotes only what needs it', () => {
      const text =
        'skills:\n- name: Skills\n  keywords:\n  - Java\n  - "C#"\n  - PostgreSQL\n  - Redis\n  - Kafka\n  - Docker\n  - Kubernetes\n  - "Ops: on-call"\n';
      const fixed = applyFix(text, first(first(findings(text)).fixes));
      assert.ok(fixed.startsWith('skills:\n- name: Languages\n  keywords:\n  - Java\n  - C#\n- name: Data\n'), fixed);
      assert.ok(fixed.includes('  - "Ops: on-call"\n'), fixed);
      assert.deepEqual(
        skillsOf(fixed)
          .flatMap((group) => group.keywords)
          .sort(),
        ['C#', 'Docker', 'Java', 'Kafka', 'Kubernetes', 'Ops: on-call', 'PostgreSQL', 'Redis'],
      );
    });

    it('keeps a JSON resume valid JSON', () => {
      const value = {
        basics: { name: 'Sam' },
        skills: [{ name: 'Skills', keywords: ['Java', 'Go', 'PostgreSQL', 'Redis', 'Kafka', 'gRPC', 'AWS', 'Docker'] }],
      };
      const text = JSON.stringify(value, null, 2) + '\n';
      const fixed = applyFix(text, first(first(findings(text)).fixes));
      const after = JSON.parse(fixed) as { skills: Group[] };
      assert.deepEqual(
        after.skills.map((group) => group.name),
        ['Languages', 'Data', 'Architecture', 'Cloud'],
      );
      assert.ok(fixed.includes('\n  "skills": [\n    {\n      "name": "Languages",\n'), fixed);
    });

    it('offers no fix when regrouping would drop levels', () => {
      const text = resume(
        ['Java', 'Python', 'PostgreSQL', 'Docker', 'Kafka'].map((name) => `  - name: ${name}\n    level: Advanced\n`).join(''),
      );
      const found = first(findings(text));
      assert.match(found.message, /one group per technology/);
      assert.deepEqual(found.fixes, []);
    });
  });
});

describe('skills-grouping in RenderCV', () => {
  it('reads one-line entries (`label`, `details` split on commas); the regroup writes one-line entries back', () => {
    const text = [
      'cv:',
      '  sections:',
      '    skills:',
      '      - label: Skills',
      '        details: Java, Python, Go, PostgreSQL, Redis, Kafka, gRPC, Prometheus, Grafana, AWS, Docker, Kubernetes',
      '',
    ].join('\n');
    const finding = only(findingsOf(text, 'skills-grouping', {}, [rule]));
    assert.equal(textAt(text, finding.range), 'skills');
    assert.equal(
      finding.message,
      '`Skills` holds 12 skills in one list: group them as a reviewer scans them (Languages, Data, Architecture, Reliability, Cloud).',
    );
    const fixed = applyEdits(text, first(finding.fixes).edits);
    assert.deepEqual(parse(fixed), {
      cv: {
        sections: {
          skills: [
            { label: 'Languages', details: 'Java, Python, Go' },
            { label: 'Data', details: 'PostgreSQL, Redis' },
            { label: 'Architecture', details: 'Kafka, gRPC' },
            { label: 'Reliability', details: 'Prometheus, Grafana' },
            { label: 'Cloud', details: 'AWS, Docker, Kubernetes' },
          ],
        },
      },
    });
  });

  it('a one-line section that is not skills (spoken languages) is not read', () => {
    const text =
      'cv:\n  sections:\n    languages:\n      - label: English\n        details: Native, French, German, Spanish, Italian, Polish, Dutch, Czech\n';
    assert.deepEqual(findingsOf(text, 'skills-grouping', {}, [rule]), []);
  });
});
