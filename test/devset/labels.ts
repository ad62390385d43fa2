/** Reads the labelled sets of `test/devset/*.tsv`: the rows, with corpus texts resolved by bullet id. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LabelledBullet {
  id: string;
  positive: boolean;
  text: string;
  note: string;
}

export interface LabelledSet {
  rule: string;
  minPrecision: number;
  minRecall: number;
  minPositives: number;
  bullets: LabelledBullet[];
  /** Corpus rows whose text could not be read (no corpus here). */
  missing: number;
}

const CORPUS_BULLETS = path.resolve(
  __dirname,
  '../../..',
  process.env.BULLETPROOF_CORPUS ? path.join(process.env.BULLETPROOF_CORPUS, '..') : '../shared/corpus',
  'bullets.tsv',
);

let corpusTexts: Map<string, string> | undefined;

/** The corpus's bullets by id; empty when the corpus is not beside the checkout. */
function corpusBullets(): Map<string, string> {
  if (corpusTexts) return corpusTexts;
  corpusTexts = new Map();
  if (!fs.existsSync(CORPUS_BULLETS)) return corpusTexts;
  for (const line of fs.readFileSync(CORPUS_BULLETS, 'utf8').split('\n').slice(1)) {
    const [id, , ...text] = line.split('\t');
    if (id) corpusTexts.set(id, text.join('\t'));
  }
  return corpusTexts;
}

function header(lines: readonly string[], key: string, fallback: number): number {
  const line = lines.find((candidate) => candidate.startsWith(`# ${key}:`));
  return line === undefined ? fallback : Number(line.slice(key.length + 3));
}

export function readLabelledSet(file: string): LabelledSet {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const bullets: LabelledBullet[] = [];
  let missing = 0;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [id = '', label = '', written = '', note = ''] = line.split('\t');
    if (label !== '0' && label !== '1') throw new Error(`${path.basename(file)}:${index + 1}: label must be 0 or 1, got "${label}"`);
    const text = written || corpusBullets().get(id);
    if (!written && !/^B\d+$/.test(id)) throw new Error(`${path.basename(file)}:${index + 1}: "${id}" has no text and is no corpus id`);
    if (text === undefined) {
      missing++;
      continue;
    }
    bullets.push({ id, positive: label === '1', text, note });
  }
  return {
    rule: path.basename(file, '.tsv'),
    minPrecision: header(lines, 'min-precision', 0),
    minRecall: header(lines, 'min-recall', 0),
    minPositives: header(lines, 'min-positives', 0),
    bullets,
    missing,
  };
}

export const DEVSET_DIR = path.resolve(__dirname, '../../../test/devset');

export function labelledSets(): LabelledSet[] {
  // roles.tsv labels whole resumes, not bullets: roles.test.ts reads it.
  const files = fs.readdirSync(DEVSET_DIR).filter((name) => name.endsWith('.tsv') && name !== 'roles.tsv');
  return files.sort().map((name) => readLabelledSet(path.join(DEVSET_DIR, name)));
}
