/**
 * What counts as a metric in a bullet: the digits, number words and scale
 * phrases that measure the work or its result ("4M requests/day", "team of
 * 5", "p99", "hundreds of services", "from minutes to milliseconds"), and not
 * the digits that only name things (Python 3.12, S3, ISO 9001, 2019–2021,
 * 24/7, 3D, Q3).
 *
 * Input is prose (markup already stripped with `toProse`). The scan is
 * linear: one pass over the digits, a handful of word patterns, then a merge.
 * Rules such as `quantify` ask "is there any metric?", the hover shows
 * `describeMetrics`, so a wrong exclusion costs a false warning and a wrong
 * inclusion a missed one; the lists below lean on what real resumes contain.
 */
import { isLikelyEnglish } from './prose';
import { NAME_WORDS, PLAIN_CAPITALISED } from './metricWords';
import { measuredChanges } from './measuredChanges';

export type MetricKind =
  | 'throughput'
  | 'latency'
  | 'availability'
  | 'data-volume'
  | 'money'
  | 'percentage'
  | 'count'
  | 'duration'
  | 'multiplier'
  | 'score'
  | 'range'
  | 'magnitude'
  | 'template';

export interface Metric {
  /** The metric as written, e.g. "4M requests/day". */
  text: string;
  /** Index in the input text. */
  start: number;
  end: number;
  kind: MetricKind;
}

/**
 * Every metric in a prose text, in order, without overlaps. Never throws.
 * `english` tells a bullet's language: a lint passes its own, which remembers it.
 */
export function recognizeMetrics(text: string, english: (text: string) => boolean = isLikelyEnglish): Metric[] {
  try {
    const found: Span[] = [...templateSpans(text), ...numericSpans(text), ...wordSpans(text), ...measuredChanges(text)];
    if (!english(text)) found.push(...foreignWordSpans(text));
    found.push(...cjkSpans(text));
    return merge(found).map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
  } catch {
    // A bug in a pattern must not take a rule down; "no metric" is the quiet answer.
    return [];
  }
}

/** "4M requests/day — throughput; 99.98% — availability": for the hover. */
export function describeMetrics(found: readonly Pick<Metric, 'text' | 'kind'>[]): string {
  return found.map((metric) => `${metric.text} — ${metric.kind}`).join('; ');
}

interface Span {
  start: number;
  end: number;
  kind: MetricKind;
}

/** Sorted by start; of two overlapping spans the longer one wins. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) {
      if (span.end - span.start > last.end - last.start) out[out.length - 1] = span;
      continue;
    }
    out.push(span);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Template slots
// ---------------------------------------------------------------------------

/** Our own templates' numeric slots: `‹N›`, `‹N%›`, `‹before›`, `‹after›`. */
const METRIC_SLOT = /‹(?:N\b[^‹›\n]{0,20}|before|after|\d[^‹›\n]{0,20})›/gu;

function templateSpans(text: string): Span[] {
  return [...text.matchAll(METRIC_SLOT)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
    kind: 'template' as const,
  }));
}

// ---------------------------------------------------------------------------
// Characters and neighbouring words
// ---------------------------------------------------------------------------

/** Letters that glue to digits in names (S3, K8s, Vue3); CJK counters do not. */
const ATTACHING_LETTER = /[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF]/; // not × or ÷
const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ATTACHING_LETTER.test(ch);
}

function isAlnum(ch: string | undefined): boolean {
  return isDigit(ch) || isLetter(ch);
}

interface Neighbour {
  word: string;
  start: number;
  /** Whether the word opens a sentence or clause (so a capital says nothing). */
  initial: boolean;
}

const CLAUSE_OPENERS = '.!?;:•·|→>([{"“*–—\u2022';

/**
 * The word right before `at`, separated only by spaces (or an opening
 * parenthesis holding nothing but the number); undefined after punctuation.
 */
function wordBefore(text: string, at: number, soleInParens = false): Neighbour | undefined {
  let i = at;
  while (i > 0 && at - i < 60 && text[i - 1] === ' ') i--;
  if (i === at && i > 0 && !(soleInParens && text[i - 1] === '(')) return undefined;
  if (soleInParens && text[i - 1] === '(') {
    i--;
    while (i > 0 && at - i < 60 && text[i - 1] === ' ') i--;
  }
  let start = i;
  while (start > 0 && i - start < 60 && !/[\s,;:!?()[\]{}"“”]/.test(text.charAt(start - 1))) start--;
  if (start === i) return undefined;
  const word = text.slice(start, i).replace(/['’]s$/, '');
  let j = start;
  while (j > 0 && start - j < 60 && text[j - 1] === ' ') j--;
  const before = text.charAt(j - 1);
  const initial = j === 0 || CLAUSE_OPENERS.includes(before) || (before === '-' && text[j - 2] === ' ');
  return { word, start, initial };
}

/** The word right after `at`, after spaces only. */
function wordAfter(text: string, at: number): string {
  const match = /^ +([\p{L}][\p{L}'’-]*)/u.exec(text.slice(at, at + 40));
  return match?.[1] ?? '';
}

// ---------------------------------------------------------------------------
// Words that make a number a name, a date or an idiom
// ---------------------------------------------------------------------------

/** After these a small number is a day of the month, a bigger one a year. */
const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|januar|februar|märz|juni|juli|oktober|dezember|spring|summer|fall|autumn|winter|fy|cy|eoy|q[1-4]|h[12])\.?$/i;

/** `word-N` codes: GPT-4, AZ-900, ICD-10, COVID-19; but `sub-100ms`, `top-10` are quantities. */
const QUANTITY_PREFIXES = new Set(['sub', 'top', 'over', 'under', 'up', 'near', 'x', 'less', 'more', 'mid']);

/** `N-word` compounds that describe a design, not a measure: two-tier, 1-way, 64-bit, 3rd-party. */
const DESIGN_COMPOUNDS =
  /^(?:tier|tiered|factor|way|phase|layer|layered|touch|click|bit|party|pass|sided|dimensional|d|letter|digit|pizza|stop|off|liner|shot|core)s?\b/i;

// ---------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------

interface Unit {
  kind: MetricKind | 'magnitude-suffix' | 'ordinal';
  length: number;
}

/** Letters glued to a number that make it a measure; anything else makes it a name (3D, 5G, 2FA). */
const ATTACHED_UNITS: ReadonlyArray<[RegExp, Unit['kind']]> = [
  [/^(?:x|X)(?![A-Za-z\d])/, 'multiplier'],
  [/^(?:ms|µs|μs|us|ns)(?![A-Za-z])/, 'latency'],
  [/^(?:s|sec|secs|min|mins|h|hr|hrs|wk|wks|mo|mos|yr|yrs|y)(?![A-Za-z])/, 'duration'],
  [/^(?:[KMGTPE]i?B|[kmgtp]b|[KMGT]b|bytes?)s?(?![A-Za-z])/, 'data-volume'],
  [/^(?:rps|qps|tps|RPS|QPS|TPS|fps|FPS|[kMG]?Hz|M[hH]z|G[hH]z|[KMGkmg]bps)(?![A-Za-z])/, 'throughput'],
  [/^(?:k|K|M|MM|B|b|bn|m|mn|mil|Mil|mio|Mio|lakh|lakhs|cr|Cr)(?![A-Za-z])/, 'magnitude-suffix'],
  [/^(?:pp|bps|pts)(?![A-Za-z])/, 'percentage'],
  [/^(?:st|nd|rd|th)(?![A-Za-z])/, 'ordinal'],
  [/^(?:km|kg|kW|kWh|MW|MWh|GW|mi|lbs?|t)(?![A-Za-z])/, 'count'],
];

const SPACED_UNITS: ReadonlyArray<[RegExp, Unit['kind']]> = [
  [/^ ?(?:%|％|\\%|percent\b|per ?cent\b|pct\b|percentage points?\b)/i, 'percentage'],
  [/^ ?(?:ms|milliseconds?|µs|μs|microseconds?|ns|nanoseconds?)\b/i, 'latency'],
  [
    /^ ?(?:s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|wks?|weeks?|months?|mos|yrs?|years?|quarters?|sprints?|work ?days?|business days|weekends?|decades?|semesters?|nights?|shifts?)\b/i,
    'duration',
  ],
  [/^ ?(?:[KMGTPE]i?B|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|petabytes?|exabytes?)\b/, 'data-volume'],
  [/^ ?(?:rps|qps|tps|fps|[kMG]?Hz|[KMGkmg]bps|req\/s|ops\/s|requests per second)\b/i, 'throughput'],
  [/^ ?(?:×|x|X)(?![\p{L}\p{N}])/u, 'multiplier'],
  [/^(?: ?-| )fold\b/i, 'multiplier'],
  [/^ times(?=[.,;)]|$)/, 'multiplier'],
  [/^ times (?:faster|quicker|more|less|fewer|higher|lower|larger|bigger|smaller|cheaper|better|greater|over|as)\b/i, 'multiplier'],
  [/^ ?(?:dollars|usd|eur|euros?|gbp|pounds|inr|rupees|yen|jpy|chf|cad|aud|€|£|¥|₹|zł|sek|nok|dkk|brl|reais|pesos)(?![\p{L}])/iu, 'money'],
];

const MAGNITUDE_WORD =
  /^ ?(?:million|billion|trillion|thousand|hundred|lakhs?|crores?|mil|mn|bn|k|K|M|MM|Mio|Mrd|millones|millions|milliards?|millionen|milliarden|mille|tausend)(?![\p{L}])/iu;

const CURRENCY_BEFORE = /(?:US\$|A\$|C\$|R\$|HK\$|S\$|NZ\$|\$|€|£|¥|₹|₩|₽|₺|₦|₱)\s?$/;
const CURRENCY_CODES = new Set(['usd', 'eur', 'gbp', 'inr', 'rs', 'rs.', 'chf', 'cad', 'aud', 'jpy', 'sgd', 'brl', 'mxn']);

/** Before/after the rate's denominator: "4M requests/day", "20,000 tickets per week", "30k QPS". */
const RATE =
  /^((?: [\p{L}][\p{L}-]*){0,3}?)(?: ?\/ ?(?:s|sec|second|min|minute|h|hr|hour|d|day|wk|week|mo|month|yr|year)\b| per (?:second|sec|minute|min|hour|day|week|month|year|night)\b| an? (?:second|minute|hour|day|week|month)\b| ?(?:qps|rps|tps)\b)/iu;

const RATE_FILLER = /\b(?:and|or|to|in|by|for|with|from|of|the|was|were|across|at|on|into)\b/i;

/** Counted things after a four-digit number that would otherwise read as a year. */
const NOT_PLURAL_NOUN = new Set(['this', 'was', 'has', 'is', 'its', 'as', 'plus', 'across', 'us', 'thus', 'towards', 'yes']);

// ---------------------------------------------------------------------------
// Numbers written with digits
// ---------------------------------------------------------------------------

interface ScanState {
  /** End of the last number found to be a name or a date: "Java 8 to 17", "Phase 1 and 2". */
  lastNameEnd: number;
  /** Whitespace-delimited chunks that look like URLs, domains or e-mail addresses, in order. */
  urls: Array<[number, number]>;
  /** The first of `urls` that may still hold a number (numbers are read in order). */
  urlIndex: number;
}

const URL_LIKE = /:\/\/|www\.|[\w-]\.(?:com|org|net|io|dev|ai|co|app|edu|gov|me|ly|gg|uk|de|fr)\b|@[\w-]+\./i;

/** One pass over the chunks between spaces: linear however long the text. */
function urlRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(/\S+/g)) {
    if (URL_LIKE.test(match[0])) ranges.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  return ranges;
}

function numericSpans(text: string): Span[] {
  const spans: Span[] = [];
  const state: ScanState = { lastNameEnd: -10, urls: urlRanges(text), urlIndex: 0 };
  const token = /\d+(?:[.,]\d+)*/g;
  let match: RegExpExecArray | null;
  while ((match = token.exec(text))) {
    const result = readNumber(text, match.index, match.index + match[0].length, state);
    if (result.span) spans.push(result.span);
    else state.lastNameEnd = result.end;
    token.lastIndex = Math.max(token.lastIndex, result.end);
  }
  return spans;
}

interface Reading {
  /** Where scanning resumes. */
  end: number;
  /** The metric, or undefined when the number is a name, a date or an idiom. */
  span?: Span;
}

/** Skips a name-like run ("61131-3", "2019–2021", "24/7/365") so its parts are not read again. */
function skipRun(text: string, from: number): Reading {
  // Linear overall: the scan resumes where this run ends.
  let end = from;
  while (end < text.length && /[\p{L}\p{N}._\-–/+:&']/u.test(text.charAt(end)) && !CJK.test(text.charAt(end))) end++;
  return { end };
}

function readNumber(text: string, start: number, tokenEnd: number, state: ScanState): Reading {
  const digits = text.slice(start, tokenEnd);
  const prefix = prefixVerdict(text, start, digits, state);
  if (prefix === 'name') return skipRun(text, tokenEnd);
  if (prefix === 'latency' || prefix === 'multiplier') {
    return { end: tokenEnd, span: { start: start - 1, end: tokenEnd, kind: prefix } };
  }
  if (isVersionLike(digits)) return skipRun(text, tokenEnd);

  let end = tokenEnd;
  if (text[end] === '+') end++;
  if (/^\.[xX](?![\p{L}\p{N}])/u.test(text.slice(end, end + 3))) return skipRun(text, end);

  const between = betweenNumbers(text, start, end, digits);
  if (between === 'name') return skipRun(text, end);
  if (between) {
    if (prefix !== 'money' && contextMakesName(text, start, between.end, digits, state)) return skipRun(text, end);
    return { end: between.end, span: { start: spanStart(text, start), end: between.end, kind: between.kind } };
  }

  const unit = unitAfter(text, end, digits);
  if (unit === 'name') return skipRun(text, end);
  let kind: MetricKind = 'count';
  // A bare number (no unit, no currency) is the one a neighbouring word can turn into a name.
  let bare = true;
  if (unit) {
    bare = false;
    end += unit.length;
    if (unit.kind === 'ordinal') {
      return ordinalIsRank(text, start, end) ? { end, span: { start, end: rankEnd(text, end), kind: 'score' } } : skipRun(text, start);
    }
    if (unit.kind === 'magnitude-suffix') {
      kind = 'count';
      const more = unitAfter(text, end, digits);
      if (more && more !== 'name' && more.kind !== 'magnitude-suffix' && more.kind !== 'ordinal') {
        end += more.length;
        kind = more.kind;
      }
    } else {
      kind = unit.kind;
    }
  }

  const rangeEnd = rangeAfter(text, end, digits);
  if (rangeEnd === 'date') return skipRun(text, end);
  if (rangeEnd) {
    const second = unitAfter(text, rangeEnd.end, rangeEnd.digits);
    end = rangeEnd.end;
    if (second && second !== 'name' && second.kind !== 'ordinal' && second.kind !== 'magnitude-suffix') {
      end += second.length;
      kind = second.kind;
    } else {
      if (second && second !== 'name') end += second.length;
      kind = kind === 'count' ? 'range' : kind;
    }
  }

  const currency = prefix === 'money';
  if (currency) kind = 'money';
  if (!currency && (kind === 'count' || kind === 'range')) {
    if (bare && contextMakesName(text, start, end, digits, state)) return skipRun(text, end);
  }
  if (kind === 'count' && isGrade(text, start, end)) kind = 'score';
  if (kind === 'count' || kind === 'range') {
    const rate = RATE.exec(text.slice(end, end + 60));
    if (rate && !RATE_FILLER.test(rate[1] ?? '')) {
      end += rate[0].length;
      kind = 'throughput';
    }
  }
  if (kind === 'percentage' && isAvailability(text, start, end, digits)) kind = 'availability';
  return { end, span: { start: currency ? currencyStart(text, start) : spanStart(text, start), end, kind } };
}

/** Includes a leading `~`, `+`, `<`, `>` in the span. */
function spanStart(text: string, start: number): number {
  return /[~≈+<>≤≥]/.test(text[start - 1] ?? '') ? start - 1 : start;
}

function currencyStart(text: string, start: number): number {
  const match = CURRENCY_BEFORE.exec(text.slice(Math.max(0, start - 4), start));
  if (match) return start - match[0].length;
  const before = wordBefore(text, start);
  return before ? before.start : start;
}

type PrefixVerdict = 'name' | 'latency' | 'multiplier' | 'money' | 'none';

/** What the characters glued before the number say: S3, p99, x10, $5, GPT-4, '19. */
function prefixVerdict(text: string, start: number, digits: string, state: ScanState): PrefixVerdict {
  const prev = text[start - 1];
  const prev2 = text[start - 2];
  if (isLetter(prev)) {
    if ((prev === 'p' || prev === 'P') && !isLetter(prev2) && /^(?:50|75|90|95|99|99\.9+|999)$/.test(digits)) return 'latency';
    if ((prev === 'x' || prev === 'X') && !isAlnum(prev2) && !/^(?:32|64|86)$/.test(digits) && !isAlnum(text[start + digits.length])) {
      return 'multiplier';
    }
    return 'name';
  }
  if (prev === '双') return 'name'; // 双11, Singles' Day
  if (prev === '×' && !isAlnum(text[start + digits.length])) return 'multiplier';
  if (CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 4), start))) return 'money';
  const before = wordBefore(text, start);
  if (before && CURRENCY_CODES.has(before.word.toLowerCase())) return 'money';
  if (prev === '-' || prev === '/' || prev === '.' || prev === ':' || prev === '–' || prev === '&') {
    if (state.lastNameEnd >= start - 2) return 'name';
    if (isLetter(prev2)) {
      const word = /[\p{L}]+$/u.exec(text.slice(Math.max(0, start - 20), start - 1))?.[0].toLowerCase() ?? '';
      return prev === '-' && QUANTITY_PREFIXES.has(word) ? 'none' : 'name';
    }
  }
  if ((prev === "'" || prev === '’') && !isAlnum(prev2) && /^\d\d$/.test(digits)) return 'name';
  if (prev === '#' || prev === '@' || prev === '_') return 'name';
  if (insideUrl(state, start)) return 'name';
  return 'none';
}

/** Numbers are read in order, so the URL ranges before them are passed over once. */
function insideUrl(state: ScanState, at: number): boolean {
  let next = state.urls[state.urlIndex];
  while (next !== undefined && next[1] <= at) next = state.urls[++state.urlIndex];
  return next !== undefined && next[0] <= at;
}

/** 1.5.1, 10.0.0.1 and 12.2019 are versions, addresses and dates; 1.000.000 is a European million. */
function isVersionLike(digits: string): boolean {
  const groups = digits.split('.');
  if (groups.length >= 3) return !groups.slice(1).every((group) => /^\d{3}$/.test(group.replace(/,/g, '')));
  return /^(?:0?[1-9]|1[0-2])\.(?:19|20)\d\d$/.test(digits) || /^(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])$/.test(digits);
}

/** `N/M` (score, 24/7, a date), `N:M` (1:1, 16:9, 10:30) and `NxM` (1920x1080). */
function betweenNumbers(text: string, start: number, end: number, digits: string): 'name' | { end: number; kind: MetricKind } | undefined {
  const rest = text.slice(end, end + 24);
  if (/^:\d/.test(rest)) return 'name';
  if (/^[x×]\d/.test(rest)) return 'name';
  const slash = /^\/(\d+(?:\.\d+)?)(\/\d+)?/.exec(rest);
  if (!slash) return undefined;
  const [whole, over = '', twice] = slash;
  if (digits === '24' && /^7\b/.test(over)) return 'name';
  if (twice || /^(?:19|20)\d\d$/.test(over)) return 'name';
  if (!isDigit(text[start - 1]) && parseFloat(digits) <= parseFloat(over)) return { end: end + whole.length, kind: 'score' };
  return undefined;
}

/** The unit right after a number, if any; 'name' when glued letters make it a name. */
function unitAfter(text: string, at: number, digits: string): Unit | 'name' | undefined {
  const rest = text.slice(at, at + 40);
  const first = rest[0];
  if (isLetter(first)) {
    if (/^s\b/.test(rest) && /^(?:19|20)\d0$/.test(digits)) return 'name';
    if (/^s of\b/.test(rest)) return { kind: 'magnitude-suffix', length: 1 };
    for (const [pattern, kind] of ATTACHED_UNITS) {
      const match = pattern.exec(rest);
      if (match) return { kind, length: match[0].length };
    }
    return 'name';
  }
  if (first !== undefined && CJK.test(first)) return cjkUnit(rest);
  for (const [pattern, kind] of SPACED_UNITS) {
    const match = pattern.exec(rest);
    if (match) return { kind, length: match[0].length };
  }
  const magnitude = MAGNITUDE_WORD.exec(rest);
  if (magnitude) return { kind: 'magnitude-suffix', length: magnitude[0].length };
  return undefined;
}

/** CJK counters after digits: 3套 (3 sets), 100倍 (100x), 3개월 (3 months); 3维 (3D), 9号 (No. 9), 1차 (round 1) are names. */
function cjkUnit(rest: string): Unit | 'name' {
  if (/^(?:维|維|号|號|차|요인|代|期|楼|層|层|급)/u.test(rest)) return 'name';
  if (/^倍/u.test(rest)) return { kind: 'multiplier', length: 1 };
  const duration = /^(?:个月|個月|개월|년|주|일|시간|分钟|小时|秒|年|月|周|天|日|週)/u.exec(rest);
  if (duration) return { kind: 'duration', length: duration[0].length };
  return { kind: 'count', length: 0 };
}

/** "1st place", "won 2nd", "6th largest": a rank. "3rd party", "(2nd-4th)" are not. */
function ordinalIsRank(text: string, start: number, end: number): boolean {
  if (
    /^[- ](?:place|prize|position|rank|runner|overall|largest|biggest|best|fastest|highest|most|top)\b/i.test(text.slice(end, end + 16))
  ) {
    return true;
  }
  const before = wordBefore(text, start);
  return !!before && /^(?:won|placed|finished|ranked|took|awarded|achieved|secured|earned|came|winning|placing)$/i.test(before.word);
}

function rankEnd(text: string, end: number): number {
  const match = /^[- ](?:place|prize|position|overall)\b/i.exec(text.slice(end, end + 12));
  return match ? end + match[0].length : end;
}

/** A second number joined by a dash or "to": 8–12, 20-50%, 1-3s. Years joined that way are a date range. */
function rangeAfter(text: string, at: number, digits: string): { end: number; digits: string } | 'date' | undefined {
  const match = /^ ?(?:--|-|–|—|‑|to) ?([$€£¥₹]?)(\d+(?:[.,]\d+)?)(\+?)/.exec(text.slice(at, at + 24));
  if (!match) return undefined;
  const [whole, , second = ''] = match;
  const next = text.charAt(at + whole.length);
  if (/^(?:19|20)\d\d$/.test(digits) && /^(?:(?:19|20)\d\d|\d\d)$/.test(second)) return 'date';
  if (isLetter(next) && !/^[kKmMbBxsh%]/.test(next)) return undefined;
  return { end: at + match[0].length, digits: second };
}

/**
 * Whether a bare number is a name, a version or a date by what stands around
 * it: "Java 17", "ISO 9001", "in 2019", "September 2018", "Phase 1 and 2".
 */
function contextMakesName(text: string, start: number, end: number, digits: string, state: ScanState): boolean {
  if (/^(?:19[5-9]\d|20[0-4]\d)$/.test(digits) && !text.slice(start, end).includes('+') && looksLikeYear(text, start, end)) {
    return true;
  }
  if (
    digits === '0' &&
    !/^ ?(?:downtime|incidents?|outages?|defects?|bugs?|errors?|regressions?|failures?|vulnerabilit)/i.test(text.slice(end, end + 16))
  ) {
    return true;
  }
  if (/^(?:90|180|360)$/.test(digits) && /^(?:-| )?(?:degrees?|°)/i.test(text.slice(end, end + 9))) return true;
  if (/^ CFR\b/.test(text.slice(end, end + 5))) return true;
  if (text[end] === '-' && DESIGN_COMPOUNDS.test(text.slice(end + 1, end + 14))) return true;
  if (MONTHS.test(wordAfter(text, end)) && Number(digits) <= 31 && /^ (?!may\b)/i.test(text.slice(end, end + 2))) return true;
  const gap = start - state.lastNameEnd;
  if (state.lastNameEnd >= 0 && gap <= 12 && /^\s*(?:and|or|&|,|\/|to|-|–|through)\s*$/i.test(text.slice(state.lastNameEnd, start))) {
    return true;
  }
  const before = wordBefore(text, start, text[end] === ')');
  if (!before) return false;
  return wordNamesNumber(before, digits);
}

function looksLikeYear(text: string, start: number, end: number): boolean {
  if (/^,\d/.test(text.slice(start + 1, start + 3))) return false;
  const before = wordBefore(text, start);
  if (before && /^(?:over|than|about|around|nearly|almost|approximately|~|top)$/i.test(before.word)) return false;
  if (/[~≈<>]/.test(text[start - 1] ?? '')) return false;
  const next = wordAfter(text, end);
  const plural = /^[a-z][a-z-]{2,}s$/.test(next) && !NOT_PLURAL_NOUN.has(next);
  return !(plural || /^(?:people|staff|employees|users|customers|children|persons)$/i.test(next));
}

/** The word before a bare number names it: Java 17, iOS 16, ISO 9001, Fortune 500, Phase 3, Sept 2018. */
function wordNamesNumber(before: Neighbour, digits: string): boolean {
  const word = before.word;
  const lower = word.toLowerCase();
  if (MONTHS.test(word) && (Number(digits) <= 31 || /^(?:19|20)\d\d$/.test(digits)))
    return !/^may$/i.test(word) || /^(?:19|20)\d\d$/.test(digits);
  if (NAME_WORDS.has(lower)) return true;
  if (PLAIN_CAPITALISED.has(lower)) return false;
  if (!/\p{Lu}|^\.|\d|[#+&]/u.test(word)) return false;
  const titleCase = /^\p{Lu}[\p{Ll}'’-]*$/u.test(word);
  // A capitalised word opening a clause is usually a verb ("Led 5 engineers");
  // an acronym or a mixed-case word (AWS, iOS, GitHub, .NET) is a name anywhere.
  return !(titleCase && before.initial);
}

/** "3.9 GPA", "GPA: 3.96". */
function isGrade(text: string, start: number, end: number): boolean {
  return (
    /^ ?(?:GPA|CGPA)\b/.test(text.slice(end, end + 6)) || /\b(?:GPA|CGPA)\b:? ?(?:of )?$/.test(text.slice(Math.max(0, start - 12), start))
  );
}

function isAvailability(text: string, start: number, end: number, digits: string): boolean {
  const value = parseFloat(digits.replace(/,/g, '.'));
  if (value >= 99 && value < 100 && digits.includes('.')) return true;
  const around = text.slice(Math.max(0, start - 40), Math.min(text.length, end + 40));
  return value >= 90 && value < 100 && /\b(?:uptime|availability|available|SLA|SLO)\b/i.test(around);
}

// ---------------------------------------------------------------------------
// Number words and scale phrases (English)
// ---------------------------------------------------------------------------

const UNITS_WORD =
  'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS_WORD = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const NUMBER_WORD = new RegExp(
  `\\b(?:(?:${TENS_WORD})(?:[- ](?:one|${UNITS_WORD}))?|${UNITS_WORD}|(?:a|one|half a) dozen|dozen|(?:a|one) (?:hundred|thousand|million|billion))` +
    `(?: (?:hundred|thousand|million|billion)(?: thousand)?)?\\b`,
  'gi',
);

const WORD_PATTERNS: ReadonlyArray<[RegExp, MetricKind]> = [
  [/\b(?:tens|hundreds|thousands|millions|billions|dozens|scores)\s+of(?:\s+(?:thousands|millions|billions))?\s+times\b/gi, 'multiplier'],
  [/\b(?:tens|hundreds|thousands|millions|billions|dozens)\s+of(?:\s+(?:thousands|millions|billions))?\b/gi, 'magnitude'],
  [/\b(?:a few|several|a couple of|few|many) (?:hundred|thousand|million|billion)s?\b/gi, 'magnitude'],
  [/\b(?:hundreds|thousands|millions|billions)\b/gi, 'magnitude'],
  [/\b(?:multi|multiple)[- ]?(?:million|billion)\b|\b(?:six|seven|eight|nine)[- ]figures?\b/gi, 'money'],
  [
    /\b(?:doubled|doubling|tripled|tripling|trebled|quadrupled|halved|halving|twice|(?:two|three|four|five|ten|hundred)-?fold)\b/gi,
    'multiplier',
  ],
  [/\b(?:in|by) half\b|\bhalf (?:the|as)\b|\borders? of magnitude\b/gi, 'multiplier'],
  [/\b(?:two|three|four|five|six|[2-6]) nines\b|\b[2-6] ?9s\b/gi, 'availability'],
  [/\bzero[- ](?:downtime|data loss|outages?)\b/gi, 'availability'],
  [
    /\bzero (?:incidents?|defects?|bugs?|errors?|regressions?|failures?|vulnerabilit(?:y|ies)|breaches|escalations|rollbacks|sev-?[12]s?|p[01]s?)\b/gi,
    'count',
  ],
  [/\bsub-?(?:second|millisecond|minute)\b|\bsingle-digit (?:ms|milliseconds?|seconds?)\b/gi, 'latency'],
  [
    /\b(?:(?:first|second|third|fourth|fifth)[- ](?:place|prize|position|runner[- ]up)|(?:placed|finished|ranked|came|took|won) (?:first|second|third|fourth|fifth)|runners?[- ]up|top (?:half|third|quarter|decile))\b/gi,
    'score',
  ],
  // "from minutes to milliseconds", "hours of manual work to seconds"
  [
    /\b(?:(?:milli|micro|nano)?seconds|minutes|hours|days|weeks|months|years)\b[^.;:!?]{0,40}?\bto (?:(?:mere|just|a few|under a|single-digit|sub-) ?)?(?:(?:milli|micro|nano)?seconds?|minutes?|hours?|days?|weeks?|ms)\b/gi,
    'duration',
  ],
  [
    /\b(?:by|in|within|under|over|than|to|from|after|about|around|nearly|almost|only|just)(?: (?:just|only|mere|less than|under|about|nearly|over))? (?:an?|one|half an?) (?:hour|day|week|month|year|minute|second|sprint|quarter)\b/g,
    'duration',
  ],
  [/\b(?:by|in) (?:(?:mere|just|a few|under|only) )?(?:minutes|hours|days|weeks|seconds|milliseconds)\b/g, 'duration'],
  [
    /\b(?:sav(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|free(?:s|d|ing)?|eliminat(?:e|es|ed|ing))\b(?: [\p{L}-]+){0,2}? (?:hours|days|weeks|months) of\b/giu,
    'duration',
  ],
  [/\b(?:GBs|TBs|PBs|(?:giga|tera|peta|exa)bytes)\b/g, 'data-volume'],
  [/\bone (?:hundred|thousand|million|billion)\b|\bone(?:[- ])(?:hour|day|week|month|year|sprint|quarter)s?\b(?!-)/g, 'count'],
];

function wordSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const [pattern, kind] of WORD_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      spans.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length, kind });
    }
  }
  for (const match of text.matchAll(NUMBER_WORD)) {
    const start = match.index ?? 0;
    const span = numberWordSpan(text, start, start + match[0].length);
    if (span) spans.push(span);
  }
  return spans;
}

/** "five engineers", "three months": a count or a duration; "two-tier", "Twelve-Factor", "Big Four" are names. */
function numberWordSpan(text: string, start: number, end: number): Span | undefined {
  const after = text.slice(end, end + 16);
  if (after[0] === '-' && DESIGN_COMPOUNDS.test(after.slice(1))) return undefined;
  if (/^-?fold\b/i.test(after)) return undefined; // the multiplier pattern has it
  if (/^\p{Lu}/u.test(text.charAt(start))) {
    const before = wordBefore(text, start);
    if (before && !before.initial) return undefined;
    if (after[0] === '-' && /^-\p{Lu}/u.test(after)) return undefined;
  }
  const unit = SPACED_UNITS.find(([pattern]) => pattern.exec(text.slice(end, end + 30)));
  if (unit && (unit[1] === 'duration' || unit[1] === 'latency' || unit[1] === 'percentage' || unit[1] === 'multiplier')) {
    const length = unit[0].exec(text.slice(end, end + 30))?.[0].length ?? 0;
    return { start, end: end + length, kind: unit[1] };
  }
  return { start, end, kind: 'count' };
}

// ---------------------------------------------------------------------------
// Other languages
// ---------------------------------------------------------------------------

/** French, Spanish, German and Portuguese number words; only read in bullets that are not English. */
const FOREIGN_NUMBER_WORD =
  /(?<![\p{L}\p{N}])(?:deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|cent|mille|milliers|centaines|dizaines|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|cientos|miles|millones|decenas|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf|zwanzig|dreißig|hundert|tausend|tausende|hunderte|dutzende|millionen|milliarden|dois|duas|três|milhares|milhões|centenas|millions?|milliards?)(?![\p{L}\p{N}])/giu;

function foreignWordSpans(text: string): Span[] {
  return [...text.matchAll(FOREIGN_NUMBER_WORD)].map((match) => {
    const start = match.index ?? 0;
    const word = match[0].toLowerCase();
    const magnitude =
      /^(?:milliers|centaines|dizaines|cientos|miles|millones|decenas|tausende|hunderte|dutzende|millionen|milliarden|milhares|milhões|centenas|millions?|milliards?)$/.test(
        word,
      );
    return { start, end: start + match[0].length, kind: magnitude ? ('magnitude' as const) : ('count' as const) };
  });
}

/** Chinese, Japanese and Korean numerals and scale words: 两版, 三套, 数百万, 수천. */
const CJK_NUMERAL =
  /(?:[两二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)(?=个|套|版|人|名|倍|项|家|台|条|款|场|届|位|年|个月|周|天|次)|(?:数|幾|几|上|수|몇)(?:十万|百万|千万|十|百|千|万|萬|億|亿|십|백|천|만|억)|(?:百万|千万|億|亿)(?:级|級|用户|ユーザー|件|条)/gu;

function cjkSpans(text: string): Span[] {
  return [...text.matchAll(CJK_NUMERAL)].map((match) => ({
    start: match.index ?? 0,
    end: (match.index ?? 0) + match[0].length,
    kind: /^(?:数|幾|几|上|수|몇|百万|千万|億|亿)/u.test(match[0]) ? ('magnitude' as const) : ('count' as const),
  }));
}
