/**
 * The manifest and the docs against the code: settings declared once, every
 * rule documented, every doc's examples true to its rule.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRuleMeta } from '../server/src/linter';
import { docsPath } from '../server/src/engine/rule';
import { DEFAULT_SETTINGS } from '../server/src/node/config';
import { manifestWithSettings } from '../server/src/engine/settings';
import { postingSource } from '../server/src/engine/posting';
import { pageRules } from '../server/src/rules/registry';
import type { LintOptions } from '../server/src/engine/types';
import { findingsOf, lintText } from './helpers';

const root = path.join(__dirname, '..', '..');
const manifestText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
/** The parts of package.json these tests read. */
interface Manifest {
  contributes: {
    configuration: { properties: Record<string, { default?: unknown; enum?: string[] } | undefined> };
    commands: { command: string; category?: string }[];
  };
}
const manifest = JSON.parse(manifestText) as Manifest;

function docFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? docFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

function yamlBlockAfter(doc: string, heading: string): string {
  const match = new RegExp(`## ${heading}\\n\`\`\`(?:yaml|json)\\n([\\s\\S]*?)\`\`\``).exec(doc);
  assert.ok(match, `no yaml block under "## ${heading}"`);
  return match[1] ?? '';
}

/**
 * A doc whose examples need a job posting names it: `<!-- posting: ./examples/postings/x.md -->`;
 * one about a posting that cannot be read says why: `<!-- posting-error: … -->`.
 */
function optionsFor(doc: string, example: 'Weak' | 'Strong'): LintOptions {
  const error = /^<!-- posting-error: (.+) -->$/m.exec(doc)?.[1];
  if (error && example === 'Weak') return { loadPosting: (reference) => (reference ? { error } : undefined) };
  if (error) return { loadPosting: (reference) => (reference ? postingSource(reference, '') : undefined) };
  const posting = /^<!-- posting: (\S+) -->$/m.exec(doc)?.[1];
  if (!posting) return {};
  return { posting: postingSource(posting, fs.readFileSync(path.join(root, posting), 'utf8')) };
}

describe('manifest', () => {
  const properties = manifest.contributes.configuration.properties;

  it('declares the defaults the server uses', () => {
    assert.deepEqual(properties['bulletproof.files']?.default, DEFAULT_SETTINGS.files);
    assert.equal(properties['bulletproof.role']?.default, DEFAULT_SETTINGS.role);
    assert.deepEqual(properties['bulletproof.rules']?.default, DEFAULT_SETTINGS.rules);
  });

  it('declares the settings as server/src/engine/settings.ts does (else run `npm run generate:manifest`)', () => {
    assert.equal(manifestText, manifestWithSettings(manifestText));
  });

  it('the check above catches a setting changed by hand', () => {
    const edited = JSON.parse(manifestText) as Manifest;
    const role = edited.contributes.configuration.properties['bulletproof.role'];
    assert.ok(role?.enum, 'bulletproof.role has no enum');
    role.enum.push('frontend');
    const text = `${JSON.stringify(edited, null, 2)}\n`;
    assert.notEqual(text, manifestWithSettings(text));
    assert.equal(manifestWithSettings(text), manifestText);
  });

  it('gives every command a category', () => {
    for (const command of manifest.contributes.commands) assert.equal(command.category, 'Bulletproof', command.command);
  });
});

describe('rule docs', () => {
  const metas = allRuleMeta();

  it('has a doc page for every rule and a rule for every doc page', () => {
    const documented = docFiles(path.join(root, 'docs', 'rules'))
      .map((file) => path.relative(root, file).split(path.sep).join('/'))
      .sort();
    assert.deepEqual(documented, metas.map((meta) => docsPath(meta.id)).sort());
  });

  for (const meta of metas) {
    describe(meta.id, () => {
      const doc = () => fs.readFileSync(path.join(root, docsPath(meta.id)), 'utf8');

      it('opens with the id, the description and the defaults from the rule', () => {
        const [title, , description, , defaults] = doc().split('\n');
        assert.equal(title, `# ${meta.id}`);
        assert.equal(description, meta.description);
        assert.match(
          defaults ?? '',
          new RegExp(`^Default severity: \\*\\*${meta.severity}\\*\\*\\. Fixable: \\*\\*${meta.fixable ? 'yes' : 'no'}\\*\\*\\.`),
        );
      });

      // A page rule's examples need a render to be flagged: here, each must be a resume that reads without errors.
      if (pageRules.some((rule) => rule.meta.id === meta.id)) {
        it('has a weak and a strong example, each a resume that reads without errors', () => {
          for (const example of ['Weak', 'Strong']) {
            const { findings, model } = lintText(yamlBlockAfter(doc(), example));
            assert.ok(model.bullets.length > 0, `the ${example.toLowerCase()} example has no bullet`);
            assert.deepEqual(
              findings.filter((finding) => finding.severity === 'error'),
              [],
              `the ${example.toLowerCase()} example has errors`,
            );
          }
        });
        return;
      }

      it('has a weak example the rule flags and a strong one it does not', () => {
        const text = doc();
        const weak = findingsOf(yamlBlockAfter(text, 'Weak'), meta.id, optionsFor(text, 'Weak'));
        assert.ok(weak.length > 0, 'the weak example is not flagged');
        const strong = findingsOf(yamlBlockAfter(text, 'Strong'), meta.id, optionsFor(text, 'Strong'));
        assert.deepEqual(strong, [], 'the strong example is flagged');
      });
    });
  }
});

describe('README', () => {
  it('lists every rule with its default severity and description, as the rules declare them', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = /<!-- rules:start -->\n([\s\S]*?)\n<!-- rules:end -->/.exec(readme)?.[1];
    assert.ok(table, 'README.md has no rules table between the markers');
    const expected = allRuleMeta().map(
      (meta) => `| [\`${meta.id}\`](${docsPath(meta.id)}) | ${meta.severity} | ${meta.fixable ? 'yes' : ''} | ${meta.description} |`,
    );
    assert.deepEqual(table.split('\n').slice(2), expected);
  });
});
