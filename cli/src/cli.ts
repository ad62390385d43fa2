/**
 * `bulletproof [files or globs…]`: the command-line face of the engine, for
 * CI and the terminal. Exit 0 when clean or only warnings, 1 on any error
 * (or too many warnings), 2 on a usage error or a file that cannot be read.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/linter';
import type { Finding, Role, Severity } from '../../server/src/engine/types';
import { resumeSetup, type SettingLayers } from '../../server/src/node/config';
import { allowedValues, DEFAULT_SETTINGS, LAYOUT_CHOICES, ROLES } from '../../server/src/engine/settings';
import type { LayoutSetting } from '../../server/src/engine/layouts/ids';
import { decodeText } from '../../server/src/node/atomicWrite';
import { READ_LIMITS, describeBytes, readRegularFile } from '../../server/src/node/readFile';
import { buildReport } from '../../server/src/engine/report';
import { reportToMarkdown, bar } from '../../server/src/engine/reportMarkdown';
import { coverageLabel, matchResume, postingSource } from '../../server/src/engine/posting';
import type { PostingSource } from '../../server/src/engine/types';
import { expandInputs, UsageError } from './inputs';
import { fixSummary, fixText, rejectedNote, unifiedDiff, writeFixed } from './fix';
import { formatJson, formatText, summary, type FileReport } from './format';
import { formatSarif } from './sarif';
import { formatGithub } from './githubFormat';
import { convertMain } from './convert';
import { ConfigFiles, gitRootOf, oneOf, why } from './configFiles';
import { addPageChecks, renderMain, renderRequest } from './render';

declare const VERSION: string;

const HELP = `Usage: bulletproof [options] <file | folder | glob>...
       bulletproof render <file> [-o <out>] [--theme <classic|compact>] [--paper <us-letter|a4>]
                         [--format <pdf|svg|typst>] [--force] [--quiet]
       bulletproof convert --to <json|yaml|rendercv|yamlresume> <file> [-o <out>] [--force]

Checks resumes written in YAML or JSON: schema, dates, and the advice in each bullet.
A file you name is always checked. A folder is walked and filtered by the
\`files\` setting (by default *resume*.yaml, cv.yaml, resume.json, cv.json).
A glob (quote it) is explicit: every file it matches is checked, except those
the \`!\` globs of \`files\` exclude; node_modules/ and .git/ are never walked.

Options:
  --format <text|json|sarif|github>
                         Output format (default: text). json prints an array of
                         {file, line, column, endLine, endColumn, severity, code, message};
                         sarif a SARIF 2.1.0 log for code scanning; github one
                         GitHub Actions workflow command (::error …) per finding.
  --config <file>        Use this config file instead of the nearest .bulletproof.yaml.
  --role <${allowedValues(ROLES).join('|')}>
                         Which advice to give (default: ${DEFAULT_SETTINGS.role}).
  --layout <${allowedValues(LAYOUT_CHOICES).join('|')}>
                         How to read every resume (default: ${DEFAULT_SETTINGS.layout}: detect
                         RenderCV from \`cv\` with \`sections\`, YAMLResume from \`content\`,
                         then from the file name, *_CV.yaml being RenderCV; JSON
                         Resume otherwise). Wins over \`layout\` in a config file.
  --posting <file>       Match the resume against this job posting (Markdown,
                         text, or a JSON Resume job as YAML/JSON); without it,
                         the resume's meta.posting or the posting setting.
  --report               Print the resume report (Markdown; JSON with --format json).
  --render-checks        Also typeset each resume (nothing is written) and add
                         the page's findings (page-count, orphan-line, ats-text,
                         unprintable-text) to the others and to the exit code.
  --fix                  Apply the safe fixes and write the files back, saying
                         what changed per file; a file changed meanwhile is not written.
  --fix-dry-run          Print the safe fixes as a unified diff per file; write nothing.
  --quiet                Report errors only.
  --max-warnings <n>     Exit 1 when there are more than n warnings.
  -v, --version          Print the version.
  -h, --help             Print this help.

Files read: regular files only, a resume up to ${describeBytes(READ_LIMITS.resumeBytes)}, a posting or config up to ${describeBytes(READ_LIMITS.postingBytes)}.
render typesets the resume as a PDF (or SVG, or Typst markup) with the page's
findings: bulletproof render --help.
convert writes the resume in another layout (JSON Resume as JSON or YAML,
RenderCV, YAMLResume) and lists what changed form: bulletproof convert --help.
(To check a file named render or convert, write ./render or ./convert.)

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error, a
problem in a config file, an argument that names no file, or a file that
cannot be read or written.
Language server for any LSP editor: node dist/server.js --stdio`;

interface Options {
  format: 'text' | 'json' | 'sarif' | 'github';
  config?: string;
  role?: Role;
  layout?: LayoutSetting;
  posting?: PostingSource;
  report: boolean;
  renderChecks: boolean;
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  maxWarnings?: number;
}

export async function main(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
  raw: (data: Uint8Array) => void = (data) => process.stdout.write(data),
): Promise<number> {
  if (argv[0] === 'convert') return convertMain(argv.slice(1), out, err);
  if (argv[0] === 'render') return renderMain(argv.slice(1), { out, err, raw });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        role: { type: 'string' },
        layout: { type: 'string' },
        posting: { type: 'string' },
        report: { type: 'boolean' },
        'render-checks': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err(`bulletproof: ${error instanceof Error ? error.message : String(error)}\nRun bulletproof --help for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (values.version) {
    out(VERSION);
    return 0;
  }
  try {
    const options = checkOptions(values);
    if (positionals.length === 0) throw new UsageError('no files given.');
    return await run(positionals, options, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`bulletproof: ${error.message}\nRun bulletproof --help for usage.`);
      return 2;
    }
    throw error;
  }
}

function checkOptions(values: Record<string, string | boolean | undefined>): Options {
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json', 'sarif', 'github'] as const);
  const role = values.role === undefined ? undefined : oneOf('--role', values.role, allowedValues(ROLES));
  const layout = values.layout === undefined ? undefined : oneOf('--layout', values.layout, allowedValues(LAYOUT_CHOICES));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings must be a whole number.');
  }
  if (values.report && (format === 'sarif' || format === 'github')) {
    throw new UsageError(`--report prints Markdown or JSON: use it with --format text or json, not ${format}.`);
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run do not go together: choose one.');
  return {
    format,
    config: values.config as string | undefined,
    role,
    layout,
    posting: readPostingFlag(values.posting as string | undefined),
    report: values.report === true,
    renderChecks: values['render-checks'] === true,
    fix: values.fix === true,
    fixDryRun: values['fix-dry-run'] === true,
    quiet: values.quiet === true,
    maxWarnings,
  };
}

/** `--posting FILE` is named by the person running the command: read it as given, within the limit. */
function readPostingFlag(file: string | undefined): PostingSource | undefined {
  if (file === undefined) return undefined;
  const read = readRegularFile(file, READ_LIMITS.postingBytes);
  if (!read.ok) throw new UsageError(`cannot read the posting ${file}: ${why(read)}.`);
  const decoded = decodeText(read.bytes);
  if (!decoded) throw new UsageError(`cannot read the posting ${file}: it is not UTF-8 text.`);
  return postingSource(file, decoded.text);
}

/**
 * Lints (and fixes) every file before the first `await`: a reader that
 * stops early cannot leave a file unfixed. The page checks come after.
 */
async function run(inputs: string[], options: Options, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  const configs = new ConfigFiles(relative, err);
  const explicitConfig = options.config ? configs.explicit(options.config) : undefined;
  // Flags win over the config file: the person at the terminal asked for them.
  const layersFor = (dir: string): SettingLayers => ({
    configFile: explicitConfig ?? configs.nearest(dir),
    flags: { ...(options.role && { role: options.role }), ...(options.layout && { layout: options.layout }) },
    posting: options.posting,
  });
  const setupFor = (dir: string, resumePath?: string) => resumeSetup({ resumePath, root: gitRootOf(dir) ?? dir }, layersFor(dir));
  const settingsFor = (dir: string) => setupFor(dir).settings;
  const { files, problems } = expandInputs(inputs, process.cwd(), (dir) => settingsFor(dir).files);
  for (const problem of problems) err(`bulletproof: ${problem}`);
  // What --fix did goes with the findings in text; beside them, on stderr, when stdout is data.
  const note = options.format === 'text' && !options.report ? out : err;
  const shown = (findings: Finding[]) => (options.quiet ? findings.filter((finding) => finding.severity === 'error') : findings);
  const reports: FileReport[] = [];
  let failed = problems.length > 0;

  for (const file of files) {
    const read = readRegularFile(file, READ_LIMITS.resumeBytes);
    if (!read.ok) {
      err(`bulletproof: cannot read ${relative(file)}: ${why(read)}.`);
      failed = true;
      continue;
    }
    const decoded = decodeText(read.bytes);
    if (decoded === undefined) {
      reports.push({ file, findings: [notText()], document: TextDocument.create('', 'yaml', 0, '') });
      continue;
    }
    const { lintOptions } = setupFor(path.dirname(file), file);
    let text = decoded.text;
    if (options.fix || options.fixDryRun) {
      const fixed = fixText(text, decoded.shape.eol, (current) => lint(current, lintOptions).findings);
      const rejected = rejectedNote(relative(file), fixed.rejected);
      if (rejected) err(rejected);
      if (fixed.text !== text) {
        const name = relative(file);
        if (options.fix) {
          const written = writeFixed(file, read.bytes, fixed.text, decoded.shape);
          if (!written.ok) {
            err(`bulletproof: cannot write ${name}: ${why(written)}; it was left as it was.`);
            failed = true;
            continue;
          }
        }
        note(fixSummary(name, fixed.applied, options.fixDryRun));
        if (options.fixDryRun) note(unifiedDiff(name, text, fixed.text));
        text = fixed.text;
      }
    }
    const result = lint(text, lintOptions);
    reports.push({ file, findings: shown(result.findings), document: TextDocument.create('', 'yaml', 0, text), result });
  }
  failed ||= configs.hadProblems;
  let pageNotes: string[] = [];
  if (options.renderChecks) {
    const requestFor = (file: string, text: string) => renderRequest(text, file, setupFor(path.dirname(file), file), {}, 'none');
    const pages = await addPageChecks(reports, requestFor, shown, relative, err);
    failed ||= pages.failed;
    pageNotes = options.quiet ? [] : pages.notes;
  }

  if (options.report) printReports(reports, options, relative, out);
  else if (options.format === 'json') out(formatJson(reports, relative));
  else if (options.format === 'sarif') out(formatSarif(reports, { version: VERSION, cwd: process.cwd(), executionSuccessful: !failed }));
  else if (options.format === 'github') {
    const commands = formatGithub(reports, relative);
    if (commands) out(commands);
    if (reports.length > 0 || !failed) out(summary(reports));
  } else {
    const text = formatText(reports, relative);
    if (text) out(text);
    if (reports.length > 0 || !failed) out(summary(reports));
    for (const report of reports) printCoverage(report, relative, out);
  }
  // What the page is (our theme, not RenderCV's), after the findings it qualifies.
  for (const line of pageNotes) note(line);

  const count = (severity: Severity) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  if (failed) return 2;
  if (count('error') > 0) return 1;
  if (options.maxWarnings !== undefined && count('warning') > options.maxWarnings) {
    err(`bulletproof: ${count('warning')} warnings, more than --max-warnings ${options.maxWarnings}.`);
    return 1;
  }
  return 0;
}

/** After the findings: "posting match 11/14 terms", with a bar per skills category. */
function printCoverage(report: FileReport, nameOf: (file: string) => string, out: (text: string) => void): void {
  const posting = report.result?.posting;
  if (!posting || !report.result) return;
  const match = matchResume(report.result.model, posting);
  const lines = [`${nameOf(report.file)}: ${coverageLabel(match)} (${posting.name})`];
  for (const category of match.coverage.byCategory) {
    lines.push(`  ${bar(category.matched, category.total)} ${category.category} ${category.matched}/${category.total}`);
  }
  out(lines.join('\n'));
}

function printReports(reports: FileReport[], options: Options, nameOf: (file: string) => string, out: (text: string) => void): void {
  const built = reports.flatMap((report) => (report.result ? [{ report, data: buildReport(report.result, report.result.posting) }] : []));
  if (options.format === 'json') {
    out(
      JSON.stringify(
        built.map(({ report, data }) => ({ file: nameOf(report.file), report: data })),
        null,
        2,
      ),
    );
    return;
  }
  for (const { report, data } of built) {
    out(reportToMarkdown(data, nameOf(report.file), (offset) => report.document.positionAt(offset).line + 1));
  }
}

function notText(): Finding {
  return {
    ruleId: 'yaml/syntax',
    range: { start: 0, end: 0 },
    message: 'This is not a text file (it has NUL bytes or is not UTF-8), so it cannot be a YAML resume.',
    severity: 'error',
    fixes: [],
  };
}

if (require.main === module) {
  // `bulletproof … | head`: a reader that stops early is not an error. Every file was already
  // checked (and fixed) by then: that loop is synchronous, the error event comes after it.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  void main(
    process.argv.slice(2),
    (text) => process.stdout.write(`${text}\n`),
    (text) => process.stderr.write(`${text}\n`),
  ).then((code) => {
    process.exitCode = code;
  });
}
