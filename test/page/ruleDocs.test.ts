/**
 * The page rules' doc pages tell the truth: rendered in the classic theme
 * on US Letter, as the pages say, each Weak example is flagged by its rule
 * and each Strong one is not.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderResume } from '../../server/src/node/render/render';
import { pageRules } from '../../server/src/rules/registry';
import { docsPath } from '../../server/src/engine/rule';

function exampleAfter(doc: string, heading: 'Weak' | 'Strong'): string {
  const section = doc.slice(doc.indexOf(`## ${heading}\n`));
  const match = /```yaml\n([\s\S]*?)```/.exec(section);
  assert.ok(match?.[1], `a yaml block under ## ${heading}`);
  return match[1];
}

describe('page rules: the doc pages, rendered', function () {
  this.timeout(60_000);
  for (const rule of pageRules) {
    it(`${rule.meta.id}: the Weak example is flagged on the page, the Strong one is not`, async () => {
      const doc = readFileSync(docsPath(rule.meta.id), 'utf8');
      const ids: string[][] = [];
      for (const heading of ['Weak', 'Strong'] as const) {
        const response = await renderResume({
          text: exampleAfter(doc, heading),
          settings: { theme: 'classic', paper: 'us-letter' },
          output: 'none',
          checks: true,
          lint: { today: '2026-06-15' },
        });
        assert.ok(response.ok, response.ok ? '' : response.message);
        ids.push(response.findings.map((finding) => finding.ruleId).filter((id) => id === rule.meta.id));
      }
      assert.ok(ids[0]!.length > 0, 'the Weak example is flagged');
      assert.deepEqual(ids[1], [], 'the Strong example is not');
    });
  }
});
