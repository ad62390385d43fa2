/**
 * `npm run bench`: starts each language server over stdio and types into a
 * resume as an editor does, measuring what a person feels: time to ready,
 * time to first diagnostics, keystroke to diagnostics, completion, and peak
 * memory, for the same resume as JSON Resume in YAML, as JSON Resume in JSON,
 * and as a RenderCV file, each checked against the same budgets (below).
 * Compares Bulletproof with Red Hat's yaml-language-server validating the
 * same YAML files against the same schema.
 *
 *   npm run bench                     every size and layout, 200 edits and 50 completions each
 *   npm run bench -- --sizes 200,1000 --edits 50 --completions 20
 *   npm run bench -- --layouts rendercv,json   only these layouts (yaml, json, rendercv)
 *   npm run bench -- --json           the JSON layout alone (as --layouts json)
 *   npm run bench -- --server bulletproof      leave yaml-language-server out
 *   npm run bench -- --write-readme   also replace the table in README.md
 *   npm run bench -- --hostile        Bulletproof alone on documents far past
 *                                     any resume: aliases by the ten thousand, 4 to 50 MB
 *
 * Exits 1 when a budget is missed, after printing every result.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CompletionRequest } from 'vscode-languageserver-protocol';
import { LspClient, REPO_ROOT, SERVER_PATH } from '../test/support/lspClient';
import { completionOffset, generateJsonResume, generateRenderCv, generateResume, hostileScenarios, typingOffset } from './generate';

import { budgetTable, missedBudgets } from './budgets';

interface ServerUnderTest {
  name: string;
  serverPath: string;
  settings: Record<string, unknown>;
  /** Whether publishes carry the document version (ours do). */
  versioned: boolean;
  /** Whether it is set up to complete (the other server is measured on diagnostics alone). */
  completes: boolean;
}

/** One writing of the same resume. */
interface BenchLayout {
  key: 'yaml' | 'json' | 'rendercv';
  name: string;
  languageId: 'yaml' | 'json';
  fileName(lines: number): string;
  generate(lines: number): string;
}

const LAYOUTS: readonly BenchLayout[] = [
  { key: 'yaml', name: 'JSON Resume, YAML', languageId: 'yaml', fileName: (n) => `bench-${n}.resume.yaml`, generate: generateResume },
  { key: 'json', name: 'JSON Resume, JSON', languageId: 'json', fileName: (n) => `bench-${n}.resume.json`, generate: generateJsonResume },
  { key: 'rendercv', name: 'RenderCV', languageId: 'yaml', fileName: (n) => `bench-${n}_CV.yaml`, generate: generateRenderCv },
];

interface Result {
  server: string;
  layout: BenchLayout;
  /** The size asked for: lines as JSON Resume in YAML, the same bullets in every layout. */
  lines: number;
  /** The lines of the file measured. */
  fileLines: number;
  readyMs: number;
  firstDiagnosticsMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  completionP50: number;
  completionP95: number;
  /** Items in the completion answer; none means there was nothing to time. */
  completionItems: number;
  peakRssMb: number;
  /** The budgets it misses (Bulletproof only). */
  missed: string[];
}

const SCHEMA_URI = pathToFileURL(path.join(REPO_ROOT, 'schemas', 'resume.schema.json')).toString();

const BULLETPROOF: ServerUnderTest = {
  name: 'bulletproof',
  // `BULLETPROOF_SERVER` measures another build (or a wrapper that profiles it).
  serverPath: SERVER_PATH,
  settings: {},
  versioned: true,
  completes: true,
};

const YAML_LANGUAGE_SERVER: ServerUnderTest = {
  name: 'yaml-language-server',
  serverPath: require.resolve('yaml-language-server/bin/yaml-language-server', { paths: [REPO_ROOT] }),
  settings: {
    yaml: {
      validate: true,
      hover: false,
      completion: false,
      format: { enable: false },
      schemaStore: { enable: false },
      schemas: { [SCHEMA_URI]: '*.yaml' },
    },
  },
  versioned: false,
  completes: false,
};

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** Peak resident set size of a process, from Linux's /proc; NaN elsewhere. */
function peakRssMb(pid: number | undefined): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

interface Measurement {
  file: string;
  languageId: 'yaml' | 'json';
  text: string;
  edits: number;
  completions: number;
  typeAt?: number;
}

async function measure(server: ServerUnderTest, run: Measurement): Promise<Omit<Result, 'layout' | 'lines' | 'missed'>> {
  const { file, text, edits } = run;
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const spawned = performance.now();
  const client = await LspClient.start({
    serverPath: server.serverPath,
    settings: server.settings,
    workspaceFolders: [{ uri: pathToFileURL(path.dirname(file)).toString(), name: 'bench' }],
    timeoutMs: 120_000,
    retainDiagnostics: 'latest',
  });
  const readyMs = performance.now() - spawned;
  try {
    const opened = performance.now();
    await client.open(uri, text, run.languageId);
    await client.waitForDiagnostics(uri);
    const firstDiagnosticsMs = performance.now() - opened;

    const start = client.document(uri).positionAt(run.typeAt ?? typingOffset(text));
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const at = { line: start.line, character: start.character + i };
      const since = client.mark();
      const typed = performance.now();
      const version = await client.change(uri, [{ range: { start: at, end: at }, text: 'abcdefghij'.charAt(i % 10) }]);
      await client.waitForDiagnostics(uri, server.versioned ? { version, since } : { since });
      latencies.push(performance.now() - typed);
    }
    latencies.sort((a, b) => a - b);
    const completion = server.completes ? await measureCompletion(client, uri, run.completions) : { latencies: [], items: 0 };
    // An empty answer is quick because it is empty: it is not a completion time.
    const completions = completion.items > 0 ? completion.latencies : [];
    const peak = peakRssMb(client.pid);
    return {
      server: server.name,
      fileLines: text.split('\n').length - 1,
      readyMs,
      firstDiagnosticsMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      completionP50: percentile(completions, 50),
      completionP95: percentile(completions, 95),
      completionItems: completion.items,
      peakRssMb: peak,
    };
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}

/**
 * Completion before the last work entry's `position` key, asked `times`
 * times on the typed document: the keys an entry can have. Also says how
 * many items the answer held.
 */
async function measureCompletion(client: LspClient, uri: string, times: number): Promise<{ latencies: number[]; items: number }> {
  const document = client.document(uri);
  const position = document.positionAt(completionOffset(document.getText()));
  const latencies: number[] = [];
  let items = 0;
  for (let i = 0; i < times; i++) {
    const asked = performance.now();
    const answer = await client.request(CompletionRequest.type, { textDocument: { uri }, position });
    latencies.push(performance.now() - asked);
    items = (Array.isArray(answer) ? answer : (answer?.items ?? [])).length;
  }
  return { latencies: latencies.sort((a, b) => a - b), items };
}

const ms = (value: number) => (Number.isNaN(value) ? '—' : value >= 100 ? value.toFixed(0) : value.toFixed(1));

function table(results: Result[]): string {
  const rows = [
    '| lines | layout | server | file lines | ready | first diagnostics | keystroke p50 | p95 | p99 | max | completion p50 | p95 | peak RSS | budgets |',
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const result of results) {
    const kept = result.completionItems === 0 ? 'kept (no completion offered there)' : 'kept';
    const budgets = result.server !== BULLETPROOF.name ? '' : result.missed.length === 0 ? kept : `**missed**: ${result.missed.join('; ')}`;
    const msCell = (value: number) => (Number.isNaN(value) ? '—' : `${ms(value)} ms`);
    rows.push(
      `| ${result.lines.toLocaleString('en-US')} | ${result.layout.name} | ${result.server} | ${result.fileLines.toLocaleString('en-US')} | ${msCell(result.readyMs)} | ${msCell(result.firstDiagnosticsMs)} | ${msCell(result.p50)} | ${msCell(result.p95)} | ${msCell(result.p99)} | ${msCell(result.max)} | ${msCell(result.completionP50)} | ${msCell(result.completionP95)} | ${result.peakRssMb.toFixed(0)} MB | ${budgets} |`,
    );
  }
  return rows.join('\n');
}

/** "3.4× faster" or "1.4× slower": a ratio below one reads better the other way round. */
function compare(theirs: number, ours: number, better: string, worse: string): string {
  return theirs >= ours ? `${(theirs / ours).toFixed(1)}× ${better}` : `${(ours / theirs).toFixed(1)}× ${worse}`;
}

/** Bulletproof against yaml-language-server on the YAML files, the only ones both read. */
function ratios(results: Result[]): string {
  const yaml = results.filter((result) => result.layout.key === 'yaml');
  const rows = ['| lines | keystroke p50 | keystroke p95 | peak memory |', '| ---: | ---: | ---: | ---: |'];
  for (const size of new Set(yaml.map((result) => result.lines))) {
    const ours = yaml.find((result) => result.lines === size && result.server === BULLETPROOF.name);
    const theirs = yaml.find((result) => result.lines === size && result.server !== BULLETPROOF.name);
    if (!ours || !theirs) continue;
    rows.push(
      `| ${size.toLocaleString('en-US')} | ${compare(theirs.p50, ours.p50, 'faster', 'slower')} | ${compare(theirs.p95, ours.p95, 'faster', 'slower')} | ${compare(theirs.peakRssMb, ours.peakRssMb, 'smaller', 'larger')} |`,
    );
  }
  return rows.length > 2 ? rows.join('\n') : '';
}

/** Each hostile scenario through Bulletproof alone: the other server is not built for them. */
async function hostile(edits: number, dir: string): Promise<void> {
  const rows = ['| document | first diagnostics | keystroke p50 | p95 | max | peak RSS |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const scenario of hostileScenarios()) {
    const file = path.join(dir, 'hostile.resume.yaml');
    const result = await measure(BULLETPROOF, {
      file,
      languageId: 'yaml',
      text: scenario.text,
      edits,
      completions: 0,
      typeAt: scenario.typeAt,
    });
    const row = `| ${scenario.name} | ${ms(result.firstDiagnosticsMs)} ms | ${ms(result.p50)} ms | ${ms(result.p95)} ms | ${ms(result.max)} ms | ${result.peakRssMb.toFixed(0)} MB |`;
    console.log(row);
    rows.push(row);
  }
  console.log(`\n${rows.join('\n')}`);
}

function chosenLayouts(): BenchLayout[] {
  const keys = process.argv.includes('--json')
    ? ['json']
    : (argument('layouts') ?? LAYOUTS.map((layout) => layout.key).join(',')).split(',');
  const unknown = keys.filter((key) => !LAYOUTS.some((layout) => layout.key === key));
  if (unknown.length > 0)
    throw new Error(`unknown layout ${unknown.join(', ')}: choose among ${LAYOUTS.map((layout) => layout.key).join(', ')}`);
  return LAYOUTS.filter((layout) => keys.includes(layout.key));
}

async function main(): Promise<void> {
  if (process.argv.includes('--hostile')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-bench-'));
    try {
      await hostile(Number(argument('edits') ?? 20), dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const sizes = (argument('sizes') ?? '200,1000,10000,50000').split(',').map(Number);
  const edits = Number(argument('edits') ?? 200);
  const completions = Number(argument('completions') ?? 50);
  const layouts = chosenLayouts();
  const only = argument('server');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-bench-'));
  const results: Result[] = [];
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, ${edits} edits and ${completions} completions per file\n`);
  try {
    for (const lines of sizes) {
      for (const layout of layouts) {
        const text = layout.generate(lines);
        // yaml-language-server is set up for JSON Resume in YAML only.
        const servers = layout.key === 'yaml' ? [BULLETPROOF, YAML_LANGUAGE_SERVER] : [BULLETPROOF];
        for (const server of servers.filter((candidate) => !only || candidate.name === only)) {
          const file = path.join(dir, layout.fileName(lines));
          const measured = await measure(server, { file, languageId: layout.languageId, text, edits, completions });
          const missed =
            server === BULLETPROOF
              ? missedBudgets({
                  lines,
                  readyMs: measured.readyMs,
                  firstDiagnosticsMs: measured.firstDiagnosticsMs,
                  keystrokeP95Ms: measured.p95,
                  completionP95Ms: measured.completionP95,
                  peakRssMb: measured.peakRssMb,
                })
              : [];
          const result: Result = { ...measured, layout, lines, missed };
          results.push(result);
          console.log(
            `${server.name.padEnd(22)} ${layout.name.padEnd(18)} ${String(result.fileLines).padStart(6)} lines: ready ${ms(result.readyMs)} ms, first ${ms(result.firstDiagnosticsMs)} ms, keystroke p50 ${ms(result.p50)} / p95 ${ms(result.p95)} / p99 ${ms(result.p99)} / max ${ms(result.max)} ms, completion p50 ${ms(result.completionP50)} / p95 ${ms(result.completionP95)} ms, peak RSS ${result.peakRssMb.toFixed(0)} MB${missed.length ? `  MISSED: ${missed.join('; ')}` : ''}`,
          );
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const against = ratios(results);
  const report = [
    table(results),
    `Budgets, the same for every layout:\n\n${budgetTable()}`,
    against && `Bulletproof against yaml-language-server:\n\n${against}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  console.log(`\n${report}`);
  if (process.argv.includes('--write-readme')) {
    const readme = path.join(REPO_ROOT, 'README.md');
    const current = fs.readFileSync(readme, 'utf8');
    const block = `<!-- bench:start -->\n${report}\n<!-- bench:end -->`;
    fs.writeFileSync(readme, current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
    console.log('\nREADME.md updated.');
  }
  const missed = results.filter((result) => result.missed.length > 0);
  if (missed.length > 0) {
    console.error(`\n${missed.length} of ${results.length} runs missed a budget:`);
    for (const result of missed)
      console.error(`  ${result.layout.name}, ${result.lines.toLocaleString('en-US')} lines: ${result.missed.join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
