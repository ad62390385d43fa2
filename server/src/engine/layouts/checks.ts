/** The finding about the layout itself: one Bulletproof recognises but does not check yet. */
import type { ResumeModel } from '../model';
import type { OffsetRange, RuleMeta } from '../types';
import { LAYOUT_NAMES } from './ids';
import { rootAnchor } from './common';

export const NOT_CHECKED_ID = 'layout/not-checked';

export const layoutChecks: readonly RuleMeta[] = [
  {
    id: NOT_CHECKED_ID,
    severity: 'info',
    description: 'A resume layout Bulletproof recognises but does not check yet (YAMLResume).',
    fixable: false,
    tags: ['layout'],
  },
];

/** The note on the first key, for a layout whose content is not checked yet; undefined for the others. */
export function notCheckedNote(model: ResumeModel, checksContent: boolean): { range: OffsetRange; message: string } | undefined {
  if (checksContent) return undefined;
  const name = LAYOUT_NAMES[model.layout.id];
  return {
    range: rootAnchor(model),
    message: `This file is read as ${name}: support for ${name} is coming; until then only its YAML syntax is checked.`,
  };
}
