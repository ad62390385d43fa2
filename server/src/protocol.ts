/**
 * Every custom message between the VS Code client and the server, as typed
 * constants in one place. Plain strings and types only, so the client
 * bundles no server code.
 */
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
  /** 0-based line of each bullet path. */
  bulletLines: Record<string, number>;
}

export type { ResumeReport };
