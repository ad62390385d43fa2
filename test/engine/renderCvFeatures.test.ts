/** What the editor and the CLI show of a RenderCV file: the outline, the hover on the first key, the report and its roles, posting fixes. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { parseResume } from '../../server/src/engine/document';
import { outline, type OutlineItem } from '../../server/src/engine/features/outline';
import { hoverAt } from '../../server/src/engine/features/hover';
import { buildReport } from '../../server/src/engine/report';
import { reportToMarkdown } from '../../server/src/engine/reportMarkdown';
import { postingSource } from '../../server/src/engine/posting';
import { applyFix, lintText, textAt } from '../helpers';
import { first, only } from '../support/lists';

const EXAMPLE = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'examples', 'backend_CV.yaml'), 'utf8');

function names(items: readonly OutlineItem[], depth = 0): string[] {
  return items.flatMap((item) => [
    `${'  '.repeat(depth)}${item.name}${item.detail ? ` (${item.detail})` : ''}`,
    ...names(item.children, depth + 1),
  ]);
}

describe('RenderCV in the editor and the report', () => {
  it('outline: CV › Sections › each section as RenderCV titles it › Company — Position, Markdown links read as text', () => {
    const tree = names(outline(parseResume(EXAMPLE)));
    assert.deepEqual(tree.slice(0, 7), [
      'CV (Alex Rivera)',
      '  Sections',
      '    Summary',
      '      Backend engineer with eight years of building payment and l…',
      '    Experience',
      '      Fintech Co — Senior Backend Engineer',
      '      Logistics Inc — Backend Engineer',
    ]);
    assert.ok(tree.includes('      Languages — Go, Java, SQL, Python'));
    assert.ok(tree.includes('      ledger-lite'));
    assert.deepEqual(tree.slice(-2), ['Design', 'Locale']);
    const titled = names(outline(parseResume('cv:\n  sections:\n    work_experience:\n      - company: A\n        position: B\n')));
    assert.deepEqual(titled, ['CV', '  Sections', '    Work Experience', '      A — B']);
  });

  it('hover on the first key says how the file is read and why', () => {
    const model = parseResume(EXAMPLE);
    const hover = hoverAt(model, EXAMPLE.indexOf('cv:') + 1);
    assert.ok(hover);
    assert.equal(textAt(EXAMPLE, hover.range), 'cv');
    assert.match(hover.markdown, /^Bulletproof: read as RenderCV \(detected from `cv\.sections`\)\n\n\*\*CV\*\* \(`cv`\)/);
    const named = parseResume('{}\n', { fileName: 'Alex_CV.yaml' });
    assert.equal(named.layout.reason, 'file name');
    const key = hoverAt(parseResume('cv:\n  name: A\n', { layout: 'rendercv' }), 1);
    assert.match(key?.markdown ?? '', /^Bulletproof: read as RenderCV \(set by `layout: rendercv`\)/);
  });

  it('hover on a RenderCV key: RenderCV’s schema, the entry read as its section’s type', () => {
    const model = parseResume(EXAMPLE);
    const hover = hoverAt(model, EXAMPLE.indexOf('start_date') + 2);
    assert.match(hover?.markdown ?? '', /^\*\*Start date\*\* \(`cv\.sections\.experience\[0\]\.start_date`\)/);
  });

  it('the report names the layout (title and JSON) and counts each role’s bullets, titled without Markdown', () => {
    const result = lintText(EXAMPLE);
    const report = buildReport(result);
    assert.deepEqual(report.layout, { id: 'rendercv', name: 'RenderCV', description: 'read as RenderCV (detected from `cv.sections`)' });
    assert.deepEqual(
      report.roles.map((role) => [role.path, role.title, role.bullets, role.quantified]),
      [
        ['cv.sections.experience[0]', 'Fintech Co — Senior Backend Engineer', 5, 5],
        ['cv.sections.experience[1]', 'Logistics Inc — Backend Engineer', 4, 4],
        ['cv.sections.projects[0]', 'ledger-lite', 1, 1],
      ],
    );
    assert.deepEqual(
      report.skillCategories.map((category) => [category.category, category.keywords.length]),
      [
        ['Languages', 4],
        ['Data', 4],
        ['Architecture', 5],
        ['Reliability', 5],
        ['Cloud', 4],
      ],
    );
    assert.match(
      reportToMarkdown(report, 'backend_CV.yaml', () => 1),
      /^# Resume report: backend_CV\.yaml \(RenderCV\)\n/,
    );
  });

  it('a posting term the resume misses: added to the RenderCV skills line, the file still RenderCV', () => {
    const posting = postingSource('job.md', '# Backend Engineer\n\n## Requirements\n\n- Experience with RabbitMQ\n');
    const finding = only(lintText(EXAMPLE, { posting }).findings.filter((f) => f.ruleId === 'posting-missing-term'));
    assert.equal(textAt(EXAMPLE, finding.range), 'skills');
    const fix = first(finding.fixes);
    assert.equal(fix.title, 'Add RabbitMQ to the Architecture skills');
    const fixed = parse(applyFix(EXAMPLE, fix)) as { cv: { sections: { skills: { label: string; details: string }[] } } };
    assert.deepEqual(fixed.cv.sections.skills[2], { label: 'Architecture', details: 'REST, gRPC, Kafka, SQS, caching, RabbitMQ' });
  });
});
