/**
 * A rule that throws is caught by the engine (the other rules' findings
 * stand); the server passes it to the guard like any other failure: one
 * logged error with the stack, one `bulletproof/internal` diagnostic naming
 * the rule. Run on the server's own classes with a rule that always throws,
 * as no registered rule does.
 */
import * as assert from 'node:assert/strict';
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/linter';
import type { Rule } from '../../server/src/engine/rule';
import { DocumentState } from '../../server/src/lsp/documentState';
import { Guard, internalDiagnostic } from '../../server/src/lsp/guard';
import { SettingsStore } from '../../server/src/lsp/settings';
import { nodeFiles } from '../../server/src/lsp/node/nodeHost';
import { rules } from '../../server/src/rules/registry';

const TEXT = 'basics:\n  name: Sam Lee\n  nmae: Sam\nwork:\n  - name: Acme\n    highlights:\n      - Helped with the API\n';

const broken: Rule = {
  meta: { id: 'broken', severity: 'warning', description: 'Always throws.', fixable: false, tags: [] },
  check() {
    throw new Error('the broken rule broke.');
  },
};

describe('a rule that throws, in the server', () => {
  it('is one logged error with the stack and one diagnostic naming the rule; the other findings stand', () => {
    const logged: string[] = [];
    const failures: [string, Diagnostic][] = [];
    const guard = new Guard({ logError: (message) => logged.push(message), failed: (uri, diagnostic) => failures.push([uri, diagnostic]) });
    // Nothing of the connection is used without pull configuration and workspace folders.
    const settings = new SettingsStore(
      {} as Connection,
      nodeFiles(() => {}),
    );
    let document = TextDocument.create('file:///tmp/sam.resume.yaml', 'yaml', 1, TEXT);
    const state = new DocumentState({ get: () => document, all: () => [document] }, settings, guard, () => undefined, [...rules, broken]);

    const result = state.resultFor(document);
    assert.deepEqual(
      result?.findings.map((finding) => [finding.ruleId, finding.range, finding.message]),
      lint(TEXT).findings.map((finding) => [finding.ruleId, finding.range, finding.message]),
    );
    assert.deepEqual(failures, [[document.uri, internalDiagnostic('the rule `broken` failed: the broken rule broke')]]);
    assert.equal(
      failures[0]?.[1].message,
      'Bulletproof could not check this file: the rule `broken` failed: the broken rule broke. Details are in the Bulletproof output.',
    );
    assert.equal(logged.length, 1);
    assert.match(
      logged[0] ?? '',
      /^Bulletproof: rule broken on file:\/\/\/tmp\/sam\.resume\.yaml failed: Error: the broken rule broke\.\n\s+at /,
    );

    // The next version fails the same way: a diagnostic again, the log line not again.
    document = TextDocument.update(
      document,
      [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } }, text: 'name' }],
      2,
    );
    state.resultFor(document);
    assert.equal(failures.length, 2);
    assert.equal(logged.length, 1, logged.join('\n-----\n'));
  });
});
