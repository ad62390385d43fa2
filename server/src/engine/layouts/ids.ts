/**
 * Which layout a resume file is written in, and why Bulletproof read it so:
 * plain data on every model (`model.layout`), shown in the hover on the
 * first key, the report's title and the CLI's JSON report.
 */

export type LayoutId = 'json-resume' | 'rendercv' | 'yamlresume' | 'other';

/**
 * The `layout` setting: `auto` detects from the content, then the file name.
 * A layout of its own (`other`) is only ever detected: it has no schema to force.
 */
export type LayoutSetting = 'auto' | Exclude<LayoutId, 'other'>;

/** `content` (its keys), `file name`, `setting` (`layout` in settings), or `default` (nothing else said). */
export type LayoutReason = 'content' | 'file name' | 'setting' | 'default';

export interface DetectedLayout {
  id: LayoutId;
  reason: LayoutReason;
  /** What decided it, as shown to people: "`cv.sections`", "the file name `*_CV.yaml`", "`layout: rendercv`". */
  evidence?: string;
}

export const LAYOUT_NAMES: Readonly<Record<LayoutId, string>> = {
  'json-resume': 'JSON Resume',
  rendercv: 'RenderCV',
  yamlresume: 'YAMLResume',
  other: 'a layout of its own',
};

export const JSON_RESUME: DetectedLayout = { id: 'json-resume', reason: 'default' };

/** "read as RenderCV (detected from `cv.sections`)", for the hover and the report. */
export function describeLayout(layout: DetectedLayout): string {
  const name = LAYOUT_NAMES[layout.id];
  switch (layout.reason) {
    case 'content':
      return `read as ${name} (detected from ${layout.evidence ?? 'its keys'})`;
    case 'file name':
      return `read as ${name} (from ${layout.evidence ?? 'its file name'})`;
    case 'setting':
      return `read as ${name} (set by ${layout.evidence ?? 'the `layout` setting'})`;
    case 'default':
      return `read as ${name}`;
  }
}
