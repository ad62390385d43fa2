/**
 * Hostile inputs: what a malicious or merely unlucky file can do to a YAML
 * tool. Each is generated deterministically (no fixture files of many MB),
 * with what a person should see for it.
 */
import { mulberry32 } from '../fuzz/mutate';

export interface Expectation {
  /** A finding of this rule must be there… */
  ruleId?: string;
  /** …with a message like this; */
  message?: RegExp;
  /** or, instead, any finding of error severity (what it is depends on where the garbage lands). */
  anyError?: boolean;
  /** Findings of these rules must be there too: the rest of the file was checked. */
  also?: string[];
  /** No finding of these rules: a limit that must not have been hit, say. */
  none?: string[];
}

export interface HostileInput {
  name: string;
  title: string;
  make(): string;
  expect: Expectation;
  /** A JSON file (`*.resume.json`, language `json`); YAML when absent. */
  format?: 'json';
}

const SIZE_LIMIT = { ruleId: 'yaml/limits', message: /over 1,000,000 characters.*bullet rules are skipped/ };
const TOO_DEEP = { ruleId: 'yaml/limits', message: /nests more than \d+ levels/ };
const SYNTAX_ONLY = {
  ruleId: 'yaml/limits',
  message: /over the 5 MB checked in full: only the YAML syntax of its first 1,000,000 characters is checked/,
};
const TOO_LARGE = { ruleId: 'yaml/limits', message: /over the 20 MB Bulletproof reads, so it was not checked/ };
const JSON_HEAD = '{\n  "basics": {"name": "Sam Lee", "email": "sam@example.com"},\n  "work": [{"name": "Acme", "highlights": [\n';

/** A plausible resume head, so what follows is judged as part of a resume. */
export const HEAD = [
  'basics:',
  '  name: Sam Lee',
  '  email: sam@example.com',
  'work:',
  '  - name: Acme',
  '    position: Backend Engineer',
  '    startDate: 2020-01',
  '    highlights:',
];

function randomBytes(length: number, seed: number): Buffer {
  const random = mulberry32(seed);
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

function lines(count: number, line: (i: number) => string): string {
  const out: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = line(i);
  return out.join('\n') + '\n';
}

export const HOSTILE: readonly HostileInput[] = [
  {
    name: 'alias-bomb',
    title: 'an alias bomb ("billion laughs", 9 levels of 9 aliases)',
    make: () => {
      const out = ['a0: &a0 "lol"'];
      for (let level = 1; level <= 9; level++)
        out.push(`a${level}: &a${level} [${Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ')}]`);
      return `${out.join('\n')}\n`;
    },
    expect: { ruleId: 'yaml/limits', message: /[Aa]liases .*expand to far too much/ },
  },
  {
    name: 'five-megabytes',
    title: 'a 4.4 MB resume (75,000 bullets): under the full-check limit, so parsed in full',
    make: () => {
      const bullets = Math.ceil((5 * 1024 * 1024) / 70);
      return `${HEAD.join('\n')}\n${lines(bullets, (i) => `      - Cut p99 latency of service ${i % 997} by ${(i % 89) + 10}% with a cache`)}`;
    },
    expect: SIZE_LIMIT,
  },
  {
    name: 'flow-sequences-10k',
    title: 'flow sequences nested 10,000 deep',
    make: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    expect: TOO_DEEP,
  },
  {
    name: 'flow-maps-10k',
    title: 'flow maps nested 10,000 deep',
    make: () => `${'{a: '.repeat(10_000)}${'}'.repeat(10_000)}\n`,
    expect: TOO_DEEP,
  },
  {
    // Nesting by indentation costs a space per level per line: 2,000 levels is already 2 MB.
    name: 'block-maps-2k',
    title: 'block maps nested 2,000 deep by indentation',
    make: () => lines(2000, (i) => `${' '.repeat(i)}k:`),
    expect: TOO_DEEP,
  },
  {
    name: 'compact-sequences-10k',
    title: 'block sequences nested 10,000 deep on one line (`- - - … x`)',
    make: () => `${'- '.repeat(10_000)}x\n`,
    expect: TOO_DEEP,
  },
  {
    name: 'dash-lines-2k',
    title: 'block sequences nested 2,000 deep by indentation, one `-` per line',
    make: () => lines(2000, (i) => `${' '.repeat(i)}-`),
    expect: TOO_DEEP,
  },
  {
    name: 'flow-after-quote-10k',
    title: 'flow sequences nested 10,000 deep after an apostrophe in a plain scalar',
    make: () => `basics:\n  name: Rock 'n roll\n  summary: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    expect: TOO_DEEP,
  },
  {
    name: 'flow-after-anchor-10k',
    title: 'flow sequences nested 10,000 deep after an anchor (`a: &x [[[[…`)',
    make: () => `basics:\n  name: Sam Lee\na: &x ${'['.repeat(10_000)}\n`,
    expect: TOO_DEEP,
  },
  {
    name: 'flow-after-comment-header-10k',
    title: 'flow maps and lists nested 10,000 deep after a comment that looks like a block scalar header (`k: # |`)',
    make: () => `basics:\n  name: Sam Lee\nk: # |\n  ${'[{'.repeat(5_000)}\n`,
    expect: TOO_DEEP,
  },
  {
    name: 'unknown-alias',
    title: 'an alias to no anchor (`name: *nobody`), in a resume that is otherwise checked',
    make: () => `basics:\n  name: *nobody\n${HEAD.slice(2).join('\n')}\n      - Successfully cut p99 latency by 40%\n`,
    expect: {
      ruleId: 'yaml/syntax',
      message: /^`\*nobody` refers to no anchor: define `&nobody` earlier or write the value\.$/,
      also: ['filler'],
      none: ['yaml/limits'],
    },
  },
  {
    // What made `toJS()` quadratic: it searched every anchor and alias for each alias.
    name: 'anchor-alias-40k',
    title: '40,000 anchor/alias pairs in an 800 KB resume',
    make: () => {
      const pairs = Array.from({ length: 40_000 }, (_, i) => `&k${i} Go, *k${i}`).join(', ');
      return `${HEAD.join('\n')}\n      - Successfully cut p99 latency by 40%\nskills:\n  - name: Backend\n    keywords: [${pairs}]\n`;
    },
    expect: { ruleId: 'filler', none: ['yaml/limits', 'yaml/syntax'] },
  },
  {
    name: 'six-megabytes',
    title: 'a 6 MB resume: over the full-check limit, so its syntax only',
    make: () =>
      `${HEAD.join('\n')}\n${lines(Math.ceil((6 * 1024 * 1024) / 60), (i) => `      - Cut p99 latency of service ${i % 997} by ${(i % 89) + 10}% with a cache`)}`,
    expect: SYNTAX_ONLY,
  },
  {
    name: 'twenty-five-megabytes',
    title: 'a 25 MB resume: over the document limit, so not parsed',
    make: () =>
      `${HEAD.join('\n')}\n${lines(Math.ceil((25 * 1024 * 1024) / 60), (i) => `      - Cut p99 latency of service ${i % 997} by ${(i % 89) + 10}% with a cache`)}`,
    expect: TOO_LARGE,
  },
  {
    name: 'collection-keys-30',
    title: 'maps as keys of maps, 30 deep (`{{{…a…}}}`, 62 bytes)',
    make: () => `${'{'.repeat(30)}a${'}'.repeat(30)}\n`,
    expect: { ruleId: 'schema/unknown-key', message: /mapping used as a key/ },
  },
  {
    name: 'one-mebibyte-line',
    title: 'a single 1 MiB line (a quoted summary)',
    make: () => `basics:\n  name: Sam Lee\n  summary: "${'word '.repeat((1024 * 1024) / 5)}"\n`,
    expect: SIZE_LIMIT,
  },
  {
    name: 'long-bullet-under-limit',
    title: 'one 500 KB bullet: under the size limit, so every rule reads it',
    make: () => `${HEAD.join('\n')}\n      - "${'I successfully built very fast systems that scale. '.repeat(10_000)}"\n`,
    expect: { ruleId: 'first-person' },
  },
  {
    name: 'binary-utf8',
    title: '64 KB of random bytes decoded as UTF-8',
    make: () => randomBytes(64 * 1024, 0xb1a5).toString('utf8'),
    expect: { anyError: true },
  },
  {
    name: 'binary-latin1',
    title: '64 KB of random bytes decoded as Latin-1',
    make: () => randomBytes(64 * 1024, 0x1a71).toString('latin1'),
    expect: { anyError: true },
  },
  {
    name: 'nuls',
    title: 'a file of 64 K NUL characters',
    make: () => '\0'.repeat(64 * 1024),
    expect: { anyError: true },
  },
  {
    name: 'json-brackets-100k',
    title: 'JSON: lists nested 100,000 deep (`[[[[…`), never closed',
    format: 'json',
    make: () => `{"work": ${'['.repeat(100_000)}\n`,
    expect: TOO_DEEP,
  },
  {
    name: 'json-fifty-megabytes',
    title: 'JSON: a 50 MB resume, over the document limit, so not parsed',
    format: 'json',
    make: () =>
      `${JSON_HEAD}${lines(Math.ceil((50 * 1024 * 1024) / 60), (i) => `    "Cut p99 latency of service ${i % 997} by ${(i % 89) + 10}% with a cache",`)}    "Done"\n  ]}]\n}\n`,
    expect: TOO_LARGE,
  },
  {
    name: 'json-binary',
    title: 'JSON: 64 KB of random bytes after a `{`, decoded as UTF-8',
    format: 'json',
    make: () => `{${randomBytes(64 * 1024, 0x15a7).toString('utf8')}`,
    expect: { ruleId: 'json/syntax' },
  },
  {
    name: 'json-unterminated-string',
    title: 'JSON: a bullet whose string is never closed, in a resume that is otherwise checked',
    format: 'json',
    make: () => `${JSON_HEAD}    "Successfully cut p99 latency by 40%",\n    "Built the ledger service\n  ]}]\n}\n`,
    expect: {
      ruleId: 'json/syntax',
      message: /^This string is not closed: add the closing double quote\.$/,
      also: ['filler'],
      none: ['yaml/syntax'],
    },
  },
  {
    name: 'keys-100k',
    title: '100,000 keys in one map',
    make: () => lines(100_000, (i) => `key${i}: value ${i}`),
    expect: SIZE_LIMIT,
  },
  {
    name: 'sequence-200k',
    title: 'a 200,000-item sequence where a list of entries belongs',
    make: () => `work:\n${lines(200_000, (i) => `  - item ${i}`)}`,
    expect: SIZE_LIMIT,
  },
];

/** Messages that are the engine talking to itself, not to a person. */
const INTERNAL =
  /Maximum call stack|RangeError|TypeError|ReferenceError|Invalid string length|out of memory|\bat \S+ \(|\bat \S+:\d+:\d+|\bundefined\b|\[object |\bNaN\b/;

/** A message a person can act on: plain words, no internals, not a wall of text. */
export function unreadable(message: string): string | undefined {
  if (INTERNAL.test(message)) return "it shows the engine's internals";
  if (message.length > 400) return `it is ${message.length} characters long`;
  if (message.trim().length < 10) return 'it says nothing';
  return undefined;
}

/** More than this many diagnostics is a flood no one reads, and a JSON-RPC message of many MB on every keystroke. */
export const MAX_FINDINGS = 1000;
