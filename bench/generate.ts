/**
 * Deterministic resumes of a given size for the benchmark: realistic
 * entries with strong and weak bullets, a few schema errors, and a bullet
 * near the end for the typing test.
 */

import { parse } from 'yaml';
import { convertResume } from '../server/src/engine/convert/convert';

const COMPANIES = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka', 'Tyrell', 'Cyberdyne'];
const BULLETS = [
  'Designed a payments API handling 4M requests/day at 99.98% availability',
  'Responsible for the billing service',
  'Improved the API',
  'Cut p99 checkout latency from 850 ms to 210 ms with covering indexes',
  'Helped migrate the database to PostgreSQL',
  'Migrated settlement from batch jobs to an event-driven service on Kafka',
  'I worked on various microservices with the team',
  'Added tracing and SLO alerts across 14 services',
  'Reduced API latency to 120 ms',
  'Made payment capture idempotent with request keys, ending 1,200 duplicate charges a month',
];

/** A resume of about `lines` lines; the same input always gives the same text. */
export function generateResume(lines: number): string {
  const out = [
    'basics:',
    '  name: Bench Mark',
    '  label: Backend Engineer',
    '  email: bench@example.com',
    '  summary: Backend engineer building payment systems in Go and Java.',
    'work:',
  ];
  let entry = 0;
  // Leave room for the closing sections.
  while (out.length < lines - 12) {
    const company = COMPANIES[entry % COMPANIES.length];
    out.push(`  - name: ${company} ${entry}`);
    out.push('    position: Backend Engineer');
    // Every seventh entry carries schema errors: a bad date and a typo'd key.
    out.push(entry % 7 === 3 ? '    startDate: September 2018' : `    startDate: ${2000 + (entry % 20)}-0${1 + (entry % 9)}`);
    if (entry % 7 === 3) out.push('    compnay: typo');
    out.push('    highlights:');
    for (let i = 0; i < 5; i++) out.push(`      - ${BULLETS[(entry * 5 + i) % BULLETS.length]}`);
    entry++;
  }
  out.push(
    'skills:',
    '  - name: Languages',
    '    keywords: [Go, Java, SQL]',
    '  - name: Data',
    '    keywords: [PostgreSQL, Redis]',
    'projects:',
    '  - name: ledger-lite',
    '    highlights:',
    '      - Wrote a double-entry ledger that reconciles 1M transactions in 9 seconds',
    // The typing target: the benchmark types at the end of this bullet.
    '      - Built the reporting service',
  );
  return `${out.join('\n')}\n`;
}

/** The same resume written as JSON (two-space indentation). */
export function generateJsonResume(lines: number): string {
  return `${JSON.stringify(parse(generateResume(lines)), null, 2)}\n`;
}

/**
 * The same resume as a RenderCV input file, written by the engine's
 * converter: the same bullets in the same order, so the same rules run on
 * them. Its line count differs (RenderCV nests under `cv.sections`, and each
 * entry gets an `end_date`), and the converter writes the bad date as
 * RenderCV does; the typo'd key stays.
 */
export function generateRenderCv(lines: number): string {
  const converted = convertResume(generateResume(lines), 'rendercv');
  if (!converted.ok) throw new Error(`the bench resume does not convert to RenderCV: ${converted.message}`);
  return converted.text;
}

/** Where the typing starts: the end of the last bullet. */
export function typingOffset(text: string): number {
  return text.lastIndexOf('Built the reporting service') + 'Built the reporting service'.length;
}

export interface HostileScenario {
  name: string;
  text: string;
  /** Where to type; the end of the last bullet unless given. */
  typeAt?: number;
}

/**
 * Documents far outside what a resume is, for `npm run bench -- --hostile`:
 * 40,000 anchor/alias pairs (typed into a bullet, then among the aliases),
 * and files over the full-check and document limits.
 */
export function hostileScenarios(): HostileScenario[] {
  const head = generateResume(200);
  const pairs = `${head}pairs:\n${Array.from({ length: 40_000 }, (_, i) => `- &a${i} v\n- *a${i}\n`).join('')}`;
  const oneLine = `${head}pairs: [${Array.from({ length: 40_000 }, (_, i) => `&a${i} v, *a${i}`).join(', ')}]\n`;
  const afterLastAnchor = (text: string) => text.indexOf('&a39999 v') + '&a39999 v'.length;
  const sample = generateResume(1000);
  const charsPerLine = sample.length / sample.split('\n').length;
  const sized = (megabytes: number) => {
    const text = generateResume(Math.ceil((megabytes * 1024 * 1024) / charsPerLine));
    return { name: `${megabytes} MB (${text.length.toLocaleString('en-US')} characters)`, text };
  };
  return [
    { name: `40,000 anchor/alias pairs (${pairs.length.toLocaleString('en-US')} characters), typing in a bullet`, text: pairs },
    { name: '40,000 anchor/alias pairs, typing in an anchored value', text: pairs, typeAt: afterLastAnchor(pairs) },
    { name: 'the same on one line, typing in an anchored value', text: oneLine, typeAt: afterLastAnchor(oneLine) },
    sized(4),
    sized(6),
    sized(25),
    sized(50),
  ];
}

/**
 * Where completion is asked: at the start of the `position` key of the last
 * work entry (inside its quotes in JSON), where the other keys of an entry
 * are offered, in any of the three writings.
 */
export function completionOffset(text: string): number {
  let found: RegExpExecArray | undefined;
  for (const match of text.matchAll(/^ *"?position"?:/gm)) found = match;
  if (!found) throw new Error('the bench resume has no `position` key');
  return found.index + found[0].indexOf('position');
}
