/**
 * The posting rules' doc examples, linted with the posting each doc names in
 * its `<!-- posting: … -->` comment: the weak example is flagged, the strong
 * one is not. (The shared docs test lints without a posting, where these
 * rules stay quiet.)
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { postingSource } from '../../../server/src/engine/posting';
import mainLanguage from '../../../server/src/rules/posting-main-language';
import missingTerm from '../../../server/src/rules/posting-missing-term';
import skillNotShown from '../../../server/src/rules/posting-skill-not-shown';
import spelling from '../../../server/src/rules/posting-spelling';
import { findingsOf } from '../../helpers';
import { repoRoot } from './support';
import { nth } from '../../support/lists';

const POSTING_COMMENT = /^<!-- posting: (\S+) -->$/m;

function yamlBlockAfter(doc: string, heading: string): string {
  const match = new RegExp(`## ${heading}\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``).exec(doc);
  assert.ok(match, `no yaml block under "## ${heading}"`);
  return nth(match, 1);
}

describe('posting rule docs', () => {
  for (const rule of [missingTerm, spelling, mainLanguage, skillNotShown]) {
    const id = rule.meta.id;
    it(`${id}: the weak example is flagged and the strong one is not, against the posting the doc names`, () => {
      const root = repoRoot();
      const doc = fs.readFileSync(path.join(root, 'docs', 'rules', `${id}.md`), 'utf8');
      const lines = doc.split('\n');
      assert.equal(lines[0], `# ${id}`);
      assert.equal(lines[2], rule.meta.description);
      assert.equal(lines[4], `Default severity: **info**. Fixable: **${rule.meta.fixable ? 'yes' : 'no'}**. Tags: posting.`);
      const named = POSTING_COMMENT.exec(doc)?.[1];
      assert.equal(named, './examples/postings/acme-backend.md');
      assert.equal(lines[6], `<!-- posting: ${named} -->`);
      const posting = postingSource(named, fs.readFileSync(path.join(root, named), 'utf8'));
      const weak = findingsOf(yamlBlockAfter(doc, 'Weak'), id, { posting }, [rule]);
      assert.ok(weak.length > 0, 'the weak example is not flagged');
      assert.deepEqual(findingsOf(yamlBlockAfter(doc, 'Strong'), id, { posting }, [rule]), [], 'the strong example is flagged');
      assert.deepEqual(findingsOf(yamlBlockAfter(doc, 'Weak'), id, {}, [rule]), [], 'flagged without a posting');
    });
  }
});
