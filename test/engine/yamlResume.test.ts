/**
 * YAMLResume read as a layout: each Markdown list item of a `summary` is a
 * bullet with its own range, and fixes rewrite that item alone; dates in
 * YAMLResume's forms; the view; its schema's findings; the example gets the
 * advice the JSON Resume example gets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { adviceByBullet, applyFix, FIXED_TODAY, lintText, textAt } from '../helpers';
import { lint } from '../../server/src/linter';
import { rules } from '../../server/src/rules/registry';
import { parseResume } from '../../server/src/engine/document';
import { fixAll } from '../../server/src/engine/fixes';
import { resumeView } from '../../server/src/engine/layouts';
import { readMarkdownList, splitList } from '../../server/src/engine/markdownList';
import type { LintResult } from '../../server/src/linter';
import type { Fix } from '../../server/src/engine/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const EXAMPLES = path.join(ROOT, 'examples');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'layouts', 'yamlresume');

const BASICS = 'content:\n  basics:\n    name: Alex Rivera\n    email: alex@example.com\n';
const EDUCATION =
  '  education:\n    - institution: State University\n      area: Computer Science\n      degree: Bachelor\n      startDate: "2013"\n';

/** A YAMLResume file with one work entry whose `summary` is the given block lines (already indented by 8). */
function work(summary: string, dates = '      startDate: Apr 2021\n'): string {
  return `${BASICS}${EDUCATION}  work:\n    - name: Fintech Co\n      position: Backend Engineer\n${dates}      summary: |\n${summary}`;
}

function bulletsOf(text: string): [string, string, string, string][] {
  return parseResume(text).bullets.map((bullet) => [bullet.kind, bullet.entryPath, bullet.text, textAt(text, bullet.range)]);
}

function findingsOf(result: LintResult, ruleId: string): [string, string][] {
  const text = result.model.text;
  return result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => [textAt(text, finding.range), finding.message]);
}

function fixOf(result: LintResult, ruleId: string, title?: string): Fix {
  const fix = result.findings
    .filter((finding) => finding.ruleId === ruleId)
    .flatMap((finding) => finding.fixes)
    .find((candidate) => title === undefined || candidate.title === title);
  assert.ok(fix, `no fix from ${ruleId}`);
  return fix;
}

/** The lines of `after` that differ from `before`'s, by index: what a fix touched. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'the fix adds or removes lines');
  return b.filter((line, index) => line !== a[index]);
}

describe('YAMLResume', () => {
  describe('the Markdown list in a summary', () => {
    it('reads items with each marker, nested ones and lines under an item', () => {
      const value = 'Team of 9.\n\n- one\n* two\n  still two\n+ three\n  - nested\n1. four\n2) five\n';
      const list = readMarkdownList(value);
      assert.deepEqual(
        list.items.map((item) => [item.indent, value.slice(item.start, item.end)]),
        [
          [0, 'one'],
          [0, 'two\n  still two'],
          [0, 'three'],
          [2, 'nested'],
          [0, 'four'],
          [0, 'five'],
        ],
      );
      assert.equal(value.slice(0, list.start), 'Team of 9.\n\n');
      assert.deepEqual([list.endsText, list.separated], [true, true]);
      // Convert's reading of it: the text before, and the top-level items with what is under them.
      assert.deepEqual(splitList(value), {
        summary: 'Team of 9.',
        highlights: ['one', 'two\nstill two', 'three\n- nested', 'four', 'five'],
      });
    });

    it('each item is a bullet whose range is its text in the source; the text before the list is the summary', () => {
      const text = work(
        '        Payments platform team, 9 engineers.\n\n' +
          '        - Designed a **payments** API handling 4M requests/day\n' +
          '        - Cut p99 latency from 850 ms to 210 ms with [Redis](https://redis.io)\n' +
          '          and covering indexes\n' +
          '        1. Mentored 4 engineers\n',
      );
      assert.deepEqual(bulletsOf(text), [
        ['summary', 'content.work[0]', 'Payments platform team, 9 engineers.', 'Payments platform team, 9 engineers.'],
        [
          'highlight',
          'content.work[0]',
          'Designed a **payments** API handling 4M requests/day',
          'Designed a **payments** API handling 4M requests/day',
        ],
        [
          'highlight',
          'content.work[0]',
          'Cut p99 latency from 850 ms to 210 ms with [Redis](https://redis.io)\n  and covering indexes',
          'Cut p99 latency from 850 ms to 210 ms with [Redis](https://redis.io)\n          and covering indexes',
        ],
        ['highlight', 'content.work[0]', 'Mentored 4 engineers', 'Mentored 4 engineers'],
      ]);
      const [, first] = parseResume(text).bullets;
      assert.equal(first?.path, 'content.work[0].summary');
      assert.deepEqual(first?.within, { start: 40, end: 92 });
    });

    it('exact ranges in a CRLF file and after a BOM', () => {
      const lf = work('        - Was responsible for various payment APIs\n        - Mentored 4 engineers\n');
      for (const text of [lf.replace(/\n/g, '\r\n'), `\uFEFF${lf}`]) {
        const bullets = bulletsOf(text);
        assert.deepEqual(
          bullets.map(([, , value, source]) => [value, source]),
          [
            ['Was responsible for various payment APIs', 'Was responsible for various payment APIs'],
            ['Mentored 4 engineers', 'Mentored 4 engineers'],
          ],
        );
        assert.deepEqual(findingsOf(lintText(text), 'filler'), [['various', '`various` is vague: give the number, or cut it.']]);
      }
    });

    it('a summary without a list is one summary bullet; plain and quoted summaries hold lists too', () => {
      assert.deepEqual(bulletsOf(`${BASICS}    summary: Backend engineer with eight years of Go.\n`), [
        ['summary', 'content.basics', 'Backend engineer with eight years of Go.', 'Backend engineer with eight years of Go.'],
      ]);
      const quoted = `${BASICS}  projects:\n    - name: ledger\n      startDate: "2022"\n      summary: "- Wrote a ledger\\n- Cut reconciling to 9 s"\n`;
      assert.deepEqual(bulletsOf(quoted), [
        ['highlight', 'content.projects[0]', 'Wrote a ledger', 'Wrote a ledger'],
        ['highlight', 'content.projects[0]', 'Cut reconciling to 9 s', 'Cut reconciling to 9 s'],
      ]);
    });
  });

  describe('fixes rewrite one item', () => {
    const text = work(
      '        Payments platform team.\n\n' +
        '        - Was responsible for various payment APIs\n' +
        '        - Cut p99 latency from 850 ms to 210 ms\n',
    );

    it('a rewrite touches only its item: the block stays a `|` block, every other line byte for byte', () => {
      const result = lintText(text);
      const fix = fixOf(result, 'filler', 'Remove `various`');
      const itemStart = text.indexOf('Was responsible');
      assert.deepEqual(
        fix.edits.map((edit) => [edit.range.start, edit.range.end, edit.newText]),
        [[itemStart, itemStart + 'Was responsible for various payment APIs'.length, 'Was responsible for payment APIs']],
      );
      const after = applyFix(text, fix);
      assert.deepEqual(changedLines(text, after), ['        - Was responsible for payment APIs']);
      assert.equal(
        (parseDocument(after).toJS() as { content: { work: { summary: string }[] } }).content.work[0]?.summary,
        'Payments platform team.\n\n- Was responsible for payment APIs\n- Cut p99 latency from 850 ms to 210 ms\n',
      );
    });

    it('a template with placeholders is a snippet inside the item', () => {
      const fix = fixOf(lintText(text), 'quantify');
      assert.equal(fix.edits.length, 1);
      const edit = fix.edits[0];
      assert.ok(edit);
      assert.equal(edit.snippet, true);
      assert.equal(textAt(text, edit.range), 'Was responsible for various payment APIs');
      assert.match(edit.newText, /^Was responsible for various payment APIs, .*\$\{1:/);
    });

    it('the tense fix changes the verb of its item alone, and a multi-line item keeps its lines', () => {
      const current = work(
        '        - Design payment APIs for 4M requests/day\n        - Cut p99 latency from 850 ms\n          to 210 ms\n',
        '      startDate: Apr 2019\n      endDate: May 2021\n',
      );
      const result = lintText(current);
      const fix = fixOf(result, 'tense');
      const after = applyFix(current, fix);
      assert.deepEqual(changedLines(current, after), ['        - Designed payment APIs for 4M requests/day']);
    });

    it('when the block cannot be kept the fix is left out rather than turning it into a quoted string', () => {
      // A line of spaces more indented than the block is part of its value: the block cannot be written again as one.
      const awkward = work('        - Was responsible for various\n          payment APIs\n          \n        - Cut p99 latency\n');
      const result = lintText(awkward);
      const filler = result.findings.filter((finding) => finding.ruleId === 'filler');
      assert.deepEqual(
        filler.map((finding) => [textAt(awkward, finding.range), finding.fixes.length]),
        [['various', 0]],
      );
      for (const finding of result.findings)
        for (const fix of finding.fixes)
          for (const edit of fix.edits) assert.ok(!edit.newText.startsWith('"'), `${finding.ruleId}: ${edit.newText}`);
    });
  });

  describe('dates', () => {
    it('reads `Apr 2021`, `April 2021`, `2021-04`, `Sep 1, 2016` and `2021` for date-order and future-date', () => {
      const dated = (start: string, end: string) =>
        work('        - Cut p99 latency by 75%\n', `      startDate: ${start}\n      endDate: ${end}\n`);
      assert.deepEqual(findingsOf(lintText(dated('April 2021', 'Mar 2020')), 'date-order').length, 1);
      assert.deepEqual(findingsOf(lintText(dated('"2021-04"', 'Sep 1, 2016')), 'date-order').length, 1);
      assert.deepEqual(findingsOf(lintText(dated('"2019"', 'Apr 2021')), 'date-order'), []);
      assert.deepEqual(findingsOf(lintText(dated('Apr 2021', 'Dec 2030')), 'future-date'), [
        ['Dec 2030', '`endDate` 2030-12 is in the future. For a current role, leave `endDate` empty.'],
      ]);
    });

    it('an empty `endDate` is a current role: past-tense bullets there are flagged', () => {
      const current = work(
        '        - Designed payment APIs\n        - Build the ledger\n        - Run the on-call rotation\n',
        '      startDate: Apr 2021\n      endDate:\n',
      );
      const tense = findingsOf(lintText(current), 'tense');
      assert.deepEqual(
        tense.map(([at]) => at),
        ['Designed'],
      );
    });
  });

  it('the view: the person, the entries with their list items, skills and the words of YAMLResume', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'backend.yamlresume.yaml'), 'utf8');
    const model = parseResume(text);
    const view = resumeView(model);
    assert.equal(model.layout.id, 'yamlresume');
    assert.deepEqual(
      [view.readable, view.basics.hasName, view.basics.hasContact, view.basics.namePath, view.basics.summaryPath],
      [true, true, true, 'content.basics.name', 'content.basics.summary'],
    );
    assert.equal(textAt(text, view.basics.anchor), 'basics');
    assert.equal(textAt(text, view.workAnchor!), 'work');
    assert.deepEqual(
      view.entries.map((entry) => [entry.kind, entry.path, entry.organisation, entry.title, entry.highlightsPath, entry.highlights]),
      [
        ['work', 'content.work[0]', 'Fintech Co', 'Senior Backend Engineer', 'content.work[0].summary', 5],
        ['work', 'content.work[1]', 'Logistics Inc', 'Backend Engineer', 'content.work[1].summary', 4],
        ['project', 'content.projects[0]', 'ledger-lite', undefined, 'content.projects[0].summary', 1],
        ['education', 'content.education[0]', 'State University', 'Computer Science', 'content.education[0].summary', 0],
      ],
    );
    assert.deepEqual(
      view.skills.groups.map((group) => [group.name, group.items.length, group.itemsPath]),
      [
        ['Languages', 4, 'content.skills[0].keywords'],
        ['Data', 4, 'content.skills[1].keywords'],
        ['Architecture', 5, 'content.skills[2].keywords'],
        ['Reliability', 5, 'content.skills[3].keywords'],
        ['Cloud', 4, 'content.skills[4].keywords'],
      ],
    );
    assert.deepEqual(view.skills.groupItem('Queues', ['Kafka']), { name: 'Queues', level: 'Advanced', keywords: ['Kafka'] });
    assert.equal(view.terms.currentRoleEnd, 'leave `endDate` empty');
    // No work entry with a list: the completeness note says how YAMLResume writes bullets.
    const bare = lintText(
      `${BASICS}${EDUCATION}  work:\n    - name: Fintech Co\n      position: Engineer\n      startDate: Apr 2021\n      summary: Payments platform team.\n`,
    );
    assert.deepEqual(
      findingsOf(bare, 'completeness').map(([, message]) => message),
      ['No `content.work` entry has a Markdown list (`- `) in its `summary`: add the bullets reviewers read first, one achievement each.'],
    );
  });

  describe('schema', () => {
    function schemaFindings(text: string): [string, string, string, string[]][] {
      return lintText(text)
        .findings.filter((finding) => /^(schema|yaml)\//.test(finding.ruleId))
        .map((finding) => [finding.ruleId, textAt(text, finding.range), finding.message, finding.fixes.map((fix) => fix.title)]);
    }
    const fixture = (kind: string, name: string) => fs.readFileSync(path.join(FIXTURES, kind, name), 'utf8');

    it('the valid fixtures and the example have no schema finding', () => {
      for (const name of fs.readdirSync(path.join(FIXTURES, 'valid'))) assert.deepEqual(schemaFindings(fixture('valid', name)), [], name);
      assert.deepEqual(schemaFindings(fs.readFileSync(path.join(EXAMPLES, 'backend.yamlresume.yaml'), 'utf8')), []);
    });

    it('bad-work-item.yaml: each fault on its key or value', () => {
      assert.deepEqual(schemaFindings(fixture('invalid', 'bad-work-item.yaml')), [
        ['schema/invalid-format', 'invalid-email', '`email` is not an e-mail address (name@example.com).', []],
        ['schema/wrong-type', 'name', 'A `work` entry needs `position`: YAMLResume rejects it without one.', []],
        ['schema/wrong-type', 'name', 'A `work` entry needs `summary`: YAMLResume rejects it without one.', []],
        ['schema/wrong-type', 'C', '`name` should be at least 2 characters: YAMLResume rejects a shorter one.', []],
        [
          'schema/invalid-date',
          'invalid-date',
          '`invalid-date` is not a date YAMLResume reads in `startDate`: write it as `Apr 2021`, `2021-04` or `2021`.',
          [],
        ],
      ]);
    });

    it('docs-schema-errors.yaml and missing-sections.yaml', () => {
      assert.deepEqual(schemaFindings(fixture('invalid', 'docs-schema-errors.yaml')), [
        ['schema/invalid-format', 'hi@pp', '`email` is not an e-mail address (name@example.com).', []],
        ['schema/invalid-format', 'https//ppresume.com/gallery', '`url` should be a full address starting with https://.', []],
        ['schema/wrong-type', 'S', '`city` should be at least 2 characters: YAMLResume rejects a shorter one.', []],
        ['schema/wrong-type', 'D', '`courses[0]` should be at least 2 characters: YAMLResume rejects a shorter one.', []],
        ['schema/wrong-type', '13pt', '`13pt` is not a fontSize YAMLResume knows: write `10pt`.', ['Change to `10pt`']],
      ]);
      assert.deepEqual(schemaFindings(fixture('invalid', 'missing-sections.yaml')), [
        ['schema/wrong-type', '{}', '`content` needs `basics`: YAMLResume rejects it without one.', []],
        ['schema/wrong-type', '{}', '`content` needs `education`: YAMLResume rejects it without one.', []],
      ]);
    });

    it('a year YAML reads as a number is quoted, `Present` left out, `highlights` and JSON Resume names explained', () => {
      const text = work(
        '        - Cut p99 latency by 75%\n',
        '      startDate: 2021\n      endDate: Present\n      highlights:\n        - Built it\n',
      ).replace('    email:', '    label: Backend Engineer\n    email:');
      assert.deepEqual(schemaFindings(text), [
        [
          'schema/unknown-key',
          'label',
          'Unknown key `label` in `content.basics`: YAMLResume drops it. Did you mean `headline`?',
          ['Rename to `headline`'],
        ],
        [
          'schema/wrong-type',
          '2021',
          '`startDate` should be text, not a number: YAMLResume reads dates as text only. Write `"2021"`.',
          ['Quote it: `"2021"`'],
        ],
        [
          'schema/invalid-date',
          'Present',
          '`Present` is not a date YAMLResume reads: for a current role, leave `endDate` empty.',
          ['Remove `endDate`'],
        ],
        [
          'schema/unknown-key',
          'highlights',
          'YAMLResume has no `highlights` and drops them: write each one as a Markdown list item (`- `) in `summary`.',
          [],
        ],
      ]);
    });
  });

  it('--fix is idempotent and leaves valid YAMLResume', () => {
    const text = work(
      '        Payments platform team.\n\n        - Design payment APIs for 4M requests/day\n        - Cut p99 latency from 850 ms to 210 ms\n',
      '      startDate: 2019\n      endDate: May 2021\n',
    );
    const findings = (current: string) => lintText(current).findings;
    const once = fixAll(text, findings);
    assert.deepEqual(once.applied, { 'schema/wrong-type': 1, tense: 1 });
    assert.deepEqual(changedLines(text, once.text), ['      startDate: "2019"', '        - Designed payment APIs for 4M requests/day']);
    assert.equal(fixAll(once.text, findings).text, once.text);
    assert.deepEqual(parseDocument(once.text).errors, []);
    assert.deepEqual(
      lintText(once.text).findings.filter((finding) => /^(schema|yaml)\//.test(finding.ruleId)),
      [],
    );
  });

  it('typing in a list item reads the file again, and gives what a fresh lint gives', () => {
    const before = work('        - Was responsible for payment APIs\n        - Cut p99 latency\n');
    const again = (text: string, previous: string) =>
      lint(text, { today: FIXED_TODAY }, rules, lint(previous, { today: FIXED_TODAY }, rules));
    const shown = (result: LintResult) =>
      result.findings.map((finding) => [finding.ruleId, textAt(result.model.text, finding.range), finding.message]);
    const after = before.replace('Cut p99 latency', 'Cut p99 latency by various means');
    const edited = again(after, before);
    assert.deepEqual(shown(edited), shown(lintText(after)));
    assert.deepEqual(
      findingsOf(edited, 'filler').map(([at]) => at),
      ['various'],
    );
    // An edit in another scalar: the list items after it move with the text.
    const renamed = before.replace('Fintech Co', 'Fintech Company');
    const moved = again(renamed, before);
    assert.deepEqual(
      moved.model.bullets.map((bullet) => textAt(renamed, bullet.range)),
      ['Was responsible for payment APIs', 'Cut p99 latency'],
    );
    assert.deepEqual(shown(moved), shown(lintText(renamed)));
  });

  describe('the same bullet in the JSON Resume example and the YAMLResume one', () => {
    it('no bullet needs a number, and the weakened bullets get the same findings', () => {
      const weaken = (text: string) =>
        text
          .replace('Designed a payments API handling 4M requests/day at 99.98% availability', 'Was responsible for various payment APIs')
          .replace('Mentored 4 engineers through their first on-call rotations', 'Mentor engineers')
          .replace('Built a gRPC rate-quote service', 'I built a gRPC rate-quote service');
      const read = (name: string, edit: (text: string) => string = (text) => text) =>
        lintText(edit(fs.readFileSync(path.join(EXAMPLES, name), 'utf8')), { fileName: name });
      assert.deepEqual(findingsOf(read('backend.yamlresume.yaml'), 'quantify'), []);
      const json = adviceByBullet(read('backend.resume.yaml', weaken));
      const yamlResume = adviceByBullet(read('backend.yamlresume.yaml', weaken));
      assert.deepEqual([...yamlResume.keys()].sort(), [...json.keys()].sort());
      for (const [text, advice] of json) assert.deepEqual(yamlResume.get(text), advice, text);
      const advised = [...json.values()].filter((advice) => advice.length > 0).length;
      assert.ok(advised >= 3, `only ${advised} bullets advised: the comparison proves little`);
    });
  });
});
