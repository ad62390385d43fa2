/**
 * `npm run bench`: starts each language server over stdio and types into a
 * resume as an editor does, measuring what a person feels: time to ready,
 * time to first diagnostics, keystroke to diagnostics, and peak memory.
 * Compares Bulletproof with Red Hat's yaml-language-server validating the
 * same files against the same schema.
 *
 *   npm run bench                     every size, 200 edits each
 *   npm run bench -- --sizes 200,1000 --edits 50
 *   npm run bench -- --write-readme   also replace the table in README.md
 *   npm run bench -- --json           Bulletproof alone, on the same resumes written as JSON
 *   npm run bench -- --hostile        Bulletproof alone on documents far past
 *                                     any resume: aliases by the ten thousand, 4 to 50 MB
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO_ROOT } from '../test/support/lspClient';
import { generateJsonResume, generateResume, hostileScenarios, typingOffset } from './generate';

interface ServerUnderTest {
  name: string;
  serverPath: string;
  settings: Record<string, unknown>;
  /** Whether publishes carry the document version (ours do). */
  versioned: boolean;
}

interface Result {
  server: string;
  lines: number;
  readyMs: number;
  firstDiagnosticsMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  peakRssMb: number;
}

const SCHEMA_URI = pathToFileURL(path.join(REPO_ROOT, 'schemas', 'resume.schema.json')).toString();

const BULLETPROOF: ServerUnderTest = {
  name: 'bulletproof',
  serverPath: path.join(REPO_ROOT, 'dist', 'server.js'),
  settings: {},
  versioned: true,
};

const SERVERS: ServerUnderTest[] = [
  BULLETPROOF,
  {
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
  },
];

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

async function measure(
  server: ServerUnderTest,
  lines: number,
  text: string,
  edits: number,
  dir: string,
  typeAt = typingOffset(text),
  format: 'yaml' | 'json' = 'yaml',
): Promise<Result> {
  const file = path.join(dir, `bench-${lines}.resume.${format}`);
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const spawned = performance.now();
  const client = await LspClient.start({
    serverPath: server.serverPath,
    settings: server.settings,
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }],
    timeoutMs: 120_000,
    retainDiagnostics: 'latest',
  });
  const readyMs = performance.now() - spawned;
  try {
    const opened = performance.now();
    await client.open(uri, text, format);
    await client.waitForDiagnostics(uri);
    const firstDiagnosticsMs = performance.now() - opened;

    const start = client.document(uri).positionAt(typeAt);
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
    const peak = peakRssMb(client.pid);
    return {
      server: server.name,
      lines,
      readyMs,
      firstDiagnosticsMs,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? NaN,
      peakRssMb: peak,
    };
  } finally {
    await client.shutdown().catch(() => undefined);
  }
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function table(results: Result[]): string {
  const rows = [
    '| lines | server | ready | first diagnostics | keystroke p50 | p95 | p99 | max | peak RSS |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const result of results) {
    rows.push(
      `| ${result.lines.toLocaleString('en-US')} | ${result.server} | ${ms(result.readyMs)} ms | ${ms(result.firstDiagnosticsMs)} ms | ${ms(result.p50)} ms | ${ms(result.p95)} ms | ${ms(result.p99)} ms | ${ms(result.max)} ms | ${result.peakRssMb.toFixed(0)} MB |`,
    );
  }
  return rows.join('\n');
}

/** "3.4× faster" or "1.4× slower": a ratio below one reads better the other way round. */
function compare(theirs: number, ours: number, better: string, worse: string): string {
  return theirs >= ours ? `${(theirs / ours).toFixed(1)}× ${better}` : `${(ours / theirs).toFixed(1)}× ${worse}`;
}

function ratios(results: Result[]): string {
  const lines = [...new Set(results.map((result) => result.lines))];
  const rows = ['| lines | keystroke p50 | keystroke p95 | peak memory |', '| ---: | ---: | ---: | ---: |'];
  for (const size of lines) {
    const ours = results.find((result) => result.lines === size && result.server === 'bulletproof');
    const theirs = results.find((result) => result.lines === size && result.server !== 'bulletproof');
    if (!ours || !theirs) continue;
    rows.push(
      `| ${size.toLocaleString('en-US')} | ${compare(theirs.p50, ours.p50, 'faster', 'slower')} | ${compare(theirs.p95, ours.p95, 'faster', 'slower')} | ${compare(theirs.peakRssMb, ours.peakRssMb, 'smaller', 'larger')} |`,
    );
  }
  return rows.join('\n');
}

/** Each hostile scenario through Bulletproof alone: the other server is not built for them. */
async function hostile(edits: number, dir: string): Promise<void> {
  const rows = ['| document | first diagnostics | keystroke p50 | p95 | max | peak RSS |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const scenario of hostileScenarios()) {
    const result = await measure(BULLETPROOF, 0, scenario.text, edits, dir, scenario.typeAt);
    const row = `| ${scenario.name} | ${ms(result.firstDiagnosticsMs)} ms | ${ms(result.p50)} ms | ${ms(result.p95)} ms | ${ms(result.max)} ms | ${result.peakRssMb.toFixed(0)} MB |`;
    console.log(row);
    rows.push(row);
  }
  console.log(`\n${rows.join('\n')}`);
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
  const json = process.argv.includes('--json');
  // yaml-language-server is not set up to read JSON: the JSON run is Bulletproof's alone.
  const only = json ? BULLETPROOF.name : argument('server');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletproof-bench-'));
  const results: Result[] = [];
  console.log(`Node ${process.version}, ${os.cpus().length} CPUs, ${edits} edits per file\n`);
  try {
    for (const lines of sizes) {
      const text = json ? generateJsonResume(lines) : generateResume(lines);
      for (const server of SERVERS.filter((candidate) => !only || candidate.name === only)) {
        const result = await measure(server, lines, text, edits, dir, typingOffset(text), json ? 'json' : 'yaml');
        results.push(result);
        console.log(
          `${server.name.padEnd(22)} ${String(text.split('\n').length - 1).padStart(6)} lines: ready ${ms(result.readyMs)} ms, first ${ms(result.firstDiagnosticsMs)} ms, keystroke p50 ${ms(result.p50)} / p95 ${ms(result.p95)} / p99 ${ms(result.p99)} / max ${ms(result.max)} ms, peak RSS ${result.peakRssMb.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const report = `${table(results)}\n\nBulletproof against yaml-language-server:\n\n${ratios(results)}`;
  console.log(`\n${report}`);
  if (process.argv.includes('--write-readme')) {
    const readme = path.join(REPO_ROOT, 'README.md');
    const current = fs.readFileSync(readme, 'utf8');
    const block = `<!-- bench:start -->\n${report}\n<!-- bench:end -->`;
    fs.writeFileSync(readme, current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, block));
    console.log('\nREADME.md updated.');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
