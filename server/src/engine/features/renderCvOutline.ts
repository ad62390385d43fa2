/**
 * The outline of a RenderCV file: CV › Sections › Experience › Acme —
 * Backend Engineer, then Design, Locale, Settings. Section titles are shown
 * as RenderCV prints them (`work_experience` → Work Experience).
 */
import { isMap, isScalar } from 'yaml';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import type { ResumeModel } from '../document';
import { toProse } from '../prose';
import { sectionTypeOf } from '../layouts/renderCv';
import { sectionTitle, type RenderCvEntryType } from '../layouts/renderCvSections';
import { entryItems, namedEntry, pairItems, personName, type OutlineItem } from './outlineItem';

const TOP_TITLES: Record<string, string> = {
  cv: 'CV',
  design: 'Design',
  locale: 'Locale',
  locale_catalog: 'Locale',
  settings: 'Settings',
  rendercv_settings: 'Settings',
};

/** For each entry type, the keys that name an entry: title first, then the detail. */
const ENTRY_NAMES: Record<RenderCvEntryType, [string[], string[]]> = {
  experience: [['company'], ['position']],
  education: [['institution'], ['area', 'degree']],
  normal: [['name'], []],
  oneLine: [['label'], ['details']],
  publication: [['title'], ['journal']],
  bullet: [['bullet'], []],
  numbered: [['number'], []],
  reversedNumbered: [['reversed_number'], []],
  text: [[], []],
};

export function renderCvOutline(model: ResumeModel): OutlineItem[] {
  const root = model.document?.contents;
  if (!isMap(root)) return [];
  return pairItems(
    root,
    (name) => TOP_TITLES[name] ?? name,
    (item, name, value) => {
      if (name !== 'cv' || !isMap(value)) return;
      const person = personName(value);
      if (person !== undefined) item.detail = person;
      const sections = pairItems(
        value,
        () => 'Sections',
        (sectionsItem, key, sectionsValue) => {
          if (key !== 'sections') return false;
          if (isMap(sectionsValue)) sectionsItem.children = sectionItems(model, sectionsValue);
          return true;
        },
      );
      item.children.push(...sections);
    },
  );
}

function sectionItems(model: ResumeModel, sections: YAMLMap): OutlineItem[] {
  return pairItems(sections, sectionTitle, (item, title, value) => {
    const type = sectionTypeOf(model, title);
    item.children = entryItems(value, (node, index) => entryItem(node, type, index));
  });
}

function plain(markdown: string | undefined): string | undefined {
  return markdown === undefined ? undefined : toProse(markdown).text.trim() || markdown;
}

function entryItem(node: YamlNode, type: RenderCvEntryType | undefined, index: number): OutlineItem {
  if (isScalar(node)) {
    // A paragraph of text: its start.
    const text = String(node.value).replace(/\s+/g, ' ').trim();
    return { ...namedEntry(node, [[], []], index), name: text.length > 60 ? `${text.slice(0, 59)}…` : text || `Entry ${index + 1}` };
  }
  // Shown as RenderCV prints it: `[Acme](https://…)` is Acme.
  return namedEntry(node, type ? ENTRY_NAMES[type] : [[], []], index, plain);
}
