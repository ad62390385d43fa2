/**
 * What a render is asked for and what it answers: plain data, so the same
 * request goes to `renderResume` in-process (the CLI) or to the render
 * worker process over IPC (the language server).
 */
import type { LayoutSetting } from '../../engine/layouts';
import type { Finding, RuleLevel } from '../../engine/types';
import type { PageFacts, PrintedBullet, RenderSettings } from '../../engine/page/types';

export type RenderOutput = 'pdf' | 'svg' | 'typst' | 'none';

export interface RenderRequest {
  text: string;
  /** The resume's path or name: the layout can be told by it (`*_CV.yaml`). */
  fileName?: string;
  settings: RenderSettings;
  /** What to produce: a PDF, the pages as SVG, the Typst markup, or nothing but the page checks. */
  output: RenderOutput;
  /** Whether to run the page rules (`page-count`, `orphan-line`, `ats-text`…). */
  checks: boolean;
  /** The person's choices the page rules honour. */
  lint?: {
    rules?: Record<string, RuleLevel>;
    role?: 'backend' | 'general';
    layout?: LayoutSetting;
    format?: 'json' | 'yaml';
    /** ISO date: today, for the years of experience behind the page limit. */
    today?: string;
    /** The page limit; unset, two pages, or one for fewer than five years of work. */
    maxPages?: number;
  };
}

export type RenderFailure =
  /** This build has no Typst compiler for the platform. */
  | 'unavailable'
  /** The resume has errors that leave nothing to print (broken syntax, no resume at all): `findings` says which. */
  | 'unrenderable'
  /** The compiler failed: a bug in a template, never the person's fault. */
  | 'failed';

export type RenderResponse =
  | {
      ok: true;
      /** The PDF's bytes, the SVG or the markup; absent for `output: 'none'`. */
      output?: Uint8Array | string;
      pages: number;
      /** The page rules' findings (empty unless `checks`). */
      findings: Finding[];
      /** What the page showed the page rules (with `checks`): where each bullet printed, the PDF's text. */
      facts?: PageFacts;
      /** Where each bullet printed, whenever the page was typeset (a preview marks them); ids are the model's `bulletId`s. */
      printed?: PrintedBullet[];
      /** Plain notes for the person: "the page shows Bulletproof's classic theme, not RenderCV's `sb2nov`". */
      notes: string[];
    }
  | { ok: false; reason: RenderFailure; message: string; findings: Finding[] };
