/**
 * `npm run bench` (render part): what rendering costs, in the process that
 * renders (the CLI, or the language server's render worker): loading the
 * compiler and pdf.js, then for each size, markup → PDF, markup → SVG (what
 * a preview shows), and the page checks (PDF, pdf.js text, glyph probe,
 * page rules), each repeated and given as p50/p95; and the peak memory of
 * the rendering process. The lint server itself never loads any of this.
 *
 *   node bench/build.mjs --script render [--runs 20] [--sizes 200,1000]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { lint } from '../server/src/linter';
import { pageDocument } from '../server/src/engine/page/pageDoc';
import { typstMarkup } from '../server/src/engine/page/typst';
import { renderResume } from '../server/src/node/render/render';
import { typstPages } from '../server/src/node/render/typst';
import { generateResume } from './generate';

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const runs = Number(argument('runs', '20'));
const sizes = argument('sizes', '200,1000').split(',').map(Number);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timed(run: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  const loadStart = performance.now();
  const pages = typstPages();
  if ('unavailable' in pages) {
    console.log(`render bench: skipped (${pages.unavailable})`);
    return;
  }
  const example = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'backend.resume.yaml'), 'utf8');
  // The first render loads pdf.js and creates the compiler: what the first Export PDF waits for.
  const first = await renderResume({ text: example, settings: { theme: 'classic', paper: 'us-letter' }, output: 'pdf', checks: true });
  const coldMs = performance.now() - loadStart;
  if (!first.ok) throw new Error(first.message);
  console.log(`Render: first render with checks (compiler and pdf.js loaded) ${ms(coldMs)}`);
  console.log('');
  console.log('| Resume | Pages | Markup | PDF p50 / p95 | SVG p50 / p95 | Page checks p50 / p95 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const cases: [string, string][] = [
    ['examples/backend.resume.yaml', example],
    ...sizes.map((lines): [string, string] => [`${lines} lines`, generateResume(lines)]),
  ];
  for (const [name, text] of cases) {
    const built = pageDocument(lint(text).model);
    if (!built.ok) throw new Error(built.message);
    const markupMs = await timed(() => typstMarkup(built.doc, { theme: 'classic', paper: 'us-letter' }));
    const { source } = typstMarkup(built.doc, { theme: 'classic', paper: 'us-letter' });
    const compiled = () => {
      const result = pages.compile(source);
      if (!result.ok) throw new Error(result.message);
      return result;
    };
    const pdfMs = await timed(() => pages.pdf(compiled().document));
    const svgMs = await timed(() => pages.svg(compiled().document));
    const request = { text, settings: { theme: 'classic', paper: 'us-letter' }, output: 'none', checks: true } as const;
    const checksMs = await timed(() => renderResume(request));
    const count = compiled().pages;
    console.log(
      `| ${name} | ${count} | ${ms(percentile(markupMs, 50))} | ${ms(percentile(pdfMs, 50))} / ${ms(percentile(pdfMs, 95))} | ${ms(percentile(svgMs, 50))} / ${ms(percentile(svgMs, 95))} | ${ms(percentile(checksMs, 50))} / ${ms(percentile(checksMs, 95))} |`,
    );
    pages.evict();
  }
  console.log('');
  console.log(
    `Peak memory of the rendering process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB (the lint server does not load the compiler).`,
  );
}

void main();
