// The editor snippets exactly as README.md's "Other editors" section gives
// them, so what the tests run is what a reader copies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const PLACEHOLDER = '/path/to/bulletproof';
const SECTION = '## Other editors';

/**
 * The one fenced block of `language` in the section, with the placeholder
 * replaced by `root`. Throws (a failed check, not a skip) when the section,
 * the block or the placeholder is missing, or the block is not unique.
 */
export function readmeSnippet(root, language) {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\r\n/g, '\n');
  const start = readme.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "${SECTION}" section`);
  const next = readme.indexOf('\n## ', start + SECTION.length + 2);
  const section = readme.slice(start, next < 0 ? undefined : next);
  const blocks = [...section.matchAll(/^```(\S*)\n([\s\S]*?)^```$/gm)].filter((match) => match[1] === language);
  if (blocks.length !== 1) {
    throw new Error(`"${SECTION}" in README.md should hold one \`\`\`${language} block, not ${blocks.length}`);
  }
  const code = blocks[0][2];
  if (!code.includes(PLACEHOLDER)) throw new Error(`the ${language} snippet in README.md does not mention ${PLACEHOLDER}`);
  return code.split(PLACEHOLDER).join(root);
}
