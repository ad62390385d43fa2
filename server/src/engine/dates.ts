/**
 * Resume dates: JSON Resume writes `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. People
 * write "September 2018", "09/2018" or "Present"; we say what to write instead.
 */
export interface ResumeDate {
  year: number;
  month?: number;
  day?: number;
}

const ISO = /^([1-2]\d{3})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * A resume date exactly as the schema accepts it, or undefined, so a date
 * the schema rejects gets that one diagnostic and no other. Accepts the
 * integer year YAML reads for an unquoted `2020`.
 */
export function parseResumeDate(value: unknown): ResumeDate | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1900 && value <= 2100 ? { year: value } : undefined;
  }
  return typeof value === 'string' ? parseDateText(value) : undefined;
}

function parseDateText(value: string): ResumeDate | undefined {
  const match = ISO.exec(value);
  if (!match) return undefined;
  const date: ResumeDate = { year: Number(match[1]) };
  if (match[2] !== undefined) date.month = Number(match[2]);
  if (match[3] !== undefined) date.day = Number(match[3]);
  if (date.month !== undefined && (date.month < 1 || date.month > 12)) return undefined;
  if (date.day !== undefined && (date.day < 1 || date.day > 31)) return undefined;
  return date;
}

/**
 * Compares at the coarser of the two precisions, so `2020` is neither before
 * nor after `2020-06`.
 */
export function compareDates(a: ResumeDate, b: ResumeDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === undefined || b.month === undefined) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === undefined || b.day === undefined) return 0;
  return a.day - b.day;
}

export function formatDate(date: ResumeDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  let out = String(date.year);
  if (date.month !== undefined) out += `-${pad(date.month)}`;
  if (date.day !== undefined) out += `-${pad(date.day)}`;
  return out;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** The month a name or abbreviation stands for ("Sept" → 9), if any. */
function monthNamed(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTHS[name.toLowerCase()];
}

const ONGOING = /^(present|current(ly)?|now|today|ongoing|to date|till date|actual|actualidad|aujourd'hui|présent|heute)$/i;

export type DateAdvice = { kind: 'rewrite'; suggestion: string } | { kind: 'ongoing' } | { kind: 'unknown' };

/** What to write instead of a date we cannot read. */
export function adviseDate(raw: string): DateAdvice {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (ONGOING.test(text)) return { kind: 'ongoing' };
  const pad = (n: number) => String(n).padStart(2, '0');
  let match = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  if (match) {
    const [, y, m, d] = match;
    if (Number(m) >= 1 && Number(m) <= 12 && (!d || (Number(d) >= 1 && Number(d) <= 31))) {
      return { kind: 'rewrite', suggestion: `${y}-${pad(Number(m))}${d ? `-${pad(Number(d))}` : ''}` };
    }
  }
  match = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match && Number(match[1]) >= 1 && Number(match[1]) <= 12) {
    return { kind: 'rewrite', suggestion: `${match[2]}-${pad(Number(match[1]))}` };
  }
  match = /^([A-Za-z]+)\.?,? (\d{4})$/.exec(text);
  let month = monthNamed(match?.[1]);
  if (match && month) {
    return { kind: 'rewrite', suggestion: `${match[2]}-${pad(month)}` };
  }
  match = /^(\d{1,2}) ([A-Za-z]+)\.?,? (\d{4})$/.exec(text);
  month = monthNamed(match?.[2]);
  if (match && month) {
    return { kind: 'rewrite', suggestion: `${match[3]}-${pad(month)}-${pad(Number(match[1]))}` };
  }
  match = /^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text);
  month = monthNamed(match?.[1]);
  if (match && month) {
    return { kind: 'rewrite', suggestion: `${match[3]}-${pad(month)}-${pad(Number(match[2]))}` };
  }
  return { kind: 'unknown' };
}

/**
 * A date as people write it and YAMLResume reads it (`Apr 2021`,
 * `April 2021`, `Sep 1, 2016`, `1 Sep 2016`), or in the ISO forms; undefined
 * for anything else, "Present" included.
 */
export function parseWrittenDate(value: unknown): ResumeDate | undefined {
  const iso = parseResumeDate(value);
  if (iso || typeof value !== 'string') return iso;
  const advice = adviseDate(value);
  return advice.kind === 'rewrite' ? parseResumeDate(advice.suggestion) : undefined;
}

/** Today as a resume date with day precision. */
export function today(date: Date): ResumeDate {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
