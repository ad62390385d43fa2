/**
 * The nesting guard, fuzzed. Seeded random prefixes (keys, anchors, tags,
 * comments that look like block scalar headers, document markers,
 * directives, block indicators, quoted and block scalars, flow openers…)
 * are put before thousands of nested brackets or indicators. For each text:
 *
 * - the oracle is the `yaml` package's own CST parser, which builds the
 *   tree without recursing: wherever the tree nests deeper than twice the
 *   guard's limit, the guard must have said so, since the composer that
 *   recurses over that tree would exhaust the stack;
 * - then `lint()` (safe to call once the oracle agrees) must return with no
 *   message that shows the engine's internals, "Maximum call stack" above all.
 *
 * And the other way: the same brackets inside quoted strings, comments and
 * block scalars are text, and the file is checked.
 */
import * as assert from 'node:assert/strict';
import { Parser } from 'yaml';
import { lint } from '../../server/src/linter';
import { MAX_NESTING, nestingDepth } from '../../server/src/engine/nesting';
import { mulberry32 } from '../fuzz/mutate';
import { unreadable } from './inputs';

/** Deep enough that, unguarded, the composer overflows the stack (it does from about 1,000 levels). */
const DEPTH = 2500;
const CASES = Number(process.env.BULLETPROOF_NESTING_CASES ?? 80);
const TODAY = new Date('2026-06-15T00:00:00Z');

/** What may come before the deep part, strung together at random. */
const FRAGMENTS = [
  'a: ',
  'basics:\n  summary: ',
  '&x ',
  '&x',
  '&',
  '!t ',
  '!',
  '!!seq ',
  '!<tag:x> ',
  '!<x[> ',
  '&x !t ',
  'k: # |\n',
  'k: # >-\n  ',
  '# |\n',
  '--- ',
  '--- &x ',
  '%YAML 1.2\n--- ',
  '\ufeff',
  '- ',
  '- &x ',
  '? ',
  '? &x ',
  ': ',
  'a:\n  - ',
  'a:\n  ? ',
  '\n  ',
  '\r\n  ',
  '\t',
  'a: |\n  text\nb: ',
  'a: >\n  text\n\nb: ',
  'a: "q"\nb: ',
  "a: 'it''s'\nb: ",
  'a: [x, ',
  'a: {b: ',
  'a: {"b":',
  '[&x ',
  '[!t ',
  '[? ',
  'x: *alias\ny: ',
];

/** One level each, repeated {@link DEPTH} times. */
const LEVELS = ['[', '{', '{a: ', '[{', '[{a: ', '- ', '? ', '&a [', '!t [', '[&a ', '["x", ', '[a, ', '{? ', '&a {', '? [', '- [', '[\n'];

/** Where brackets are text: `%s` stands for thousands of them. */
const TEXT_CONTEXTS = [
  'a: "%s"\n',
  "a: '%s'\n",
  'a: |\n  %s\nb: c\n',
  'a: >-\n  %s\n',
  '- |2\n   %s\n',
  'a:\n  - b: |\n      %s\n',
  'a: b # %s\n',
  '# %s\na: b\n',
  'a: see %s\n',
  'a: see\n  %s\n',
  'a: ["%s", \'%s\']\n',
  'a: "x\n  %s\n  y"\n',
  'k: # |\n  v: "%s"\n',
];
/** Brackets and indicators that stay text in every context above (`: ` would end a plain scalar). */
const TEXT_LEVELS = ['[', '{', '[{', '{a ', '- ', '&a [', '!t ['];

/** How deeply the CST nests collections, walked without recursion. */
function cstDepth(text: string): number {
  const collections = new Set(['block-map', 'block-seq', 'flow-collection']);
  let deepest = 0;
  for (const token of new Parser().parse(text)) {
    const stack: [unknown, number][] = [[token, 0]];
    while (stack.length > 0) {
      const [node, depth] = stack.pop() as [unknown, number];
      if (Array.isArray(node)) {
        for (const item of node) if (item && typeof item === 'object') stack.push([item, depth]);
        continue;
      }
      const record = node as Record<string, unknown>;
      const here = collections.has(record.type as string) ? depth + 1 : depth;
      deepest = Math.max(deepest, here);
      for (const value of Object.values(record)) if (value && typeof value === 'object') stack.push([value, here]);
    }
  }
  return deepest;
}

/** The messages of `lint(text)` that are not fit for a person, with the rule that gave them. */
function internalMessages(text: string): string[] {
  const result = lint(text, { today: TODAY });
  const problems = result.ruleErrors.map(
    ({ ruleId, error }) => `${ruleId} threw: ${error instanceof Error ? error.message : String(error)}`,
  );
  for (const finding of result.findings) {
    const why = unreadable(finding.message);
    if (why || /call stack/i.test(finding.message)) problems.push(`${finding.ruleId}: ${JSON.stringify(finding.message.slice(0, 120))}`);
  }
  return problems;
}

function show(text: string): string {
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 100)}…(${text.length} characters)` : text);
}

describe('the nesting guard, fuzzed', function () {
  this.timeout(120_000);

  it(`sees every deep structure the parser would build, after ${CASES} random prefixes`, () => {
    const random = mulberry32(0x5eed_0b5);
    const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)] ?? '';
    let deepCases = 0;
    for (let index = 0; index < CASES; index++) {
      const prefix = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(FRAGMENTS)).join('');
      const text = `${prefix}${pick(LEVELS).repeat(DEPTH)}\n`;
      const built = cstDepth(text);
      const measured = nestingDepth(text);
      if (built > 2 * MAX_NESTING) {
        deepCases++;
        assert.ok(measured > MAX_NESTING, `case ${index}: the parser nests ${built} deep, the guard measured ${measured}: ${show(text)}`);
      }
      assert.deepEqual(internalMessages(text), [], `case ${index}: ${show(text)}`);
    }
    // The property means little if few texts nest deeply at all.
    assert.ok(deepCases > CASES / 2, `only ${deepCases} of ${CASES} texts nest deeply`);
  });

  it('sees through anchors, tags, comments, document markers and a byte order mark', () => {
    for (const prefix of [
      'a: &x ',
      'a: !t ',
      'a: &x !t ',
      'a: !<x[> ',
      'a: &x',
      'k: # |\n',
      'k: # |\n  ',
      '--- ',
      '%YAML 1.2\n--- ',
      '\ufeff',
      'a:\n  - &x ',
      '? &x ',
    ]) {
      for (const level of ['[', '{', '[{']) {
        const text = `${prefix}${level.repeat(10_000)}\n`;
        assert.ok(nestingDepth(text) > MAX_NESTING, show(text));
        const findings = lint(text, { today: TODAY }).findings;
        assert.deepEqual(
          findings.map((finding) => [finding.ruleId, finding.message]),
          [['yaml/limits', `This file nests more than ${MAX_NESTING} levels deep, so it was not checked: a resume needs a handful.`]],
          show(text),
        );
      }
    }
  });

  it('counts no bracket inside quoted strings, comments, block scalars or plain text', () => {
    for (const context of TEXT_CONTEXTS) {
      for (const level of TEXT_LEVELS) {
        const text = context.replace(/%s/g, level.repeat(500));
        assert.ok(cstDepth(text) <= 4, `the parser itself nests it: ${show(text)}`);
        const depth = nestingDepth(text);
        assert.ok(depth <= 4, `nesting ${depth}: ${show(text)}`);
      }
    }
  });

  it('a resume with hundreds of brackets in its text is checked in full', () => {
    const text = [
      'basics:',
      '  name: Sam Lee',
      `  summary: "${'[draft] '.repeat(200)}"`,
      '  label: |',
      `    ${'{'.repeat(300)}`,
      `# ${'['.repeat(300)}`,
      'work:',
      '  - name: Acme # |',
      '    highlights:',
      `      - Successfully cut latency by 40% ${'['.repeat(150)}`,
      '',
    ].join('\n');
    const findings = lint(text, { today: TODAY }).findings;
    assert.deepEqual(
      findings.filter((finding) => finding.ruleId === 'yaml/limits' || finding.ruleId === 'yaml/syntax'),
      [],
    );
    assert.ok(
      findings.some((finding) => finding.ruleId === 'filler'),
      'the bullets were not checked',
    );
  });
});
