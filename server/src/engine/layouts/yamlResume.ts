/**
 * YAMLResume (`content:` holding `basics`, `work`, `education` …):
 * recognised and reported as such; its content is not checked yet, so it
 * maps to an empty view and no bullets.
 */
import { isObject, rootAnchor } from './common';
import type { Layout } from './layout';

const CONTENT_KEYS = ['basics', 'work', 'education', 'skills', 'projects'];

export const yamlResume: Layout = {
  id: 'yamlresume',
  recognise(root) {
    if (!isObject(root) || !isObject(root.content)) return undefined;
    const content = root.content;
    const key = CONTENT_KEYS.find((name) => name in content);
    return key === undefined ? undefined : `\`content.${key}\``;
  },
  recogniseName: () => undefined,
  bullets: () => [],
  dates: () => [],
  view: (model) => ({
    readable: false,
    rootAnchor: rootAnchor(model),
    basics: { anchor: rootAnchor(model), hasName: false, hasContact: false, namePath: 'content.basics.name' },
    entries: [],
    skills: {
      path: 'content.skills',
      listed: false,
      groups: [],
      ownShape: false,
      groupItem: (name, items) => ({ name, keywords: [...items] }),
      addToGroup: (group, item) => ({ kind: 'appendItem', path: group.itemsPath, item }),
    },
    terms: {
      name: '`content.basics.name`',
      contact: '`content.basics.email`, `content.basics.phone` or `content.basics.url`',
      workEntry: 'a `content.work` entry',
      noHighlights: 'No `content.work` entry has a summary',
      currentRoleEnd: 'leave `endDate` empty',
    },
  }),
  mentionKind: () => undefined,
  checksContent: false,
  dateKeys: new Set(),
};
