/** Reading a fixed resume back, typed by the parts the fix tests look at. */
import { parse } from 'yaml';
import { nth } from '../support/lists';

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

/** The work entry at `entry`, which must be there. */
export function workEntry(resume: ResumeReadBack, entry = 0): ResumeReadBack['work'][number] {
  return nth(resume.work, entry, 'work entry');
}

/** The highlight at `index` of the work entry at `entry`, which must be there. */
export function highlightAt(resume: ResumeReadBack, index: number, entry = 0): string {
  return nth(workEntry(resume, entry).highlights, index, 'highlight');
}
