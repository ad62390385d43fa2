/**
 * The layouts Bulletproof reads, and the resume view of a model: what rules
 * read instead of one layout's paths. The view is worked out once per model
 * (`model.derived`), when first asked for.
 */
import { derivedSlot } from '../derived';
import type { ResumeModel } from '../model';
import type { LayoutId } from './ids';
import { jsonResume } from './jsonResume';
import type { Layout, ResumeView } from './layout';
import { ownLayout } from './ownLayout';
import { renderCv } from './renderCv';
import { yamlResume } from './yamlResume';

export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = {
  'json-resume': jsonResume,
  rendercv: renderCv,
  yamlresume: yamlResume,
  other: ownLayout,
};

export function layoutOf(model: Pick<ResumeModel, 'layout'>): Layout {
  return LAYOUTS[model.layout.id];
}

const VIEW = derivedSlot<ResumeView>('resume view');

/** The model as the rules read it, whatever the layout. */
export function resumeView(model: ResumeModel): ResumeView {
  return model.derived.get(VIEW, () => ({ ...layoutOf(model).view(model), layout: model.layout, bullets: model.bullets }));
}

/** Keys whose value is a date in any layout: an edit there can change what a role's dates say. */
export const DATE_KEYS: ReadonlySet<string> = new Set(Object.values(LAYOUTS).flatMap((layout) => [...layout.dateKeys]));

export type { DateField, EntryKind, Layout, MentionKind, ResumeView, SkillsGroupView, SkillsView, ViewEntry } from './layout';
export { detectLayout, isLayoutId, type DetectOptions } from './detect';
export { describeLayout, LAYOUT_NAMES, type DetectedLayout, type LayoutId, type LayoutReason, type LayoutSetting } from './ids';
