/**
 * Which layout a file is written in: a forced one (`layout` in settings)
 * wins; else the content says (RenderCV's `cv.sections`, YAMLResume's
 * `content.basics` …); else the file name (`*_CV.yaml`); else JSON Resume.
 * When the content looks like more than one, the file name decides between
 * them, and JSON Resume otherwise. A root that JSON Resume would read no
 * bullet from, in keys of its own, is a layout of its own (ownLayout.ts)
 * unless another layout's own keys or its file name say otherwise.
 */
import { JSON_RESUME, type DetectedLayout, type LayoutId, type LayoutSetting } from './ids';
import type { Layout } from './layout';
import { jsonResume } from './jsonResume';
import { recogniseOwnLayout } from './ownLayout';
import { renderCv } from './renderCv';
import { yamlResume } from './yamlResume';

export interface DetectOptions {
  /** The file's path or name, for name-based detection. */
  fileName?: string;
  /** The `layout` setting; `auto` (or nothing) detects. */
  layout?: LayoutSetting;
}

/** In the order content is tried: the layouts with distinctive roots first. */
const DETECTED: readonly Layout[] = [renderCv, yamlResume, jsonResume];

export function detectLayout(root: unknown, options: DetectOptions = {}): DetectedLayout {
  const forced = options.layout;
  if (forced !== undefined && forced !== 'auto') return { id: forced, reason: 'setting', evidence: `\`layout: ${forced}\`` };
  const baseName = options.fileName?.split(/[\\/]/).pop() ?? '';
  const byContent = DETECTED.flatMap((layout) => {
    const evidence = layout.recognise(root);
    return evidence === undefined ? [] : [{ id: layout.id, evidence }];
  });
  const byName = baseName ? DETECTED.flatMap((layout) => (layout.recogniseName(baseName) ? [layout] : [])) : [];
  const [first, ...others] = byContent;
  // Where JSON Resume's keys alone, or nothing at all, would decide: RenderCV's or YAMLResume's keys, or a file name, say more.
  const jsonResumeAlone = first?.id === 'json-resume' && others.length === 0;
  const own = jsonResumeAlone || (first === undefined && byName.length === 0) ? recogniseOwnLayout(root) : undefined;
  if (own !== undefined) return { id: 'other', reason: 'content', evidence: own };
  if (first && others.length === 0) return { id: first.id, reason: 'content', evidence: first.evidence };
  if (first) {
    const named = byContent.find((candidate) => byName.some((layout) => layout.id === candidate.id));
    const chosen = named ?? byContent.find((candidate) => candidate.id === 'json-resume') ?? first;
    return { id: chosen.id, reason: 'content', evidence: chosen.evidence };
  }
  const named = byName[0];
  if (named) return { id: named.id, reason: 'file name', evidence: named.recogniseName(baseName) };
  return JSON_RESUME;
}

/** Whether any layout recognises `root` by its content (not by a name or a setting). */
export function recognisedByContent(root: unknown): boolean {
  return DETECTED.some((layout) => layout.recognise(root) !== undefined);
}

export function isLayoutId(value: unknown): value is LayoutId {
  return value === 'json-resume' || value === 'rendercv' || value === 'yamlresume' || value === 'other';
}
