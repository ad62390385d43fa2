/**
 * `bulletproof convert --to <layout> <file> [-o <out>] [--force]`: one
 * resume into another layout. The notes go to stderr, one per line, then a
 * one-line summary on stdout. An existing file is replaced only with
 * `--force`, and the new file appears whole or not at all.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CONVERT_TARGETS,
  convertResume,
  defaultOutputName,
  sourceName,
  TARGET_NAMES,
  type ConvertTarget,
} from '../../server/src/engine/convert/convert';
import { listOf } from '../../server/src/engine/settings';
import { createFileAtomic, decodeText } from '../../server/src/node/atomicWrite';
import { READ_LIMITS, readRegularFile } from '../../server/src/node/readFile';

export const CONVERT_HELP = `Usage: bulletproof convert --to <${CONVERT_TARGETS.join('|')}> <file> [-o <out>] [--force]

Converts a resume to another layout, keeping every bullet, date and link:
  json         JSON Resume as JSON        yaml         JSON Resume as YAML
  rendercv     RenderCV (<Name>_CV.yaml)  yamlresume   YAMLResume (<base>.yamlresume.yaml)
The source layout (JSON Resume, RenderCV or YAMLResume) is read from the file.
Whatever has no place in the target, or changes its form, is listed on stderr
as "path: what happened"; comments JSON cannot hold are counted there too.

Options:
  --to <layout>     The layout to write (required).
  -o, --output <f>  Where to write (default: beside the input, named as above;
                    JSON Resume keeps the input's name with .json or .yaml).
  --force           Replace the output file if it exists.
  -h, --help        Print this help.

Exit codes: 0 written, 2 usage error, a file that cannot be read or converted,
or an output that exists (without --force) or cannot be written.`;

export function convertMain(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(err, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(CONVERT_HELP);
    return 0;
  }
  if (values.to === undefined) return usage(err, `convert needs --to ${listOf(CONVERT_TARGETS, 'or')}.`);
  if (!(CONVERT_TARGETS as readonly string[]).includes(values.to)) {
    return usage(err, `--to must be ${listOf(CONVERT_TARGETS, 'or')}, not ${values.to}.`);
  }
  const to = values.to as ConvertTarget;
  if (positionals.length !== 1)
    return usage(err, positionals.length === 0 ? 'convert needs one file.' : 'convert takes one file at a time.');
  const input = positionals[0]!;
  const relative = (file: string) => path.relative(process.cwd(), file) || file;

  const read = readRegularFile(input, READ_LIMITS.resumeBytes);
  if (!read.ok) {
    err(`bulletproof: cannot read ${input}: ${read.code ? `${read.reason} (${read.code})` : read.reason}.`);
    return 2;
  }
  const decoded = decodeText(read.bytes);
  if (!decoded) {
    err(`bulletproof: cannot convert ${input}: it is not UTF-8 text.`);
    return 2;
  }
  const converted = convertResume(decoded.text, to);
  if (!converted.ok) {
    err(`bulletproof: cannot convert ${input}: ${converted.message}.`);
    return 2;
  }
  const output = values.output ?? path.join(path.dirname(input), defaultOutputName(path.basename(input), to, converted.name));
  if (path.resolve(output) === path.resolve(input) && !values.force) {
    err(`bulletproof: ${relative(output)} is the file being converted; name another with -o, or replace it with --force.`);
    return 2;
  }
  // The converted file is new text: LF line endings, no BOM (JSON has no place for one).
  const written = createFileAtomic(output, Buffer.from(converted.text, 'utf8'), { overwrite: values.force === true });
  if (!written.ok) {
    if (written.code === 'EEXIST') err(`bulletproof: ${relative(output)} exists; use --force to replace it, or -o to name another file.`);
    else err(`bulletproof: cannot write ${relative(output)}: ${written.reason} (${written.code}); nothing was written.`);
    return 2;
  }
  for (const note of converted.notes) err(note.path ? `${note.path}: ${note.message}` : note.message);
  const count = converted.notes.length;
  const from = sourceName(converted);
  out(
    `${relative(input)} (${from}) → ${relative(output)} (${TARGET_NAMES[to]}): ${count === 0 ? 'no notes' : `${count} ${count === 1 ? 'note' : 'notes'}`}`,
  );
  return 0;
}

function usage(err: (text: string) => void, message: string): number {
  err(`bulletproof: ${message}\nRun bulletproof convert --help for usage.`);
  return 2;
}
