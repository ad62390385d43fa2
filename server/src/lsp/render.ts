/**
 * The page in the language server: page checks after typing stops, and the
 * `bulletproof/render` and `bulletproof/exportPdf` requests. Every render
 * goes through the {@link RenderService} (a child process), so the lint on
 * the keystroke path never waits for a compiler.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/types';
import { renderPreferences, type Settings } from '../engine/settings';
import { MAX_RENDER_CHARS } from '../engine/limits';
import { formatOfName, formatOfText } from '../engine/jsonParse';
import type { RenderResponse } from '../node/render/protocol';
import type { RenderService } from '../node/render/service';
import { createFileAtomic, decodeText } from '../node/atomicWrite';
import { READ_LIMITS, readRegularFile } from '../node/readFile';
import type { Connection } from 'vscode-languageserver/node';
import {
  EXPORT_PDF_REQUEST,
  RENDER_REQUEST,
  type ExportPdfParams,
  type ExportPdfResult,
  type RenderParams,
  type RenderResult,
} from '../protocol';
import type { Guard } from './guard';
import { formatOfDocument } from './documentState';
import { exportPdfParams, pdfPathOf, renderParams, renderRequestOf, type RenderInput } from './renderRequest';
import { filePathOf, namePathOf } from './uris';

/** Quiet this long after the last change before the page is checked. */
export const PAGE_CHECK_DELAY_MS = 1500;

export interface PageCheckHost {
  service: Pick<RenderService, 'check'>;
  document(uri: string): TextDocument | undefined;
  /** How this version of the document was checked: as a resume (with these settings) or not; undefined when not checked yet. */
  checked(uri: string, version: number): { resume: boolean; settings: Settings } | undefined;
  publish(uri: string): void;
  log(line: string): void;
  delayMs?: number;
}

/**
 * Page findings per document, each for the version it was rendered from:
 * published beside that version's text findings, never beside another's.
 */
export class PageChecks {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly found = new Map<string, { version: number; findings: Finding[] }>();
  /** No compiler in this build: nothing to ask for the rest of the session. */
  private unavailable = false;

  constructor(private readonly host: PageCheckHost) {}

  /** The text changed (or the settings did): check the page once typing stops. */
  schedule(uri: string): void {
    if (this.unavailable) return;
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      void this.run(uri).catch((error: unknown) => this.host.log(`Page checks of ${uri} failed: ${messageOf(error)}`));
    }, this.host.delayMs ?? PAGE_CHECK_DELAY_MS);
    this.timers.set(uri, timer);
  }

  /** The page findings for this version of the document, or none. */
  findingsFor(uri: string, version: number): readonly Finding[] {
    const found = this.found.get(uri);
    return found?.version === version ? found.findings : [];
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.found.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async run(uri: string): Promise<void> {
    const document = this.host.document(uri);
    if (!document || this.unavailable) return;
    const { version } = document;
    const checked = this.host.checked(uri, version);
    // The text check of this version has not run yet (settings still on their way): wait for it.
    if (!checked) return this.schedule(uri);
    const { resume, settings } = checked;
    // Past the size a resume is typeset at, the worker would refuse it: the text is not even sent.
    if (!resume || !renderPreferences(settings).checks || document.getText().length > MAX_RENDER_CHARS) {
      this.drop(uri);
      return;
    }
    const request = renderRequestOf(inputOf(document, settings), 'none', true);
    const response = await this.host.service.check(uri, request);
    // Superseded by a newer check, or the text moved on meanwhile: these findings would be in the wrong places.
    if (!response || this.host.document(uri)?.version !== version) return;
    if (response.ok) {
      this.found.set(uri, { version, findings: response.findings });
      this.host.publish(uri);
      return;
    }
    this.drop(uri);
    if (response.reason === 'unavailable') {
      this.unavailable = true;
      this.host.log(`Page checks are off for this session: ${response.message}.`);
    } else if (response.reason === 'failed') {
      this.host.log(`Page checks of ${uri} failed: ${response.message}`);
    }
    // 'unrenderable': the text findings already say what keeps the resume off the page.
  }

  private drop(uri: string): void {
    if (this.found.delete(uri)) this.host.publish(uri);
  }
}

/** Text findings and page findings in one list, in file order, as a publish wants them. */
export function withPageFindings(findings: readonly Finding[], page: readonly Finding[]): readonly Finding[] {
  if (page.length === 0) return findings;
  return [...findings, ...page].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

/** `bulletproof/render` and `bulletproof/exportPdf` on the connection, behind the guard. */
export function registerRenderRequests(connection: Connection, guard: Guard, host: RenderHost): void {
  const failed = (what: string) => ({
    ok: false as const,
    reason: 'failed' as const,
    message: `Bulletproof failed to ${what} this resume; details are in the Bulletproof output.`,
  });
  connection.onRequest<RenderResult, void>(
    RENDER_REQUEST,
    guard.request(
      RENDER_REQUEST,
      renderParams,
      (params) => params.uri,
      (params) => renderDocument(host, params),
      failed('render'),
    ),
  );
  connection.onRequest<ExportPdfResult, void>(
    EXPORT_PDF_REQUEST,
    guard.request(
      EXPORT_PDF_REQUEST,
      exportPdfParams,
      (params) => params.uri,
      (params) => exportPdf(host, params),
      failed('export'),
    ),
  );
}

export interface RenderHost {
  service: Pick<RenderService, 'render'>;
  document(uri: string): TextDocument | undefined;
  settingsFor(uri: string): Promise<Settings>;
}

/** `bulletproof/render`: the open document (or the file) typeset. */
export async function renderDocument(host: RenderHost, params: RenderParams): Promise<RenderResult> {
  const input = await inputFor(host, params.uri);
  if ('message' in input) return { ok: false, reason: 'unreadable', message: input.message };
  const response = await host.service.render(renderRequestOf(input, params.output, false, params.settings));
  if (!response.ok) return { ok: false, reason: response.reason, message: failureMessage(response) };
  const output = response.output ?? '';
  const data =
    typeof output === 'string'
      ? { data: output, encoding: 'text' as const }
      : { data: Buffer.from(output).toString('base64'), encoding: 'base64' as const };
  return { ok: true, ...data, pages: response.pages, message: [`Rendered ${pagesOf(response.pages)}.`, ...response.notes].join(' ') };
}

/** `bulletproof/exportPdf`: `<name>.pdf` beside the resume, written whole or not at all. */
export async function exportPdf(host: RenderHost, params: ExportPdfParams): Promise<ExportPdfResult> {
  const resumePath = filePathOf(params.uri);
  if (resumePath === undefined)
    return { ok: false, reason: 'unreadable', message: 'Save the resume as a local file first: the PDF is written beside it.' };
  const target = pdfPathOf(resumePath);
  const refused = refusal(target);
  if (refused) return refused;
  const input = await inputFor(host, params.uri);
  if ('message' in input) return { ok: false, reason: 'unreadable', message: input.message };
  const response = await host.service.render(renderRequestOf(input, 'pdf', false));
  if (!response.ok) return { ok: false, reason: response.reason, message: failureMessage(response) };
  if (!(response.output instanceof Uint8Array)) return { ok: false, reason: 'failed', message: 'The renderer gave no PDF.' };
  // Checked again just before the write: a file may have taken the name while the resume was typeset.
  const late = refusal(target);
  if (late) return late;
  const written = createFileAtomic(target, response.output, { overwrite: true });
  if (!written.ok) return { ok: false, reason: 'failed', message: `Could not write ${target}: ${written.reason}.` };
  return {
    ok: true,
    path: target,
    pages: response.pages,
    message: [`Wrote ${path.basename(target)} (${pagesOf(response.pages)}).`, ...response.notes].join(' '),
  };
}

const PDF_HEADER = '%PDF-';

/** The answer when a file at `target` must not be replaced by a PDF. */
function refusal(target: string): ExportPdfResult | undefined {
  const why = notAPdf(target);
  const message = `${path.basename(target)} exists and ${why}: it is left as it is. Move or rename it, then export again.`;
  return why === undefined ? undefined : { ok: false, reason: 'refused', message };
}

/** Why an existing file at `target` must not be replaced by a PDF; undefined when there is none, or it is a PDF. */
function notAPdf(target: string): string | undefined {
  let fd: number;
  try {
    // Non-blocking: a FIFO with no writer answers at once.
    fd = fs.openSync(target, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? undefined : `cannot be read (${code ?? messageOf(error)})`;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return 'is not a regular file';
    const header = Buffer.alloc(PDF_HEADER.length);
    const read = fs.readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.toString('latin1') === PDF_HEADER ? undefined : 'is not a PDF';
  } catch (error) {
    return `cannot be read (${messageOf(error)})`;
  } finally {
    fs.closeSync(fd);
  }
}

/** The editor's text when the document is open (saved or not), else the file's. */
async function inputFor(host: RenderHost, uri: string): Promise<RenderInput | { message: string }> {
  const settings = await host.settingsFor(uri);
  const document = host.document(uri);
  if (document) return inputOf(document, settings);
  const file = filePathOf(uri);
  if (file === undefined) return { message: 'Open the resume first: its address is not a local file.' };
  const read = readRegularFile(file, READ_LIMITS.resumeBytes);
  const decoded = read.ok ? decodeText(read.bytes) : undefined;
  if (!decoded) return { message: `Could not read ${file}: ${read.ok ? 'it is not UTF-8 text' : read.reason}.` };
  return { text: decoded.text, fileName: file, format: formatOfName(file) ?? formatOfText(decoded.text), settings };
}

export function inputOf(document: TextDocument, settings: Settings): RenderInput {
  const fileName = filePathOf(document.uri) ?? namePathOf(document.uri);
  return { text: document.getText(), ...(fileName !== undefined && { fileName }), format: formatOfDocument(document), settings };
}

function failureMessage(response: Extract<RenderResponse, { ok: false }>): string {
  switch (response.reason) {
    case 'unavailable':
      return `Rendering needs the build of Bulletproof for this platform (${process.platform}-${process.arch}); this one cannot typeset. Details: ${response.message}`;
    case 'unrenderable':
      return `The resume cannot be typeset: ${response.message}`;
    case 'failed':
      return `Rendering failed: ${response.message}`;
  }
}

const pagesOf = (pages: number) => `${pages} page${pages === 1 ? '' : 's'}`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
