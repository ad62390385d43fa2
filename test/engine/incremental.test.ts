/**
 * Linting an edit with the previous result must give exactly what a full
 * lint of the new text gives: the same findings with the same ranges,
 * messages and fixes, and the same model. Checked on seeded random edits to
 * every real resume, typed where people type (inside bullets and values) and
 * anywhere else.
 */
import * as assert from 'node:assert/strict';
import { isScalar, visit } from 'yaml';
import { parseResume, type ResumeModel } from '../../server/src/engine/document';
import { reparseScalarEdit, textChange } from '../../server/src/engine/incremental';
import { lint, type LintResult } from '../../server/src/linter';
import type { LintOptions } from '../../server/src/engine/types';
import { rules } from '../../server/src/rules/registry';
import { FIXED_TODAY } from '../helpers';
import { loadSeedTexts, mulberry32 } from '../fuzz/mutate';
import { first, last, nth, pickWith } from '../support/lists';

const OPTIONS: LintOptions = { today: FIXED_TODAY };
/** Edits are made in short chains from each seed, so one stray quote does not leave the rest of a chain to full parses. */
const CHAINS_PER_TEXT = Number(process.env.BULLETPROOF_INCREMENTAL_CHAINS ?? 2);
const EDITS_PER_CHAIN = 4;
const TYPED = ['a', 'e', ' ', '1', '%', ':', ' #', '#', '"', "'", '-', '&x ', '*', ',', '[', 'é', '😀', '\t', 'ms', ': x'];

type Random = () => number;

/** An edit where people type: most inside a bullet or another value, some anywhere. */
function randomEdit(model: ResumeModel, random: Random): { start: number; end: number; text: string } {
  const text = model.text;
  const scalars = [...model.entries.values()].filter(
    (entry) => entry.node && 'value' in entry.node && entry.valueRange.end > entry.valueRange.start,
  );
  const bullets = model.bullets;
  const pick = random();
  let anchor: number;
  if (pick < 0.55 && bullets.length > 0) {
    const range = pickWith(random, bullets).range;
    anchor = range.start + 1 + Math.floor(random() * Math.max(1, range.end - range.start));
  } else if (pick < 0.85 && scalars.length > 0) {
    const range = pickWith(random, scalars).valueRange;
    anchor = range.start + Math.floor(random() * (range.end - range.start + 1));
  } else {
    anchor = Math.floor(random() * (text.length + 1));
  }
  anchor = Math.min(anchor, text.length);
  const kind = random();
  if (kind < 0.6)
    return {
      start: anchor,
      end: anchor,
      text: pickWith(random, TYPED),
    };
  if (kind < 0.85)
    return {
      start: anchor,
      end: Math.min(text.length, anchor + 1 + Math.floor(random() * 3)),
      text: '',
    };
  return {
    start: anchor,
    end: Math.min(text.length, anchor + 1),
    text: pickWith(random, TYPED),
  };
}

function nodeRanges(model: ResumeModel): unknown[] {
  const ranges: unknown[] = [];
  if (model.document) {
    visit(model.document, {
      Node(_key, node) {
        ranges.push([node.constructor.name, node.range]);
      },
    });
  }
  return ranges;
}

/** Everything a consumer of a result can read, fixes built. */
function observable(result: LintResult): unknown {
  const { model } = result;
  return {
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      range: finding.range,
      message: finding.message,
      severity: finding.severity,
      fixes: finding.fixes,
    })),
    ruleErrors: result.ruleErrors.map((error) => error.ruleId),
    value: model.value,
    entries: [...model.entries.values()].map((entry) => [entry.path, entry.keyRange, entry.valueRange]),
    bullets: model.bullets.map((bullet) => [bullet.path, bullet.kind, bullet.section, bullet.entryPath, bullet.text, bullet.range]),
    lineStarts: model.lineStarts,
    nodes: nodeRanges(model),
  };
}

/** Whether `next` differs from a clean JSON model's text only between the quotes of one string value. */
function isInsideJsonString(model: ResumeModel, next: string): boolean {
  const change = textChange(model.text, next);
  if (!change || model.format !== 'json' || model.syntaxProblems.length > 0) return false;
  return [...model.entries.values()].some((entry) => {
    const range = entry.node?.range;
    return isScalar(entry.node) && typeof entry.node.value === 'string' && range && range[0] < change.start && change.oldEnd < range[1];
  });
}

describe('incremental lint', function () {
  this.timeout(120_000);

  it('gives what a full lint gives, for seeded random edits to every seed resume', () => {
    const { texts } = loadSeedTexts();
    const random = mulberry32(20261130);
    let edits = 0;
    let reused = 0;
    const inJsonString = { edits: 0, reused: 0 };
    for (const seed of texts) {
      for (let chain = 0; chain < CHAINS_PER_TEXT; chain++) {
        let text = seed.text;
        let previous = lint(text, OPTIONS, rules);
        for (let i = 0; i < EDITS_PER_CHAIN; i++) {
          const edit = randomEdit(previous.model, random);
          const next = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
          // Read before the lint takes the previous model over.
          const insideString = isInsideJsonString(previous.model, next);
          const full = lint(next, OPTIONS, rules);
          const incremental = lint(next, OPTIONS, rules, previous);
          const wasReused = incremental.model.entries === previous.model.entries;
          if (wasReused) reused++;
          if (insideString) {
            inJsonString.edits++;
            if (wasReused) inJsonString.reused++;
          }
          assert.deepEqual(
            observable(incremental),
            observable(full),
            `${seed.name}, edit ${i}: ${JSON.stringify(edit)} at ${JSON.stringify(text.slice(edit.start - 20, edit.start))}`,
          );
          text = next;
          previous = incremental;
          edits++;
        }
      }
    }
    // The comparison means little if the fast path never ran.
    assert.ok(reused > edits / 4, `only ${reused} of ${edits} edits took the incremental path`);
    // Nor for JSON if it never ran there: only a quote, a tab or a broken escape typed in a string should miss it.
    assert.ok(inJsonString.edits > 50, `only ${inJsonString.edits} edits inside a JSON string`);
    assert.ok(
      inJsonString.reused > (inJsonString.edits * 3) / 4,
      `only ${inJsonString.reused} of ${inJsonString.edits} edits inside a JSON string took the incremental path`,
    );
  });

  it('gives what a full lint gives, for seeded random edits to a resume that repeats parts with aliases', () => {
    const seed = [
      'basics:',
      '  name: Sam Lee',
      '  email: sam@example.com',
      '  location: &home',
      '    city: Berlin',
      '    countryCode: DE',
      'work:',
      '  - &acme',
      '    name: Acme',
      '    position: Backend Engineer',
      '    startDate: 2020-01',
      '    highlights: &built',
      '      - Built the billing service that handles 4M requests/day',
      '      - Successfully improved the API',
      'volunteer:',
      '  - organization: Code Club',
      '    highlights: *built',
      'projects:',
      '  - name: &ledger Ledger',
      '    description: *ledger',
      '    highlights:',
      '      - I taught Python to 30 students',
      'meta:',
      '  home: *home',
      '  job: *acme',
      '',
    ].join('\n');
    const random = mulberry32(20261205);
    let reused = 0;
    let edits = 0;
    for (let chain = 0; chain < 20; chain++) {
      let text = seed;
      let previous = lint(text, OPTIONS, rules);
      for (let i = 0; i < EDITS_PER_CHAIN; i++) {
        const edit = randomEdit(previous.model, random);
        const next = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
        const incremental = lint(next, OPTIONS, rules, previous);
        if (incremental.model.entries === previous.model.entries) reused++;
        assert.deepEqual(observable(incremental), observable(lint(next, OPTIONS, rules)), `edit ${i}: ${JSON.stringify(edit)}`);
        text = next;
        previous = incremental;
        edits++;
      }
    }
    assert.ok(reused > edits / 4, `only ${reused} of ${edits} edits took the incremental path`);
  });

  it('follows a person typing a whole sentence into a bullet, one character at a time', () => {
    let text = 'work:\n  - name: Acme\n    highlights:\n      - Built the service\n      - Improved the API\n';
    const at = text.indexOf('Built the service') + 'Built the service'.length;
    let previous = lint(text, OPTIONS, rules);
    const typed = ' that handles 4M requests/day at p99 120 ms';
    for (let i = 0; i < typed.length; i++) {
      text = text.slice(0, at + i) + typed[i] + text.slice(at + i);
      const incremental = lint(text, OPTIONS, rules, previous);
      assert.deepEqual(
        observable(incremental),
        observable(lint(text, OPTIONS, rules)),
        `after typing ${JSON.stringify(typed.slice(0, i + 1))}`,
      );
      previous = incremental;
    }
    assert.equal(first(previous.model.bullets).text, `Built the service${typed}`);
  });

  it('checks the tense and the dates again when a role ends or starts again, not only when a bullet changes', () => {
    let text = [
      'work:',
      '  - name: Acme',
      '    startDate: 2019-01',
      '    endDate: 2021-02',
      '    highlights:',
      '      - Builds the billing service',
      '      - Runs the on-call rotation',
      '',
    ].join('\n');
    let previous = lint(text, OPTIONS, rules);
    const tense = (result: LintResult) => result.findings.filter((finding) => finding.ruleId === 'tense').map((finding) => finding.message);
    assert.equal(tense(previous).length, 2, 'an ended role in the present tense');
    // Typed one key at a time, as a person turns the end date into "2029-02": 2021-02 → 2029-02.
    for (const [from, to] of [
      ['2021-02', '202-02'],
      ['202-02', '2029-02'],
    ] as const) {
      const next = text.replace(from, to);
      const incremental = lint(next, OPTIONS, rules, previous);
      assert.deepEqual(observable(incremental), observable(lint(next, OPTIONS, rules)), `after ${from} → ${to}`);
      text = next;
      previous = incremental;
    }
    assert.deepEqual(tense(previous), [], 'a role that ends in 2029 has not ended');
  });

  it('keeps a finding where it stood when text is typed right after it', () => {
    const text = [
      'work:',
      '  - name: Acme',
      '    highlights:',
      '      - Built the billing service',
      '      - Built the ledger',
      '      - Built the on-call rotation',
      '',
    ].join('\n');
    const previous = lint(text, OPTIONS, rules);
    const flagged = previous.findings.filter((finding) => finding.ruleId === 'repeated-opening');
    assert.ok(flagged.length > 0, 'three bullets open with `Built`');
    // Markup right after a flagged verb: the opening verb, and so `repeated-opening`'s key, stay the same.
    const at = last(flagged).range.end;
    assert.equal(text.slice(at - 'Built'.length, at), 'Built');
    const next = `${text.slice(0, at)}*${text.slice(at)}`;
    assert.deepEqual(observable(lint(next, OPTIONS, rules, previous)), observable(lint(next, OPTIONS, rules)));
  });

  describe('reparseScalarEdit', () => {
    const base = 'work:\n  - name: Acme\n    highlights:\n      - Built the service # note\n      - Improved the API\n';
    const edited = (from: string, to: string) => base.replace(from, to);

    it('updates the scalar and moves what follows', () => {
      const edit = reparseScalarEdit(parseResume(base), edited('Built the', 'Built all the'));
      assert.ok(edit);
      assert.equal(edit.path, 'work[0].highlights[0]');
      assert.equal(edit.bullet?.text, 'Built all the service');
      const next = edited('Built the', 'Built all the');
      const second = nth(edit.model.bullets, 1);
      assert.equal(next.slice(second.range.start, second.range.end), 'Improved the API');
      assert.deepEqual(edit.change, {
        start: base.indexOf('the service'),
        oldEnd: base.indexOf('the service'),
        delta: 4,
      });
    });

    for (const [what, from, to] of [
      ['a new line', 'Built the service', 'Built the\n      - service'],
      ['a key', 'name:', 'nam:'],
      ['a comment', '# note', '# nope'],
      ['a value that becomes a mapping', 'Built the service', 'Built: the service'],
      ['an unclosed quote', 'Improved the API', '"Improved the API'],
      ['an anchor', 'Improved the API', '&a Improved the API'],
      ['a string that becomes a number', 'Acme', '12'],
    ] as const) {
      it(`leaves ${what} to a full parse`, () => {
        assert.equal(reparseScalarEdit(parseResume(base), edited(from, to)), undefined);
      });
    }

    it('leaves a file with syntax errors to a full parse', () => {
      const broken = `${base}skills: [a\n`;
      assert.equal(reparseScalarEdit(parseResume(broken), broken.replace('Built', 'Builtx')), undefined);
      const unknownAlias = `${base}volunteer: *nobody\n`;
      assert.equal(reparseScalarEdit(parseResume(unknownAlias), unknownAlias.replace('Built', 'Builtx')), undefined);
    });

    it('checks a JSON escape the YAML parser would take, as a full lint does', () => {
      const json = '{\n  "work": [\n    {"name": "Acme", "highlights": ["Built the API"]}\n  ]\n}\n';
      // `\x41` reads as `A` in YAML and is no JSON escape: the lint says so, as a full lint does.
      const escaped = json.replace('Built', 'Built\\x41');
      assert.equal(reparseScalarEdit(parseResume(json), escaped), undefined);
      const incremental = lint(escaped, OPTIONS, rules, lint(json, OPTIONS, rules));
      assert.deepEqual(observable(incremental), observable(lint(escaped, OPTIONS, rules)));
      assert.deepEqual(
        incremental.findings.filter((finding) => finding.ruleId === 'json/syntax').map((finding) => [finding.range, finding.message]),
        [
          [
            { start: escaped.indexOf('"Built'), end: escaped.indexOf('"Built') + '"Built\\x41 the API"'.length },
            'Not a JSON escape: JSON allows `\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`.',
          ],
        ],
      );
    });
    it('updates a scalar in an anchored collection, and every alias of it sees the change', () => {
      const aliased = `${base}volunteer:\n  - &v\n    name: Acme\n  - *v\n`;
      const next = aliased.replace('name: Acme\n  - *v', 'name: Acme Corp\n  - *v');
      const edit = reparseScalarEdit(parseResume(aliased), next);
      assert.ok(edit, 'a full parse, where an update would do');
      assert.equal(edit.path, 'volunteer[0].name');
      assert.deepEqual((edit.model.value as { volunteer: unknown }).volunteer, [{ name: 'Acme Corp' }, { name: 'Acme Corp' }]);
      assert.deepEqual(edit.model.value, parseResume(next).value);
    });

    it('updates an anchored scalar, and its aliases get the new text', () => {
      const aliased = `${base}basics:\n  name: &n Sam Lee\n  label: *n\nmeta:\n  note: [x, *n]\n`;
      const next = aliased.replace('Sam Lee', 'Sam Leo');
      const edit = reparseScalarEdit(parseResume(aliased), next);
      assert.ok(edit, 'a full parse, where an update would do');
      assert.deepEqual((edit.model.value as { basics: unknown }).basics, { name: 'Sam Leo', label: 'Sam Leo' });
      assert.deepEqual(edit.model.value, parseResume(next).value);
    });

    it('leaves a line with an alias, or a renamed anchor, to a full parse', () => {
      const aliased = `${base}basics:\n  name: &n Sam Lee\n  label: *n\nmeta:\n  note: [x, *n]\n`;
      assert.equal(reparseScalarEdit(parseResume(aliased), aliased.replace('[x, *n]', '[xy, *n]')), undefined);
      assert.equal(reparseScalarEdit(parseResume(aliased), aliased.replace('&n Sam', '&nn Sam')), undefined);
    });
  });

  describe('reparseScalarEdit in JSON', () => {
    const json = [
      '{',
      '  "basics": {"name": "Sam Lee", "label": "Engineer"},',
      '  "work": [',
      '    {',
      '      "name": "Acme",',
      '      "startDate": "2020-01",',
      '      "highlights": ["Built the API", "Improved the caf\\u00e9 queue by 40%"]',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\n');
    const edited = (from: string, to: string, text = json) => {
      assert.ok(text.includes(from), from);
      return text.replace(from, to);
    };
    /** The edit's model must be what a full parse of the new text gives, and the lint what a full lint gives. */
    const assertSameAsFull = (text: string, next: string) => {
      const edit = reparseScalarEdit(parseResume(text), next);
      assert.ok(edit, 'a full parse, where an update would do');
      assert.deepEqual(
        observable({ model: edit.model, findings: [], ruleErrors: [] }),
        observable({ model: parseResume(next), findings: [], ruleErrors: [] }),
      );
      assert.deepEqual(observable(lint(next, OPTIONS, rules, lint(text, OPTIONS, rules))), observable(lint(next, OPTIONS, rules)));
      return edit;
    };

    it('updates a string in place and moves what follows', () => {
      const next = edited('Built the', 'Built all the');
      const edit = assertSameAsFull(json, next);
      assert.equal(edit.path, 'work[0].highlights[0]');
      assert.equal(edit.bullet?.text, 'Built all the API');
      assert.equal(edit.oldValue, 'Built the API');
      assert.deepEqual(edit.change, { start: json.indexOf('the API'), oldEnd: json.indexOf('the API'), delta: 4 });
      const second = nth(edit.model.bullets, 1);
      assert.equal(next.slice(second.range.start, second.range.end), '"Improved the caf\\u00e9 queue by 40%"');
      assert.equal(second.text, 'Improved the café queue by 40%');
    });

    it('updates a string that is not a bullet, right after its opening quote and right before its closing one', () => {
      assert.equal(assertSameAsFull(json, edited('"Sam Lee"', '"XSam Lee"')).path, 'basics.name');
      assert.equal(assertSameAsFull(json, edited('"Sam Lee"', '"Sam LeeX"')).path, 'basics.name');
      assert.equal(assertSameAsFull(json, edited('"Sam Lee"', '"Sa Lee"')).bullet, undefined);
    });

    it('reads an escape typed inside a string as JSON does', () => {
      const newline = assertSameAsFull(json, edited('Built the', 'Built\\nthe'));
      assert.equal(newline.bullet?.text, 'Built\nthe API');
      const accent = assertSameAsFull(json, edited('Built the', 'Built th\\u00e9'));
      assert.equal(accent.bullet?.text, 'Built thé API');
      // Deleting an escape's last character leaves it broken: a full parse, which reports it.
      const broken = edited('caf\\u00e9', 'caf\\u00e');
      assert.equal(reparseScalarEdit(parseResume(json), broken), undefined);
      assert.deepEqual(
        lint(broken, OPTIONS, rules)
          .findings.filter((finding) => finding.ruleId === 'json/syntax')
          .map((finding) => finding.message),
        ['Not a valid `\\u` escape: write four hex digits, such as `\\u00e9`.'],
      );
    });

    it('gives what a full lint gives while an escape is typed one key at a time', () => {
      let text = json;
      let previous = lint(text, OPTIONS, rules);
      const at = json.indexOf('the API');
      for (const [i, key] of [...'\\u00e9 '].entries()) {
        text = text.slice(0, at + i) + key + text.slice(at + i);
        const incremental = lint(text, OPTIONS, rules, previous);
        assert.deepEqual(observable(incremental), observable(lint(text, OPTIONS, rules)), `after ${i + 1} keys`);
        previous = incremental;
      }
      assert.equal(first(previous.model.bullets).text, 'Built é the API');
    });

    for (const [what, from, to] of [
      ['a quote', 'Built the', 'Built "the'],
      ['a lone backslash', 'Built the', 'Built \\'],
      ['a backslash before the closing quote', 'the API"', 'the API\\"'],
      ['a tab', 'Built the', 'Built\tthe'],
      ['a new line', 'Built the', 'Built\nthe'],
      ['a key', '"label"', '"labels"'],
      ['a new key and value', '"Acme",', '"Acme", "size": 12,'],
      ['an edit across two strings', '"Sam Lee", "label": "Engineer"', '"Sam Engineer"'],
      ['a string that becomes two', '"Built the API"', '"Built", "the API"'],
    ] as const) {
      it(`leaves ${what} to a full parse, and lints it as a full lint does`, () => {
        const next = edited(from, to);
        assert.equal(reparseScalarEdit(parseResume(json), next), undefined);
        assert.deepEqual(observable(lint(next, OPTIONS, rules, lint(json, OPTIONS, rules))), observable(lint(next, OPTIONS, rules)));
      });
    }

    it('leaves a JSON file with syntax errors to a full parse', () => {
      const broken = edited('"Acme",', '"Acme",,');
      assert.ok(parseResume(broken).syntaxProblems.length > 0);
      assert.equal(reparseScalarEdit(parseResume(broken), edited('Built', 'Builtx', broken)), undefined);
      const duplicate = edited('"label": "Engineer"', '"label": "Engineer", "label": "Lead"');
      assert.equal(reparseScalarEdit(parseResume(duplicate), edited('Built', 'Builtx', duplicate)), undefined);
    });

    it('updates a file with a byte order mark', () => {
      const bom = `\ufeff${json}`;
      const edit = assertSameAsFull(bom, edited('Built the', 'Built all the', bom));
      assert.equal(edit.model.text.charCodeAt(0), 0xfeff);
      assert.equal(first(edit.model.bullets).range.start, bom.indexOf('"Built'));
    });

    it('updates a file with CRLF line ends, moving the lines after the edit', () => {
      const crlf = json.replace(/\n/g, '\r\n');
      const next = edited('Sam Lee', 'Sam J. Lee', crlf);
      const edit = assertSameAsFull(crlf, next);
      assert.deepEqual(edit.model.lineStarts, parseResume(next).lineStarts);
      assert.equal(nth(edit.model.lineStarts, 2), crlf.indexOf('  "work"') + 3);
    });
  });

  it('finds the changed span from the common prefix and suffix', () => {
    assert.deepEqual(textChange('abcdef', 'abXdef'), {
      start: 2,
      oldEnd: 3,
      delta: 0,
    });
    assert.deepEqual(textChange('abc', 'abcd'), {
      start: 3,
      oldEnd: 3,
      delta: 1,
    });
    assert.deepEqual(textChange('aaaa', 'aaa'), {
      start: 3,
      oldEnd: 4,
      delta: -1,
    });
    assert.equal(textChange('same', 'same'), undefined);
  });
});
