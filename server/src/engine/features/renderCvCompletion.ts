/**
 * Completion in a RenderCV file: keys from RenderCV's schema at every
 * level, a section's entries completed as the type RenderCV gives that
 * section (its first identifiable entry, else the keys of the entry being
 * typed), values that are words (`present`, a network's name; a date is the
 * person's to write), and RenderCV's templates after `- `.
 */
import { entryTypeOfKeys, type RenderCvEntryType } from '../layouts/renderCvSections';
import { renderCvKnownKeys, renderCvSchemaAt } from '../schema/renderCvSchemaInfo';
import { renderCvSnippetsFor, snippetsFor, type RenderCvSnippetContext, type Snippet } from '../snippets';
import { keyEntries, snippetEntry, valueEntries, valueSuggestions, type CompletionEntry, type CursorContext } from './completionItems';

export { completionLayoutOf } from './completionLayout';

/** RenderCV's top-level keys, current names first; `locale_catalog` (1.x) is an old name, not offered. */
const ROOT_KEYS = ['cv', 'design', 'locale', 'settings', 'rendercv_settings'];

/** One key under two names over RenderCV's versions: either one written, the other is not offered. */
const SAME_KEY: Readonly<Record<string, string>> = {
  settings: 'rendercv_settings',
  rendercv_settings: 'settings',
  locale: 'locale_catalog',
};

/** The section types whose entries have templates, and the types whose `highlights` are bullets. */
const ENTRY_TEMPLATES: Partial<Record<RenderCvEntryType, RenderCvSnippetContext>> = {
  experience: 'experience',
  normal: 'normal',
  oneLine: 'oneLine',
};
const WITH_BULLETS: ReadonlySet<RenderCvEntryType | undefined> = new Set(['experience', 'normal']);

export function renderCvCompletions(
  context: CursorContext,
  replace: CompletionEntry['replace'],
  typeOfSection: (title: string) => RenderCvEntryType | undefined,
): CompletionEntry[] {
  const { path } = context;
  const inEntry = path.length >= 4 && path[0] === 'cv' && path[1] === 'sections';
  // A section nothing identifies yet: the keys of the entry being typed say what it is.
  const sectionType = (title: string) =>
    typeOfSection(title) ?? (inEntry && title === path[2] && context.kind === 'key' ? entryTypeOfKeys(context.siblings) : undefined);
  if (context.kind === 'value') {
    const node = renderCvSchemaAt(path, sectionType);
    // Words only: an example date is not the person's date.
    return valueEntries(
      valueSuggestions(node).filter((value) => !/\d/.test(value)),
      node,
      replace,
    );
  }
  const keys = keysAt(context, sectionType).filter((key) => !context.siblings.includes(key));
  const templates = templatesAt(context, sectionType).map((snippet, index) => snippetEntry(snippet, context, replace, index));
  return [...templates, ...keyEntries(keys, (key) => renderCvSchemaAt([...path, key], sectionType), context, replace)];
}

function keysAt(context: CursorContext, sectionType: (title: string) => RenderCvEntryType | undefined): string[] {
  const { path, siblings } = context;
  if (path.length === 0) return ROOT_KEYS.filter((key) => !siblings.some((sibling) => SAME_KEY[key] === sibling));
  // Section titles are the person's own.
  if (path.length === 2 && path[0] === 'cv' && path[1] === 'sections') return [];
  return renderCvKnownKeys(path, sectionType);
}

function templatesAt(context: CursorContext, sectionType: (title: string) => RenderCvEntryType | undefined): Snippet<string>[] {
  const { path, dashColumn } = context;
  if (path.length === 0) return context.keyColumn === 0 && context.siblings.length === 0 ? renderCvSnippetsFor('document') : [];
  const [cv, sections, title, index, field, item] = path;
  if (cv !== 'cv' || sections !== 'sections' || typeof title !== 'string' || index !== 0) return [];
  const type = sectionType(title);
  if (path.length === 4) {
    if (dashColumn === undefined) return [];
    // A section with no entry RenderCV can identify yet takes any of them.
    if (type === undefined) return (['experience', 'normal', 'oneLine'] as const).flatMap((kind) => renderCvSnippetsFor(kind));
    const kind = ENTRY_TEMPLATES[type];
    return kind ? renderCvSnippetsFor(kind) : [];
  }
  const inHighlights = field === 'highlights' && (path.length === 5 || (path.length === 6 && item === 0 && dashColumn !== undefined));
  return inHighlights && WITH_BULLETS.has(type) ? snippetsFor('highlights') : [];
}
