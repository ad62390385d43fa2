/**
 * The templates in `snippets/` (VS Code snippet syntax), offered by the
 * server as completions where they fit, so every LSP editor gets them and
 * other YAML files never see them.
 */
import sections from '../../../snippets/sections.json';
import entries from '../../../snippets/entries.json';
import bullets from '../../../snippets/bullets.json';
import comments from '../../../snippets/comments.json';
import renderCv from '../../../snippets/rendercv.json';
import yamlResume from '../../../snippets/yamlresume.json';

/** Where a template belongs: the whole document, a section's item, a bullet, a comment line. */
export type SnippetContext = 'document' | 'work' | 'projects' | 'highlights' | 'comment';

/** Where a RenderCV template belongs: the whole document, or an item of a section of experience, normal or one-line entries. */
export type RenderCvSnippetContext = 'document' | 'experience' | 'normal' | 'oneLine';

/** Where a YAMLResume template belongs: an item of `content.work`, `content.projects` or `content.skills`. */
export type YamlResumeSnippetContext = 'work' | 'projects' | 'skills';

export interface Snippet<Context extends string = SnippetContext> {
  name: string;
  prefix: string[];
  context: Context;
  description: string;
  /** Snippet syntax, lines joined with `\n`, indented relative to its first line. */
  body: string;
}

interface SnippetFileEntry {
  prefix: string | string[];
  context: string;
  description: string;
  body: string | string[];
}

function load<Context extends string = SnippetContext>(file: Record<string, SnippetFileEntry>): Snippet<Context>[] {
  return Object.entries(file).map(([name, entry]) => ({
    name,
    prefix: Array.isArray(entry.prefix) ? entry.prefix : [entry.prefix],
    context: entry.context as Context,
    description: entry.description,
    body: Array.isArray(entry.body) ? entry.body.join('\n') : entry.body,
  }));
}

export const snippets: readonly Snippet[] = [...load(sections), ...load(entries), ...load(bullets), ...load(comments)];

export function snippetsFor(context: SnippetContext): Snippet[] {
  return inContext(snippets, context);
}

/** RenderCV's own templates (its skeleton and entries); its bullets are the ones above, `highlights` being the same list of text. */
export const renderCvSnippets: readonly Snippet<RenderCvSnippetContext>[] = load<RenderCvSnippetContext>(renderCv);

export function renderCvSnippetsFor(context: RenderCvSnippetContext): Snippet<RenderCvSnippetContext>[] {
  return inContext(renderCvSnippets, context);
}

/** YAMLResume's own entries (bullets in a `summary` block are the ones above, each a Markdown list item). */
export const yamlResumeSnippets: readonly Snippet<YamlResumeSnippetContext>[] = load<YamlResumeSnippetContext>(yamlResume);

export function yamlResumeSnippetsFor(context: YamlResumeSnippetContext): Snippet<YamlResumeSnippetContext>[] {
  return inContext(yamlResumeSnippets, context);
}

function inContext<Context extends string>(list: readonly Snippet<Context>[], context: Context): Snippet<Context>[] {
  return list.filter((snippet) => snippet.context === context);
}

/** Indents every line after the first by `indent`, for inserting at a column. */
export function indentBody(body: string, indent: string): string {
  return body
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : indent + line))
    .join('\n');
}

/** A body that starts with `- ` inserted where the person already typed the dash. */
export function withoutLeadingDash(body: string): string {
  const [first = '', ...rest] = body.split('\n');
  if (!first.startsWith('- ')) return body;
  return [first.slice(2), ...rest.map((line) => line.replace(/^ {2}/, ''))].join('\n');
}
