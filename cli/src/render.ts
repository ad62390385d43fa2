/**
 * `bulletproof render <file>`: the resume typeset as a PDF, the pages as
 * SVG or the Typst markup, with the advice only a page allows; and the page
 * checks `bulletproof --render-checks` adds to the text findings. The page
 * is made in this process by `renderResume`, which loads the compiler on
 * first use: a plain lint never pays for it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LintOptions } from '../../server/src/engine/types';
import type { Settings } from '../../server/src/engine/settings';
import { DEFAULT_RENDER_SETTINGS, PAPERS, THEMES, type Paper, type ThemeId } from '../../server/src/engine/page/types';
import { resumeSetup } from '../../server/src/node/config';
import { createFileAtomic, decodeText } from '../../server/src/node/atomicWrite';
import { READ_LIMITS, readRegularFile } from '../../server/src/node/readFile';
import { renderResume } from '../../server/src/node/render/render';
import type { RenderOutput, RenderRequest, RenderResponse } from '../../server/src/node/render/protocol';
import { renderRequestOf } from '../../server/src/node/render/request';
import { ConfigFiles, gitRootOf, oneOf, why } from './configFiles';
import { formatText, type FileReport } from './format';
import { UsageError } from './inputs';

export const RENDER_FORMATS = ['pdf', 'svg', 'typst'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
const EXTENSIONS: Record<RenderFormat, string> = { pdf: '.pdf', svg: '.svg', typst: '.typ' };
const FORMAT_NAMES: Record<RenderFormat, string> = { pdf: 'a PDF', svg: 'an SVG file', typst: 'a Typst file' };

export const RENDER_HELP = `Usage: bulletproof render <file> [-o <out>] [--theme <${THEMES.join('|')}>] [--paper <${PAPERS.join('|')}>]
                         [--format <${RENDER_FORMATS.join('|')}>] [--force] [--quiet]

Typesets a resume (JSON Resume as YAML or JSON, RenderCV, YAMLResume) with
Bulletproof's own single-column, ATS-friendly themes, writes it, and prints
the advice only a page allows (page-count, orphan-line, ats-text,
unprintable-text) as the checks print findings: path:line:col severity code message.
The page is Bulletproof's theme: for a RenderCV file whose design.theme names
a RenderCV theme, the page advice describes our theme's page, not RenderCV's.

Options:
  -o, --output <f>   Where to write (default: beside the input, with the
                     format's extension: resume.yaml gives resume.pdf).
                     - writes to stdout; the findings then go to stderr.
  --format <${RENDER_FORMATS.join('|')}>
                     A PDF (default), the pages as SVG, or the Typst markup (.typ).
  --theme <${THEMES.join('|')}>
                     The theme (default: render.theme in .bulletproof.yaml, else ${DEFAULT_RENDER_SETTINGS.theme}).
  --paper <${PAPERS.join('|')}>
                     The paper (default: render.paper in .bulletproof.yaml, else ${DEFAULT_RENDER_SETTINGS.paper}).
  --config <file>    Use this config file instead of the nearest .bulletproof.yaml.
  --force            Replace an output file that is not ${FORMAT_NAMES.pdf} (or not of the format written).
  --quiet            Print errors only.
  -h, --help         Print this help.

Settings: theme, paper, fontSize, margin and maxPages under render: in
.bulletproof.yaml (the flags win); the rules' levels as for the checks.
An existing output is replaced only when it is of the format written (a PDF
starts with %PDF-) or with --force; it is written whole or not at all.

Exit codes: 0 written (warnings allowed), 1 the resume has errors that leave
nothing to print (listed; nothing is written) or a page rule set to error found
something (written), 2 a usage error, a problem in a config file, a file that
cannot be read or written, an output that is not of the format (without
--force), or no page compiler in this build.`;

/** Where text goes and where the rendered bytes go when the output is `-`. */
export interface RenderIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Bytes to stdout as they are, no line break added. */
  raw: (data: Uint8Array) => void;
  /** The renderer: `renderResume` unless a test gives its own. */
  render?: Renderer;
}

export type Renderer = (request: RenderRequest) => Promise<RenderResponse>;

/** The flags that choose the page; unset, the `render:` settings choose. */
export interface PageFlags {
  theme?: ThemeId;
  paper?: Paper;
}

interface RenderOptions extends PageFlags {
  input: string;
  output?: string;
  format: RenderFormat;
  config?: string;
  force: boolean;
  quiet: boolean;
}

export async function renderMain(argv: string[], io: RenderIo): Promise<number> {
  let options: RenderOptions;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        format: { type: 'string' },
        theme: { type: 'string' },
        paper: { type: 'string' },
        config: { type: 'string' },
        force: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (parsed.values.help) {
      io.out(RENDER_HELP);
      return 0;
    }
    options = checkOptions(parsed.values, parsed.positionals);
  } catch (error) {
    io.err(`bulletproof: ${error instanceof Error ? error.message : String(error)}\nRun bulletproof render --help for usage.`);
    return 2;
  }
  try {
    return await render(options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`bulletproof: ${error.message}\nRun bulletproof render --help for usage.`);
    return 2;
  }
}

function checkOptions(values: Record<string, string | boolean | undefined>, positionals: string[]): RenderOptions {
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'render needs a file.' : 'render takes one file at a time.');
  const input = positionals[0]!;
  if (input.trim() === '') throw new UsageError('the file name is empty.');
  if (values.output === '') throw new UsageError('-o needs a file name, or - for stdout.');
  return {
    input,
    output: values.output as string | undefined,
    format: values.format === undefined ? 'pdf' : oneOf('--format', values.format, RENDER_FORMATS),
    ...(values.theme !== undefined && { theme: oneOf('--theme', values.theme, THEMES) }),
    ...(values.paper !== undefined && { paper: oneOf('--paper', values.paper, PAPERS) }),
    config: values.config as string | undefined,
    force: values.force === true,
    quiet: values.quiet === true,
  };
}

async function render(options: RenderOptions, io: RenderIo): Promise<number> {
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  const { input, format } = options;
  const read = readRegularFile(input, READ_LIMITS.resumeBytes);
  if (!read.ok) return fail(io, `cannot read ${input}: ${why(read)}.`);
  const decoded = decodeText(read.bytes);
  if (!decoded) return fail(io, `cannot render ${input}: it is not UTF-8 text.`);

  const dir = path.dirname(path.resolve(input));
  const configs = new ConfigFiles(relative, io.err);
  const configFile = options.config ? configs.explicit(options.config) : configs.nearest(dir);
  const setup = resumeSetup({ resumePath: path.resolve(input), root: gitRootOf(dir) ?? dir }, { configFile });

  const toStdout = options.output === '-';
  const output = toStdout ? undefined : (options.output ?? defaultOutput(input, format));
  // Only a file checked now is replaced: one that appears while the page is made is left alone.
  const replaces = output !== undefined && fs.existsSync(output);
  if (output !== undefined) {
    const refusal = outputRefusal(output, input, format, options.force);
    if (refusal) return fail(io, refusal.replaceAll('{name}', relative(output)));
  }

  const response = await renderSafely(io.render ?? renderResume, renderRequest(decoded.text, path.resolve(input), setup, options, format));
  // With the bytes on stdout, everything said goes to stderr.
  const say = toStdout ? io.err : io.out;
  const shown = (findings: Finding[]) => (options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings);
  const findingsText = (findings: Finding[]) =>
    formatText([{ file: input, findings: shown(findings), document: TextDocument.create('', 'yaml', 0, decoded.text) }], relative);
  if (!response.ok) {
    const listed = findingsText(response.findings);
    if (listed) say(listed);
    if (response.reason === 'unrenderable') {
      io.err(`bulletproof: cannot render ${relative(input)}: ${sentence(response.message)}; nothing was written.`);
      return 1;
    }
    return fail(io, `cannot render ${relative(input)}: ${sentence(response.message)}.`);
  }
  if (response.output === undefined) return fail(io, `cannot render ${relative(input)}: the compiler gave no ${format} output.`);

  const bytes = typeof response.output === 'string' ? Buffer.from(response.output, 'utf8') : response.output;
  if (output === undefined) io.raw(bytes);
  else {
    const written = createFileAtomic(output, bytes, { overwrite: replaces });
    if (!written.ok) {
      if (written.code === 'EEXIST') return fail(io, `${relative(output)} appeared while rendering; run again to replace it.`);
      return fail(io, `cannot write ${relative(output)}: ${why(written)}; nothing was written.`);
    }
  }
  const listed = findingsText(response.findings);
  if (listed) say(listed);
  if (!options.quiet) {
    for (const note of response.notes) say(`${relative(input)}: ${note}`);
    if (output !== undefined) say(`Wrote ${relative(output)}${response.pages > 0 ? ` (${pagesText(response.pages)})` : ''}`);
  }
  if (configs.hadProblems) return 2;
  return response.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

/** Beside the input, the format's extension for the input's: `resume.yaml` → `resume.pdf`. */
export function defaultOutput(input: string, format: RenderFormat): string {
  const base = path.basename(input, path.extname(input));
  return path.join(path.dirname(input), `${base}${EXTENSIONS[format]}`);
}

/**
 * Why `output` may not be written, with `{name}` for its name; undefined
 * when it may. The resume itself is never replaced, even with `--force`.
 */
function outputRefusal(output: string, input: string, format: RenderFormat, force: boolean): string | undefined {
  if (samePath(output, input)) return `{name} is the resume being rendered; name another file with -o.`;
  const folder = path.dirname(path.resolve(output));
  if (!fs.existsSync(folder)) return `cannot write {name}: its folder does not exist (ENOENT); nothing was written.`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(output);
  } catch {
    return undefined; // A new file.
  }
  // A folder or a device: the writer says it is not a regular file.
  if (force || !stat.isFile() || looksLike(format, output)) return undefined;
  return `{name} exists and is not ${FORMAT_NAMES[format]}; use --force to replace it, or -o to name another file.`;
}

function samePath(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return fs.realpathSync(a) === fs.realpathSync(b);
  } catch {
    return false;
  }
}

/** Whether a file's first bytes are of the format: `%PDF-`, an `<svg` element, Typst markup. */
function looksLike(format: RenderFormat, file: string): boolean {
  const head = readHead(file, 4096);
  if (format === 'pdf') return head.subarray(0, 5).toString('latin1') === '%PDF-';
  if (head.includes(0)) return false;
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  if (format === 'svg') return /^\s*</.test(text) && /<svg[\s>]/.test(text);
  // Typst markup opens with code (`#set`, `#let`, `#import`) or a comment; a YAML comment is `# words`.
  const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
  return /^\s*(#[A-Za-z]|\/\/|\/\*)/.test(first);
}

function readHead(file: string, bytes: number): Buffer {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * A render of `text` with the person's settings (`--role`, `--layout`, the
 * config file's), made as the language server makes it: the page flags over
 * `render:` over the defaults; the page rules run.
 */
export function renderRequest(
  text: string,
  fileName: string,
  setup: { settings: Settings; lintOptions: LintOptions },
  flags: PageFlags,
  output: RenderOutput,
): RenderRequest {
  const { format } = setup.lintOptions;
  const overrides = { ...(flags.theme && { theme: flags.theme }), ...(flags.paper && { paper: flags.paper }) };
  return renderRequestOf({ text, fileName, settings: setup.settings, ...(format && { format }) }, output, true, overrides);
}

/** A render that throws (a compiler that cannot load) is a failed render, said in one line. */
async function renderSafely(render: Renderer, request: RenderRequest): Promise<RenderResponse> {
  try {
    return await render(request);
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error), findings: [] };
  }
}

export interface PageChecks {
  /** A file whose render failed: exit 2, as for a file that cannot be read. */
  failed: boolean;
  /** `resume.yaml: the page shows …`, to print after the findings. */
  notes: string[];
}

/**
 * `--render-checks`: each text file is rendered (nothing written) and the
 * page rules' findings join its text findings, in text order. Without a
 * compiler this is said once and the text findings stand alone; a resume
 * with errors that leave nothing to print already lists them.
 */
export async function addPageChecks(
  reports: FileReport[],
  requestFor: (file: string, text: string) => RenderRequest,
  shown: (findings: Finding[]) => Finding[],
  nameOf: (file: string) => string,
  err: (text: string) => void,
  render: Renderer = renderResume,
): Promise<PageChecks> {
  const checks: PageChecks = { failed: false, notes: [] };
  for (const report of reports) {
    if (!report.result) continue;
    const response = await renderSafely(render, requestFor(report.file, report.document.getText()));
    if (response.ok) {
      report.findings = [...report.findings, ...shown(response.findings)].sort((a, b) => a.range.start - b.range.start);
      checks.notes.push(...response.notes.map((note) => `${nameOf(report.file)}: ${note}`));
      continue;
    }
    if (response.reason === 'unrenderable') continue;
    if (response.reason === 'unavailable') {
      err(`bulletproof: no page checks: ${sentence(response.message)}.`);
      break;
    }
    err(`bulletproof: cannot render ${nameOf(report.file)} for the page checks: ${sentence(response.message)}.`);
    checks.failed = true;
  }
  return checks;
}

/** A message's first line, without its closing period, to end a sentence of ours. */
function sentence(message: string): string {
  return (message.split('\n', 1)[0] ?? '').trim().replace(/\.$/, '');
}

function pagesText(pages: number): string {
  return `${pages} page${pages === 1 ? '' : 's'}`;
}

function fail(io: RenderIo, message: string): number {
  io.err(`bulletproof: ${message}`);
  return 2;
}
