/**
 * RenderCV's sections: `cv.sections` maps a title (free text) to a list of
 * entries of one type, which RenderCV infers from the first entry it can
 * identify, by the keys only that type has, in a fixed order (its
 * `get_characteristic_entry_fields`): one-line, normal, experience,
 * education, publication, bullet, numbered, reversed-numbered; a string is
 * a text entry.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { formatPath, type PathEntry } from '../model';
import type { OffsetRange } from '../types';
import { keysAt } from './common';

export type RenderCvEntryType =
  'text' | 'oneLine' | 'normal' | 'experience' | 'education' | 'publication' | 'bullet' | 'numbered' | 'reversedNumbered';

/** In RenderCV's order: the first type whose keys an entry has wins. */
export const CHARACTERISTIC_KEYS: readonly (readonly [RenderCvEntryType, readonly string[]])[] = [
  ['oneLine', ['label', 'details']],
  ['normal', ['name']],
  ['experience', ['company', 'position']],
  ['education', ['institution', 'area', 'degree', 'grade']],
  ['publication', ['title', 'authors', 'doi', 'url', 'journal']],
  ['bullet', ['bullet']],
  ['numbered', ['number']],
  ['reversedNumbered', ['reversed_number']],
];

/** The type of an entry from its keys, or `text` for a string; undefined when RenderCV could not tell. */
export function entryTypeOfKeys(keys: readonly string[]): RenderCvEntryType | undefined {
  return CHARACTERISTIC_KEYS.find(([, characteristic]) => characteristic.some((key) => keys.includes(key)))?.[0];
}

/** The type of a section's entries as RenderCV infers it: from its first identifiable entry. */
export function sectionTypeOfValues(items: readonly unknown[]): RenderCvEntryType | undefined {
  for (const item of items) {
    if (typeof item === 'string') return 'text';
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const type = entryTypeOfKeys(Object.keys(item));
      if (type) return type;
    }
  }
  return undefined;
}

export interface RenderCvSection {
  /** The title as written: `experience`, `Work Experience`. */
  title: string;
  /** `cv.sections.experience`. */
  path: string;
  keyRange?: OffsetRange;
  type: RenderCvEntryType | undefined;
  /** How many entries are written. */
  count: number;
}

export const SECTIONS_PATH = 'cv.sections';

/** The sections as written, in order, each with the type RenderCV gives its entries. */
export function renderCvSections(entries: ReadonlyMap<string, PathEntry>): RenderCvSection[] {
  return keysAt(entries, SECTIONS_PATH).flatMap((title): RenderCvSection[] => {
    const path = formatPath(['cv', 'sections', title]);
    const entry = entries.get(path);
    const list = entry?.node;
    if (!entry || !isSeq(list)) return [];
    let type: RenderCvEntryType | undefined;
    for (let index = 0; index < list.items.length && !type; index++) {
      const item = list.items[index];
      if (isScalar(item) && typeof item.value === 'string') type = 'text';
      else if (isMap(item)) type = entryTypeOfKeys(keysAt(entries, formatPath(['cv', 'sections', title, index])));
    }
    return [{ title, path, keyRange: entry.keyRange, type, count: list.items.length }];
  });
}

/** A section that holds the person's summary: a text section titled so, or the CV's first section when it is text. */
export function isSummarySection(section: RenderCvSection, position: number): boolean {
  return section.type === 'text' && (position === 0 || SUMMARY_TITLE.test(section.title));
}

const SUMMARY_TITLE = /summary|profile|perfil|about|sobre|objective|resumen|profil|overview|introduction|zusammenfassung/i;

/** The one-line section that lists skills, by its title. */
export function isSkillsSection(section: RenderCvSection): boolean {
  return section.type === 'oneLine' && SKILLS_TITLE.test(section.title);
}

const SKILLS_TITLE = /skill|habilidad|technolog|tecnolog|stack|tools|competen|expertise|kenntnisse|conocimientos/i;

/** Words RenderCV leaves in lower case inside a title made from a section key. */
const SMALL_WORDS = new Set(
  'a an and as at but by for from if in into like near nor of off on onto or over so than that the to upon when with yet'.split(' '),
);

/** RenderCV's rule: a key with a space or a capital is printed as written; else `_` is a space and words are capitalised. */
export function sectionTitle(key: string): string {
  if (/[\sA-Z]/.test(key)) return key;
  return key
    .split('_')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
