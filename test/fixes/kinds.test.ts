/**
 * Fixes and suggestions, kept apart everywhere: only a safe fix is ever
 * preferred (an editor's auto-fix must never apply a rewrite), every fix a
 * rule produces is one its meta declares, of the kind it declares, and each
 * rule's doc page lists the same under "## Fixes".
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { allRuleMeta, lint } from '../../server/src/linter';
import { postingSource } from '../../server/src/engine/posting';
import { docsPath } from '../../server/src/engine/rule';
import type { Finding, LintOptions, RuleMeta } from '../../server/src/engine/types';
import { codeActions } from '../../server/src/lsp/codeActions';
import { corpusSamples, hostileSamples, lintOptions, ROOT, type Sample } from './support';

interface Input extends Sample {
  options?: LintOptions;
}

const POSTING = postingSource(
  './examples/postings/acme-backend.md',
  fs.readFileSync(path.join(ROOT, 'examples', 'postings', 'acme-backend.md'), 'utf8'),
);

/** Each doc page's weak example, with the posting it names. */
function docExamples(): Input[] {
  return allRuleMeta().flatMap((meta) => {
    const doc = fs.readFileSync(path.join(ROOT, docsPath(meta.id)), 'utf8');
    const weak = /## Weak\n```(?:yaml|json)\n([\s\S]*?)```/.exec(doc)?.[1];
    const posting = /^<!-- posting: (\S+) -->$/m.exec(doc)?.[1];
    if (!weak) return [];
    const options = posting ? { posting: postingSource(posting, fs.readFileSync(path.join(ROOT, posting), 'utf8')) } : {};
    return [{ name: `${docsPath(meta.id)} (weak)`, text: weak, options }];
  });
}

/** The rarer kinds, which no example shows: anchored values used elsewhere, an unnamed skills group. */
const RARE: Input[] = [
  {
    name: 'an anchored number also used where a list belongs',
    text: 'basics:\n  name: Ada\n  location:\n    postalCode: &n 94107\nwork:\n  - name: Acme\n    highlights: *n\n',
  },
  {
    name: 'an anchored date also used as a summary',
    text: 'basics:\n  name: Ada\nwork:\n  - name: Acme\n    startDate: &d September 2018\n    summary: *d\n',
  },
  {
    name: 'a term for an unnamed skills group',
    text: 'basics:\n  name: Ada\nskills:\n  - keywords: [PostgreSQL]\n',
    options: { posting: postingSource('job.md', '# Backend Engineer\n\n## Requirements\n- PostgreSQL and MySQL in production\n') },
  },
];

/**
 * Declared, and produced by the code, but not with today's data: every
 * product variant in the taxonomy contains its canonical name ("Spring
 * Boot"), which a keyword search already matches, so no variant is ever
 * "spelled differently".
 */
const UNREACHABLE = new Set(['posting-spelling suggestion']);

function inputs(): Input[] {
  const examples = ['weak.resume.yaml', 'backend.resume.yaml'].flatMap((name) => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    return [
      { name, text },
      { name: `${name} against a posting`, text, options: { posting: POSTING } },
    ];
  });
  return [...examples, ...docExamples(), ...RARE, ...hostileSamples(), ...corpusSamples()];
}

/** `Change to \`…\`` as a pattern: `…` stands for any text. */
function titlePattern(declared: string): RegExp {
  return new RegExp(
    `^${declared
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
  );
}

function declaredKind(meta: RuleMeta, safe: boolean): readonly string[] {
  return (safe ? meta.fixes : meta.suggestions) ?? [];
}

describe('fixes and suggestions', function () {
  this.timeout(300_000);
  const metas = new Map(allRuleMeta().map((meta) => [meta.id, meta]));
  const produced: { input: string; finding: Finding }[] = [];

  before(() => {
    for (const input of inputs()) {
      for (const finding of lint(input.text, lintOptions(input.options)).findings) {
        if (finding.fixes.length > 0) produced.push({ input: input.name, finding });
      }
    }
  });

  it('only a safe fix is ever preferred, over every rule on the examples, the fixtures and the corpus', () => {
    assert.ok(produced.length > 100, `only ${produced.length} findings with fixes: the inputs are missing`);
    for (const { input, finding } of produced) {
      for (const fix of finding.fixes) {
        assert.ok(!fix.isPreferred || fix.safe === true, `${input}: ${finding.ruleId} prefers a suggestion, "${fix.title}"`);
      }
    }
  });

  it('every fix a rule produces is declared in its meta, as the kind it is', () => {
    for (const { input, finding } of produced) {
      const meta = metas.get(finding.ruleId);
      assert.ok(meta, `no meta for ${finding.ruleId}`);
      for (const fix of finding.fixes) {
        const kind = fix.safe ? 'fixes' : 'suggestions';
        assert.ok(
          declaredKind(meta, fix.safe === true).some((title) => titlePattern(title).test(fix.title)),
          `${input}: ${finding.ruleId} produced "${fix.title}", which its meta does not declare among its ${kind}`,
        );
      }
    }
  });

  it('every declared fix and suggestion is produced on some input', () => {
    for (const meta of metas.values()) {
      for (const safe of [true, false]) {
        for (const title of declaredKind(meta, safe)) {
          if (UNREACHABLE.has(`${meta.id} ${safe ? 'fix' : 'suggestion'}`)) continue;
          const seen = produced.some(
            ({ finding }) =>
              finding.ruleId === meta.id &&
              finding.fixes.some((fix) => (fix.safe === true) === safe && titlePattern(title).test(fix.title)),
          );
          assert.ok(seen, `${meta.id} declares the ${safe ? 'fix' : 'suggestion'} "${title}", never produced`);
        }
      }
    }
  });

  it('a rule is fixable exactly when it declares a fix or a suggestion', () => {
    for (const meta of metas.values()) {
      assert.equal(meta.fixable, (meta.fixes?.length ?? 0) + (meta.suggestions?.length ?? 0) > 0, meta.id);
    }
  });

  it("each rule's doc page lists its fixes and suggestions as its meta declares them", () => {
    for (const meta of metas.values()) {
      const doc = fs.readFileSync(path.join(ROOT, docsPath(meta.id)), 'utf8');
      const section = /\n## Fixes\n([\s\S]*?)\n## /.exec(doc)?.[1];
      assert.ok(section !== undefined, `${docsPath(meta.id)} has no "## Fixes" section`);
      const listed = [...section.matchAll(/^- (Fix|Suggestion): \*\*(.+?)\*\* /gm)];
      assert.deepEqual(
        listed.filter((item) => item[1] === 'Fix').map((item) => item[2]),
        [...(meta.fixes ?? [])],
        `${docsPath(meta.id)}: the fixes it lists`,
      );
      assert.deepEqual(
        listed.filter((item) => item[1] === 'Suggestion').map((item) => item[2]),
        [...(meta.suggestions ?? [])],
        `${docsPath(meta.id)}: the suggestions it lists`,
      );
      if (!meta.fixable) assert.match(section, /^None: /, `${docsPath(meta.id)}: say that there is nothing to apply`);
    }
  });

  it('the code actions prefer only safe fixes, even when a rule marks a suggestion preferred', () => {
    const text = 'basics:\n  name: Ada\n  email: ada@example.com\n';
    const document = TextDocument.create('file:///r.resume.yaml', 'yaml', 1, text);
    const range = { start: 2, end: 6 };
    const suggestion = { title: 'Rewrite it', edits: [{ range, newText: 'Grace' }], isPreferred: true };
    const fix = { title: 'Fix it', edits: [{ range, newText: 'Grace' }], isPreferred: true, safe: true };
    const findings: Finding[] = [{ ruleId: 'x', range, message: 'm', severity: 'info', fixes: [suggestion, fix] }];
    const params: CodeActionParams = {
      textDocument: { uri: document.uri },
      range: { start: document.positionAt(range.start), end: document.positionAt(range.end) },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    };
    const actions = codeActions(document, { findings, model: lint(text).model }, params, { snippetSupport: false });
    assert.deepEqual(
      actions.filter((action) => action.title.endsWith(' it')).map((action) => [action.title, action.kind, action.isPreferred]),
      [
        ['Rewrite it', CodeActionKind.QuickFix, undefined],
        ['Fix it', CodeActionKind.QuickFix, true],
      ],
    );
  });
});
