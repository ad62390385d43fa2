/**
 * The person in a resume of a layout of its own: a name and a way to reach
 * them, at the root (`name:`, `email:`) or in a block of their own
 * (`basics`, `personal`, `info`, `header`, `contact`, `profile` …).
 */
import { hasItems, hasText, isObject, type Json } from './common';

/** Keys of a block holding the person, in the order they are looked for. */
const PERSON_KEYS = [
  'basics',
  'personal',
  'personal_info',
  'personalInfo',
  'personal_information',
  'info',
  'header',
  'contact',
  'contacts',
  'profile',
  'person',
  'about',
  'me',
  'identity',
];

/** Keys that hold a way to reach the person, or a block of them (`links`, `social`). */
const CONTACT_KEY =
  /^(e-?mail|mail|phone|tel|telephone|mobile|cell|url|website|site|homepage|web|linkedin|github|gitlab|twitter|links|profiles|social|contacts?)([_-]?(address|profile|url|page|number|link|handle))?$/i;

/** Keys a name is written under, whole (`name`) or in parts (`first`, `last`). */
const NAME_KEYS = ['name', 'full_name', 'fullName', 'fullname'];
const NAME_PART_KEYS = ['first', 'last', 'first_name', 'last_name', 'firstName', 'lastName', 'given', 'family'];

export interface OwnPerson {
  /** The block's key, when the person is written in one (`info`); undefined at the root. */
  key?: string;
  hasName: boolean;
  hasContact: boolean;
  /** Where the name is, or would be written. */
  namePath: string;
  /** Where a summary of the person is, when one is written as text. */
  summaryPath?: string;
  /**
   * Where a name is written (`info.name`), empty or not, for detection: it
   * depends on the file's structure only, so editing a text never changes
   * how the file is read.
   */
  evidence?: string;
}

export function readOwnPerson(root: Json): OwnPerson {
  const blocks: Array<[string | undefined, Json]> = [
    [undefined, root],
    ...PERSON_KEYS.flatMap((key): Array<[string, Json]> => (isObject(root[key]) ? [[key, root[key]]] : [])),
  ];
  const named = blocks.find(([, block]) => nameIn(block, hasText) !== undefined);
  const written = blocks.find(([, block]) => nameIn(block, isString) !== undefined);
  const key = named?.[0] ?? blocks[1]?.[0];
  const prefix = key === undefined ? '' : `${key}.`;
  // Contacts anywhere in the person's blocks, or one level inside them (`links.email`, `social.github`).
  const hasContact = blocks.some(([, block]) =>
    Object.entries(block).some(
      ([field, value]) => CONTACT_KEY.test(field) && (isObject(value) ? Object.values(value).some(hasText) : hasItems(value)),
    ),
  );
  const summaryKey = ['summary', 'about_me', 'aboutMe', 'objective'].find((field) =>
    blocks.some(([, block]) => typeof block[field] === 'string'),
  );
  const summaryBlock = summaryKey === undefined ? undefined : blocks.find(([, block]) => typeof block[summaryKey] === 'string');
  return {
    key,
    hasName: named !== undefined,
    hasContact,
    namePath: `${prefix}${(named && nameIn(named[1], hasText)) ?? 'name'}`,
    summaryPath: summaryBlock && summaryKey && `${summaryBlock[0] === undefined ? '' : `${summaryBlock[0]}.`}${summaryKey}`,
    evidence: written && `\`${written[0] === undefined ? '' : `${written[0]}.`}${nameIn(written[1], isString)}\``,
  };
}

const isString = (value: unknown): boolean => typeof value === 'string';

/** The key a name is written under in a block (`name`, or `name` with `first`/`last` inside), if one holds a name as `named` says. */
function nameIn(block: Json, named: (value: unknown) => boolean): string | undefined {
  for (const key of NAME_KEYS) {
    const value = block[key];
    if (isObject(value) ? NAME_PART_KEYS.some((part) => named(value[part])) : typeof value === 'string' && named(value)) return key;
  }
  return NAME_PART_KEYS.find((part) => typeof block[part] === 'string' && named(block[part]));
}
