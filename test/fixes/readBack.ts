/** Reading a fixed resume back, typed by the parts the fix tests look at. */
import { parse } from 'yaml';

/** The parts of a JSON Resume the fix tests read back. */
export interface ResumeReadBack {
  basics: { summary?: string };
  work: { summary?: string; startDate?: string; highlights: string[] }[];
  skills: { name: string; keywords: string[] }[];
  references: { name: string }[];
}

/** A YAML resume (JSON reads as YAML too) after a fix. */
export function readResume(text: string): ResumeReadBack {
  return parse(text) as ResumeReadBack;
}

/** A JSON resume after a fix, read as strictly as JSON. */
export function readJsonResume(text: string): ResumeReadBack {
  return JSON.parse(text) as ResumeReadBack;
}
