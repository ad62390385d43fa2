/**
 * A seeded, reproducible mutation fuzzer for resume YAML. Each case is a
 * function of `(seed, index)` alone: its own PRNG stream picks a seed text
 * (a real resume from the corpus, or an example) and applies 1–5 mutations,
 * so any single case can be replayed without running the ones before it.
 *
 * The mutations are the things people really paste or editors really do:
 * lines deleted, duplicated or swapped; YAML indicators (`:`, `-`, `[`, `{`,
 * quotes, tabs, anchors and aliases, runs of them) where they do not belong; NUL, lone
 * surrogates and broken UTF-8; CRLF, a BOM, emoji, combining marks and CJK
 * text; a file cut off mid-way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to pick mutations, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix of the run's seed and the case index, so each case has its own independent stream. */
export function caseSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Small helpers over a PRNG. */
export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    let skip = Math.floor(this.next() * items.length);
    for (const item of items) if (skip-- === 0) return item;
    throw new Error('pick from an empty list');
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

export interface SeedText {
  /** Where it came from, relative to the repository root, for failure messages. */
  name: string;
  text: string;
}

/** The repository root: `out/test/fuzz/*.js` and `test/fuzz/*.ts` both sit three or two levels below a `package.json`. */
export function repoRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'server'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

/** `$BULLETPROOF_CORPUS`, else `../shared/corpus/resumes` beside the repository. */
export function corpusDir(root = repoRoot()): string {
  return path.resolve(root, process.env.BULLETPROOF_CORPUS ?? '../shared/corpus/resumes');
}

function filesIn(dir: string, accept: (name: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && accept(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/**
 * The texts the fuzzer starts from, in a stable order: every file of the
 * corpus plus the examples; without a corpus, the examples and the test
 * fixtures. The order (and so every case) depends only on which files exist.
 */
export function loadSeedTexts(root = repoRoot()): { texts: SeedText[]; corpus: string | undefined } {
  const corpus = corpusDir(root);
  const hasCorpus = fs.existsSync(corpus) && filesIn(corpus, () => true).length > 0;
  const examples = filesIn(path.join(root, 'examples'), (name) => /\.(?:ya?ml|json)$/.test(name));
  const files = hasCorpus
    ? [...filesIn(corpus, () => true), ...examples]
    : [...examples, ...filesIn(path.join(root, 'test', 'fixtures'), () => true)];
  const texts = files.map((file) => ({
    name: path.relative(root, file).split(path.sep).join('/'),
    // Decoded leniently: a corpus file with a broken byte is one more input, not an error.
    text: fs.readFileSync(file).toString('utf8'),
  }));
  if (texts.length === 0) throw new Error(`no seed texts: neither ${corpus} nor ${path.join(root, 'examples')} holds any`);
  return { texts, corpus: hasCorpus ? corpus : undefined };
}

export interface FuzzCase {
  seed: number;
  index: number;
  /** The seed text's name. */
  source: string;
  /** What was done, in order, for the failure message. */
  mutations: string[];
  text: string;
}

type Mutation = (text: string, random: Random) => { text: string; note: string };

const EMOJI = ['🚀', '👩‍💻', '🇫🇷', '1️⃣', '😀', '🏳️‍🌈'];
const COMBINING = ['e\u0301', '\u0301', '\u0308\u0323', 'Z\u0351\u0324\u0308', 'n\u0303'];
const CJK = ['工程师', '日本語テキスト', '𠜎𠝹', '한국어', '：', '、', '株式会社'];
/** Byte sequences that are not UTF-8, as an editor would decode them: replacement characters, or Latin-1. */
const BAD_BYTES = [[0xc3, 0x28], [0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x80, 0x80]];
const INDICATORS = [
  ':',
  ': ',
  '-',
  '- ',
  '[',
  ']',
  '{',
  '}',
  '\t',
  '"',
  "'",
  '`',
  '#',
  '|',
  '>',
  '? ',
  ',',
  '!',
  '%',
  '@',
  '*',
  '&',
  '---\n',
  '...\n',
];

function position(text: string, random: Random): number {
  // Half the time at the start of a line's content, where YAML structure lives.
  if (text.length > 0 && random.chance(0.5)) {
    const lines = lineStarts(text);
    const start = random.pick(lines);
    const indent = /^[ \t-]*/.exec(text.slice(start, start + 200))?.[0].length ?? 0;
    return Math.min(text.length, start + (random.chance(0.5) ? indent : 0));
  }
  return random.int(0, text.length);
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function insertAt(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

function show(insert: string): string {
  return JSON.stringify(insert).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function inserting(pickInsert: (random: Random) => string, label: string): Mutation {
  return (text, random) => {
    const insert = pickInsert(random);
    const at = position(text, random);
    return { text: insertAt(text, at, insert), note: `insert ${label} ${show(insert)} at ${at}` };
  };
}

/** Splits keeping each line's own ending, so CRLF files stay CRLF. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const MUTATIONS: Record<string, Mutation> = {
  deleteLine(text, random) {
    const lines = splitLines(text);
    if (lines.length === 0) return { text, note: 'delete line (none)' };
    const i = random.int(0, lines.length - 1);
    lines.splice(i, 1);
    return { text: lines.join(''), note: `delete line ${i + 1}` };
  },
  duplicateLine(text, random) {
    const lines = splitLines(text);
    if (lines.length === 0) return { text, note: 'duplicate line (none)' };
    const i = random.int(0, lines.length - 1);
    const to = random.chance(0.5) ? i : random.int(0, lines.length - 1);
    const original = lines[i] ?? '';
    const line = original.endsWith('\n') ? original : `${original}\n`;
    lines.splice(to, 0, line);
    return { text: lines.join(''), note: `duplicate line ${i + 1} before line ${to + 1}` };
  },
  swapLines(text, random) {
    const lines = splitLines(text);
    if (lines.length < 2) return { text, note: 'swap lines (too few)' };
    const a = random.int(0, lines.length - 1);
    const b = random.int(0, lines.length - 1);
    const withBreak = (line: string) => (line.endsWith('\n') ? line : `${line}\n`);
    [lines[a], lines[b]] = [withBreak(lines[b] ?? ''), withBreak(lines[a] ?? '')];
    return { text: lines.join(''), note: `swap lines ${a + 1} and ${b + 1}` };
  },
  indicator: inserting((random) => random.pick(INDICATORS), 'indicator'),
  tab: inserting((random) => '\t'.repeat(random.int(1, 3)), 'tab'),
  quote: inserting((random) => random.pick(['"', "'", '"\\', "''", '\\"']), 'quote'),
  anchorAndAlias(text, random) {
    const name = random.pick(['a', 'x', 'a1']);
    const anchorAt = position(text, random);
    let out = insertAt(text, anchorAt, `&${name} `);
    const aliases = random.int(1, 3);
    const notes = [`&${name} at ${anchorAt}`];
    for (let i = 0; i < aliases; i++) {
      const at = position(out, random);
      out = insertAt(out, at, random.chance(0.5) ? `*${name}` : ` *${name} `);
      notes.push(`*${name} at ${at}`);
    }
    return { text: out, note: `anchor and aliases: ${notes.join(', ')}` };
  },
  mergeKey: inserting((random) => random.pick(['<<: *a\n', '<<: [*a, *a]\n', '<<: ']), 'merge key'),
  nul: inserting((random) => '\0'.repeat(random.int(1, 4)), 'NUL'),
  loneSurrogate: inserting((random) => random.pick(['\ud800', '\udfff', '\udc00x', 'a\ud83d']), 'lone surrogate'),
  replacementChar: inserting(() => '\ufffd', 'replacement character'),
  rawBytes: inserting((random) => Buffer.from(random.pick(BAD_BYTES)).toString(random.chance(0.5) ? 'latin1' : 'utf8'), 'bad bytes'),
  corruptUtf8(text, random) {
    // What an editor shows for a file with one damaged byte: the text re-decoded with replacement characters.
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length === 0) return { text, note: 'corrupt byte (empty)' };
    const at = random.int(0, bytes.length - 1);
    bytes[at] = random.pick([0x80, 0xc3, 0xe2, 0xf0, 0xff, 0xfe]);
    return { text: bytes.toString('utf8'), note: `corrupt UTF-8 byte ${at}` };
  },
  crlf(text, random) {
    if (random.chance(0.6)) return { text: text.replace(/\r?\n/g, '\r\n'), note: 'CRLF line endings' };
    const at = position(text, random);
    const insert = random.pick(['\r\n', '\r', '\n\r']);
    return { text: insertAt(text, at, insert), note: `insert ${show(insert)} at ${at}` };
  },
  bom(text, random) {
    if (random.chance(0.7)) return { text: `\ufeff${text}`, note: 'BOM at the start' };
    const at = position(text, random);
    return { text: insertAt(text, at, '\ufeff'), note: `BOM at ${at}` };
  },
  emoji: inserting((random) => random.pick(EMOJI), 'emoji'),
  combining: inserting((random) => random.pick(COMBINING), 'combining'),
  cjk: inserting((random) => random.pick(CJK), 'CJK'),
  repeatIndicator(text, random) {
    // Nesting and key chains a person never types but a paste or a bad merge can produce.
    const token = random.pick(['[', '{', '- ', '? ', '{a: ', '[? ', '&a ', '!t ']);
    const insert = token.repeat(random.int(2, 40));
    const at = position(text, random);
    return { text: insertAt(text, at, insert), note: `insert ${show(token)} × ${insert.length / token.length} at ${at}` };
  },
  truncate(text, random) {
    const at = random.int(0, text.length);
    return { text: text.slice(0, at), note: `truncate at ${at}` };
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);
const MUTATION_LIST = Object.values(MUTATIONS);

/** Case `index` of the run with `seed`: the same inputs give the same case, always. */
export function makeCase(seeds: readonly SeedText[], seed: number, index: number): FuzzCase {
  const random = new Random(caseSeed(seed, index));
  const source = random.pick(seeds);
  let text = source.text;
  const mutations: string[] = [];
  const count = random.int(1, 5);
  for (let i = 0; i < count; i++) {
    const result = random.pick(MUTATION_LIST)(text, random);
    text = result.text;
    mutations.push(result.note);
  }
  return { seed, index, source: source.name, mutations, text };
}

/** A random edit of a document, as an editor would send it: `[start, end)` replaced by `text`. */
export function randomEdit(text: string, random: Random): { start: number; end: number; text: string } {
  const start = position(text, random);
  const end = random.chance(0.5) ? start : Math.min(text.length, start + random.int(0, 40));
  const insert = random.pick([...INDICATORS, ...EMOJI, ...CJK, ...COMBINING, '\0', '\r\n', '\ufeff', 'x', '']);
  return { start, end, text: insert };
}

/** The seed from the environment, or the fixed default: the normal test run is the same every time. */
export const DEFAULT_SEED = 20260615;

export function seedFromEnv(): number {
  const raw = process.env.BULLETPROOF_FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new Error(`BULLETPROOF_FUZZ_SEED must be a 32-bit unsigned integer, not ${raw}`);
  return seed;
}

/** The stream for a case's server-side edits and request positions: still a function of `(seed, index)` alone. */
export function serverRandom(seed: number, index: number): Random {
  return new Random(caseSeed((seed ^ 0x5e12fe12) >>> 0, index));
}
