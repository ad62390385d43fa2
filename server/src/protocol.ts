/**
 * Every custom message between the VS Code client and the server, as typed
 * constants in one place. Plain strings and types only, so the client
 * bundles no server code.
 */
import type { ConvertTarget } from './engine/convert/convert';
import type { ResumeReport } from './engine/report';

/** Request: the report for a resume, or null when the document is not one. */
export const REPORT_REQUEST = 'bulletproof/report';

export interface ReportParams {
  uri: string;
}

export interface ReportResult {
  uri: string;
  version: number;
  report: ResumeReport;
  /** 0-based line of each role, for links from the report to the file. */
  roleLines: Record<string, number>;
  /** 0-based line of each bullet, by its path (`bulletId`: a list item in a text adds `#` and its offset). */
  bulletLines: Record<string, number>;
}

export type { ConvertTarget, ResumeReport };

/** Request: the resume of `uri` in another layout, as new text for an unsaved editor. */
export const CONVERT_REQUEST = 'bulletproof/convert';

export interface ConvertParams {
  uri: string;
  to: ConvertTarget;
  /** The document's text, used when the server does not have the document open. */
  text?: string;
}

export type ConvertResult =
  | {
      ok: true;
      text: string;
      /** The language id of the new document. */
      language: 'json' | 'yaml';
      /** `path: message`, one per note. */
      notes: string[];
      /** One line: what was converted into what. */
      summary: string;
    }
  | { ok: false; message: string };

/** The page settings a render request may set for once, over the resume's own. */
export interface RenderSettingsOverrides {
  theme?: 'classic' | 'compact';
  paper?: 'us-letter' | 'a4';
  fontSize?: number;
  margin?: string;
}

/** Why a render gave nothing: no compiler in this build, a resume with nothing to print, a failure of ours, no file to read. */
export type RenderFailureReason = 'unavailable' | 'unrenderable' | 'failed' | 'unreadable';

/** Request: the resume of `uri` typeset, as a PDF (base64), the pages as SVG, or the Typst markup. */
export const RENDER_REQUEST = 'bulletproof/render';

export interface RenderParams {
  uri: string;
  output: 'pdf' | 'svg' | 'typst';
  settings?: RenderSettingsOverrides;
}

export type RenderResult =
  | {
      ok: true;
      /** The PDF's bytes in base64; the SVG or the markup as text. */
      data: string;
      encoding: 'base64' | 'text';
      pages: number;
      /** One line: what was rendered, and any note about the page. */
      message: string;
    }
  | { ok: false; reason: RenderFailureReason; message: string };

/** Request: the resume of `uri` as `<name>.pdf` beside it, written atomically; an existing file that is not a PDF is left alone. */
export const EXPORT_PDF_REQUEST = 'bulletproof/exportPdf';

export interface ExportPdfParams {
  uri: string;
}

export type ExportPdfResult =
  { ok: true; path: string; pages: number; message: string } | { ok: false; reason: RenderFailureReason | 'refused'; message: string };

/** Request: show the page of `uri` in a preview, or change the preview's page settings; updates follow as `bulletproof/preview`. */
export const PREVIEW_OPEN_REQUEST = 'bulletproof/previewOpen';
/** Notification from the client: the preview of `uri` was closed. */
export const PREVIEW_CLOSE_NOTIFICATION = 'bulletproof/previewClose';
/** Notification from the server: the preview's new page (after each change of the resume), or why there is none. */
export const PREVIEW_NOTIFICATION = 'bulletproof/preview';

export interface PreviewOpenParams {
  uri: string;
  /** Page settings for this preview only, over the resume's own. */
  settings?: RenderSettingsOverrides;
}

export type PreviewOpenResult = { ok: true } | { ok: false; message: string };

export interface PreviewCloseParams {
  uri: string;
}

/** A finding on a printed bullet, as the preview shows it on hover. */
export interface PreviewMessage {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

/** A printed bullet tied to its text: where it is in the file, where it printed, and what is said about it. */
export interface PreviewMark {
  /** The model's bullet id (`work[0].highlights[1]`). */
  id: string;
  /** The bullet's range in the file (0-based lines and UTF-16 characters). */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** Where its first and last words printed: page (1-based), x and baseline y in points from the page's top-left. */
  first: { page: number; x: number; y: number };
  last: { page: number; x: number; y: number };
  messages: PreviewMessage[];
}

export type PreviewUpdate =
  | {
      uri: string;
      version: number;
      /** The pages as one SVG (each page a `g.typst-page`); absent when only the marks changed (page findings came in). */
      svg?: string;
      pages: number;
      settings: { theme: 'classic' | 'compact'; paper: 'us-letter' | 'a4' };
      marks: PreviewMark[];
      /** Findings about the whole page (`page-count`) and notes on the theme. */
      notes: string[];
    }
  | {
      uri: string;
      version: number;
      /** Why there is no new page: the last good one stays, under this message. */
      error: string;
      reason: 'unrenderable' | 'unavailable' | 'failed' | 'not-a-resume';
    };

/**
 * Request, server to client: a file's bytes through the editor's file system, for a server with no file
 * system of its own (the web worker in vscode.dev and github.dev), so `.bulletproof.yaml` and job postings
 * are read there too. The client answers null when the file does not exist, is not a regular file, or is
 * larger than `maxBytes`; the server decodes the bytes as it decodes a file it reads itself.
 */
export const READ_FILE_REQUEST = 'bulletproof/readFile';

export interface ReadFileParams {
  uri: string;
  maxBytes: number;
}

/** The file's bytes in base64, or null. */
export type ReadFileResult = { data: string } | null;
