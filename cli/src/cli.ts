/**
 * `bulletproof [files or globs…]`: the command-line face of the engine, for
 * CI and the terminal. Exit 0 when clean or only warnings, 1 on any error
 * (or too many warnings), 2 on a usage error or a file that cannot be read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../server/src/engine/lint';
import { fixAll } from '../../server/src/engine/fixes';
import type { Finding, LintOptions, Role, Severity } from '../../server/src/engine/types';
import { findConfigFile, mergeSettings, readConfigFile, type ConfigFile, type Settings } from '../../server/src/node/config';
import { buildReport } from '../../server/src/engine/report';
import { reportToMarkdown, bar } from '../../server/src/engine/reportMarkdown';
import { coverageLabel, matchResume, postingSource } from '../../server/src/engine/posting';
import type { PostingSource } from '../../server/src/engine/types';
import { postingLoader } from '../../server/src/node/posting';
import { expandInputs, UsageError } from './inputs';
import { formatJson, formatText, summary, type FileReport } from './format';

declare const VERSION: string;

const HELP = `Usage: bulletproof [options] <file | folder | glob>...

Checks resumes written in YAML: schema, dates, and the advice in each bullet.
Files named on the command line are always checked; folders and globs are
filtered by the \`files\` setting (by default *resume*.yaml and cv.yaml).

Options:
  --format <text|json>   Output format (default: text). json prints an array of
                         {file, line, column, endLine, endColumn, severity, code, message}.
  --config <file>        Use this config file instead of the nearest .bulletproof.yaml.
  --role <backend|general>
                         Which advice to give (default: backend).
  --posting <file>       Match the resume against this job posting (Markdown,
                         text, or a JSON Resume job as YAML/JSON); without it,
                         the resume's meta.posting or the posting setting.
  --report               Print the resume report (Markdown; JSON with --format json).
  --fix                  Apply the safe fixes and write the files back.
  --quiet                Report errors only.
  --max-warnings <n>     Exit 1 when there are more than n warnings.
  -v, --version          Print the version.
  -h, --help             Print this help.

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage error or unreadable file.
Language server for any LSP editor: node dist/server.js --stdio`;

interface Options {
  format: 'text' | 'json';
  config?: string;
  role?: Role;
  posting?: PostingSource;
  report: boolean;
  fix: boolean;
  quiet: boolean;
  maxWarnings?: number;
}

export function main(argv: string[], out: (text: string) => void, err: (text: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        role: { type: 'string' },
        posting: { type: 'string' },
        report: { type: 'boolean' },
        fix: { type: 'boolean' },
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
    return run(positionals, options, out, err);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`bulletproof: ${error.message}\nRun bulletproof --help for usage.`);
      return 2;
    }
    throw error;
  }
}

function checkOptions(values: Record<string, string | boolean | undefined>): Options {
  const format = (values.format ?? 'text') as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not ${format}.`);
  const role = values.role as string | undefined;
  if (role !== undefined && role !== 'backend' && role !== 'general') {
    throw new UsageError(`--role must be backend or general, not ${role}.`);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings must be a whole number.');
  }
  const config = values.config as string | undefined;
  if (config !== undefined && !fs.existsSync(config)) throw new UsageError(`config file not found: ${config}`);
  return {
    format,
    config,
    role: role as Role | undefined,
    posting: readPostingFlag(values.posting as string | undefined),
    report: values.report === true,
    fix: values.fix === true,
    quiet: values.quiet === true,
    maxWarnings,
  };
}

/** `--posting FILE` is named by the person running the command: read it as given. */
function readPostingFlag(file: string | undefined): PostingSource | undefined {
  if (file === undefined) return undefined;
  try {
    return postingSource(file, fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the posting ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function run(inputs: string[], options: Options, out: (text: string) => void, err: (text: string) => void): number {
  const explicitConfig = options.config ? readConfigFile(options.config) : undefined;
  if (explicitConfig?.problems.length) err(`bulletproof: ${explicitConfig.path}: ${explicitConfig.problems.join('; ')}`);
  const files = expandInputs(inputs, process.cwd(), (dir) => settingsFor(dir, options, explicitConfig, err).files);
  const reports: FileReport[] = [];
  let unreadable = false;

  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      err(`bulletproof: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      unreadable = true;
      continue;
    }
    const settings = settingsFor(path.dirname(file), options, explicitConfig, err);
    const decoded = decodeText(bytes);
    if (decoded === undefined) {
      reports.push({ file, findings: [notText()], document: TextDocument.create('', 'yaml', 0, '') });
      continue;
    }
    let text = decoded;
    const lintOptions: LintOptions = {
      rules: settings.rules,
      role: settings.role,
      posting: options.posting,
      loadPosting: postingLoader({
        resumePath: file,
        root: gitRootOf(path.dirname(file)) ?? path.dirname(file),
        fromSettings: settings.posting,
      }),
    };
    if (options.fix) {
      const fixed = fixAll(text, (current) => lint(current, lintOptions).findings).text;
      if (fixed !== text) {
        fs.writeFileSync(file, fixed);
        text = fixed;
      }
    }
    const result = lint(text, lintOptions);
    const shown = options.quiet ? result.findings.filter((finding) => finding.severity === 'error') : result.findings;
    reports.push({ file, findings: shown, document: TextDocument.create('', 'yaml', 0, text), result });
  }

  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  if (options.report) printReports(reports, options, relative, out);
  else if (options.format === 'json') out(formatJson(reports, relative));
  else {
    const text = formatText(reports, relative);
    if (text) out(text);
    if (reports.length > 0 || !unreadable) out(summary(reports));
    for (const report of reports) printCoverage(report, relative, out);
  }

  const count = (severity: Severity) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  if (unreadable) return 2;
  if (count('error') > 0) return 1;
  if (options.maxWarnings !== undefined && count('warning') > options.maxWarnings) {
    err(`bulletproof: ${count('warning')} warnings, more than --max-warnings ${options.maxWarnings}.`);
    return 1;
  }
  return 0;
}

const configCache = new Map<string, ConfigFile | undefined>();

/** Command-line flags win for this run; the config file fills in what they leave. */
function settingsFor(dir: string, options: Options, explicit: ConfigFile | undefined, err: (text: string) => void): Settings {
  let config = explicit;
  if (!config) {
    if (!configCache.has(dir)) {
      const found = findConfigFile(dir, gitRootOf(dir));
      const read = found ? readConfigFile(found) : undefined;
      if (read?.problems.length) err(`bulletproof: ${read.path}: ${read.problems.join('; ')}`);
      configCache.set(dir, read);
    }
    config = configCache.get(dir);
  }
  return mergeSettings(config?.settings ?? {}, options.role ? { role: options.role } : {});
}

/** Config lookup stops at the repository's root, like the editor stops at the workspace's. */
function gitRootOf(dir: string): string | undefined {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    if (path.dirname(current) === current) return undefined;
  }
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
  const built = reports.flatMap((report) =>
    report.result ? [{ report, data: buildReport(report.result, report.result.posting) }] : [],
  );
  if (options.format === 'json') {
    out(JSON.stringify(built.map(({ report, data }) => ({ file: nameOf(report.file), report: data })), null, 2));
    return;
  }
  for (const { report, data } of built) {
    out(reportToMarkdown(data, nameOf(report.file), (offset) => report.document.positionAt(offset).line + 1));
  }
}

/** UTF-8 text without NUL bytes, BOM removed; undefined for anything else. */
function decodeText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
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
  process.exitCode = main(process.argv.slice(2), (text) => process.stdout.write(`${text}\n`), (text) => process.stderr.write(`${text}\n`));
}
