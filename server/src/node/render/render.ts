/**
 * A render: the resume's text to a page (PDF, SVG or Typst markup) and the
 * page rules' findings. Loads the Typst compiler and pdf.js on first use.
 */
import { pageDocument } from '../../engine/page/pageDoc';
import { lintPage } from '../../engine/page/lintPage';
import { typstMarkup, THEME_FONTS, typstString } from '../../engine/page/typst';
import type { PageDoc, PageFacts, RenderSettings } from '../../engine/page/types';
import { parseResume } from '../../engine/document';
import { describeSize, MAX_RENDER_CHARS } from '../../engine/limits';
import type { ResumeModel } from '../../engine/model';
import type { Finding } from '../../engine/types';
import { lint } from '../../linter';
import { pageRules } from '../../rules/registry';
import { pdfPageTexts } from './pdfText';
import type { RenderRequest, RenderResponse } from './protocol';
import { printedBullets, typstPages, type TypstPages } from './typst';

export async function renderResume(request: RenderRequest): Promise<RenderResponse> {
  if (request.text.length > MAX_RENDER_CHARS) {
    const message = `it is ${describeSize(request.text.length)}, and Bulletproof typesets a resume of up to ${describeSize(MAX_RENDER_CHARS)}`;
    return { ok: false, reason: 'unrenderable', message, findings: [] };
  }
  const options = request.lint ?? {};
  const read = { fileName: request.fileName, layout: options.layout, format: options.format };
  // The model alone, as the linter reads it: a page needs no text rule's findings, and a preview renders on every change.
  const model = parseResume(request.text, read);
  const built = pageDocument(model);
  if (!built.ok) {
    // Only a page that cannot be made says why with the file's errors: the text rules run for those alone.
    const { findings } = lint(request.text, { ...read, rules: options.rules, role: options.role });
    return { ok: false, reason: 'unrenderable', message: built.message, findings: errorsOf(findings) };
  }
  const { doc } = built;
  const markup = typstMarkup(doc, request.settings);
  const notes = themeNotes(model, request.settings);
  if (model.syntaxProblems.some((problem) => problem.code === 'DUPLICATE_KEY'))
    notes.push('A key is set twice in the file: the page shows its last value.');
  if (request.output === 'typst' && !request.checks) return { ok: true, output: markup.source, pages: 0, findings: [], notes };

  const typst = typstPages();
  if ('unavailable' in typst) return { ok: false, reason: 'unavailable', message: typst.unavailable, findings: [] };
  const compiled = typst.compile(markup.source);
  if (!compiled.ok) return { ok: false, reason: 'failed', message: `The page could not be typeset: ${compiled.message}`, findings: [] };
  try {
    const pdf = request.output === 'pdf' || request.checks ? typst.pdf(compiled.document) : undefined;
    const output =
      request.output === 'pdf'
        ? pdf
        : request.output === 'svg'
          ? typst.svg(compiled.document)
          : request.output === 'typst'
            ? markup.source
            : undefined;
    const printed = printedBullets(typst.marks(compiled.document), markup.markedBullets);
    let pageFindings: Finding[] = [];
    let facts: PageFacts | undefined;
    if (request.checks && pdf) {
      facts = {
        settings: request.settings,
        pages: compiled.pages,
        bullets: printed,
        text: await pdfPageTexts(pdf),
        missingGlyphs: await missingGlyphs(typst, markup.characters, request.settings),
      };
      pageFindings = checkPage(model, doc, facts, request);
    }
    return {
      ok: true,
      ...(output !== undefined && { output }),
      pages: compiled.pages,
      findings: pageFindings,
      ...(facts && { facts }),
      printed,
      notes,
    };
  } finally {
    typst.evict();
  }
}

function checkPage(model: ResumeModel, doc: PageDoc, facts: PageFacts, request: RenderRequest): Finding[] {
  const options = request.lint ?? {};
  const today = options.today ? new Date(options.today) : undefined;
  return lintPage(pageRules, model, doc, facts, {
    rules: options.rules,
    role: options.role,
    ...(today && !Number.isNaN(today.getTime()) && { today }),
    ...(options.maxPages !== undefined && { maxPages: options.maxPages }),
  }).findings;
}

/** The findings that leave nothing to print: the file's errors. */
function errorsOf(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}

/**
 * The characters the theme's font cannot show, found by printing each
 * between bars and reading the PDF back: a glyph the font lacks reads back
 * as nothing, or as U+0000. ASCII is always there.
 */
async function missingGlyphs(typst: TypstPages, characters: readonly string[], settings: RenderSettings): Promise<string[]> {
  const probed = characters.filter((char) => !/^[\x20-\x7e]$/.test(char));
  if (probed.length === 0) return [];
  const source = [
    '#set document(date: none)',
    '#set page(width: 8in, height: auto, margin: 10pt)',
    `#set text(font: (${typstString(THEME_FONTS[settings.theme])},), fallback: false, hyphenate: false)`,
    `#${typstString(`|${probed.join('|')}|`)}`,
  ].join('\n');
  const compiled = typst.compile(source);
  if (!compiled.ok) return [];
  const text = (await pdfPageTexts(typst.pdf(compiled.document))).join('').replace(/\s+/g, '');
  const read = text.split('|').slice(1, -1);
  // Read back cell by cell only when every cell came back: else nothing is claimed.
  if (read.length !== probed.length) return [];
  return probed.filter((char, index) => read[index] !== char.replace(/\s+/g, ''));
}

/** What the page is not: a RenderCV file's own theme. */
function themeNotes(model: ResumeModel, settings: RenderSettings): string[] {
  if (model.layout.id !== 'rendercv') return [];
  const design = (model.value as { design?: { theme?: unknown } } | undefined)?.design;
  const theme = typeof design?.theme === 'string' ? design.theme : undefined;
  return theme
    ? [
        `The page is Bulletproof's ${settings.theme} theme, not RenderCV's \`${theme}\`: the page advice describes this page; RenderCV's own page may differ.`,
      ]
    : [];
}
