/**
 * The live preview: while a preview of a resume is open, each new version
 * of it (once linted) is typeset as SVG by the render worker and sent to the
 * client with its marks: where each bullet printed, its range in the file,
 * and what the findings say about it. One render per preview at a time; a
 * version typed meanwhile is rendered next (the newest wins, the ones
 * between are skipped), and an answer older than the page already sent is
 * dropped.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection } from 'vscode-languageserver/node';
import { bulletId, type Bullet } from '../engine/model';
import type { Finding } from '../engine/types';
import type { PrintedBullet } from '../engine/page/types';
import type { Settings } from '../engine/settings';
import type { LintResult } from '../linter';
import type { RenderRequest, RenderResponse } from '../node/render/protocol';
import type { RenderService } from '../node/render/service';
import {
  PREVIEW_CLOSE_NOTIFICATION,
  PREVIEW_OPEN_REQUEST,
  type PreviewCloseParams,
  type PreviewMark,
  type PreviewMessage,
  type PreviewOpenParams,
  type PreviewOpenResult,
  type PreviewUpdate,
  type RenderSettingsOverrides,
} from '../protocol';
import type { Guard } from './guard';
import { Invalid, isRecord, type Parsed } from './params';
import { inputOf } from './render';
import { renderParams, renderRequestOf } from './renderRequest';

/** Quiet this long after a lint before the page is typeset: a burst of keys becomes one render. */
export const PREVIEW_DELAY_MS = 50;

export interface PreviewHost {
  service: Pick<RenderService, 'render'>;
  document(uri: string): TextDocument | undefined;
  /** How this version was linted: its result (none when it is not a resume) and settings; undefined when not yet. */
  checked(uri: string, version: number): { result?: LintResult; settings: Settings } | undefined;
  /** The page findings of this version (after typing stopped), or none. */
  pageFindings(uri: string, version: number): readonly Finding[];
  send(update: PreviewUpdate): void;
  log(line: string): void;
  delayMs?: number;
}

/** What a render was asked from: the text's bullets and findings of that version, kept for the answer. */
interface Snapshot {
  version: number;
  /** The request without the text: another one means another page. */
  key: string;
  document: TextDocument;
  bullets: readonly Bullet[];
  findings: readonly Finding[];
}

interface Sent {
  snapshot: Snapshot;
  pages: number;
  /** The render's notes on the page (a RenderCV theme it is not). */
  notes: readonly string[];
  printed: readonly PrintedBullet[];
  /** The page findings the marks were made with. */
  pageFindings: readonly Finding[];
}

interface Preview {
  overrides: RenderSettingsOverrides;
  timer?: NodeJS.Timeout;
  /** A render is on its way. */
  running: boolean;
  /** Asked for while one was on its way: another follows it. */
  again?: boolean;
  /** The last page sent, with what it was made from. */
  sent?: Sent;
  /** The last failure: for which version and request, and what was said. */
  failed?: { version: number; key: string; message: string };
}

export class Previews {
  private readonly previews = new Map<string, Preview>();
  /** No compiler in this build: said once per preview, never asked again. */
  private unavailable: string | undefined;

  constructor(private readonly host: PreviewHost) {}

  open(params: PreviewOpenParams): PreviewOpenResult {
    const { uri } = params;
    if (!this.host.document(uri)) return { ok: false, message: 'Open the resume in an editor first: the preview follows its text.' };
    const existing = this.previews.get(uri);
    const preview: Preview = existing ?? { overrides: {}, running: false };
    preview.overrides = params.settings ?? {};
    // Opened again (a reloaded window, a new panel): its page is sent again.
    preview.sent = undefined;
    preview.failed = undefined;
    this.previews.set(uri, preview);
    this.schedule(uri, preview, 0);
    return { ok: true };
  }

  close(uri: string): void {
    const preview = this.previews.get(uri);
    if (!preview) return;
    clearTimeout(preview.timer);
    this.previews.delete(uri);
  }

  /** The document was linted (or its page checked): a new version gets a new page, new page findings new marks. */
  published(uri: string): void {
    const preview = this.previews.get(uri);
    const document = this.host.document(uri);
    if (!preview || !document) return;
    const checked = this.host.checked(uri, document.version);
    if (!checked) return;
    const sent = preview.sent;
    if (sent && sent.snapshot.version === document.version && sent.snapshot.key === keyOf(this.requestFor(preview, document, checked)))
      this.sendNewMarks(uri, sent);
    else this.schedule(uri, preview, this.host.delayMs ?? PREVIEW_DELAY_MS);
  }

  /** The document was closed: its preview waits, with its last page, until it is opened again. */
  forget(uri: string): void {
    const preview = this.previews.get(uri);
    if (preview) clearTimeout(preview.timer);
  }

  dispose(): void {
    for (const preview of this.previews.values()) clearTimeout(preview.timer);
    this.previews.clear();
  }

  private schedule(uri: string, preview: Preview, delayMs: number): void {
    clearTimeout(preview.timer);
    preview.timer = setTimeout(() => {
      preview.timer = undefined;
      void this.run(uri, preview).catch((error: unknown) => this.host.log(`The preview of ${uri} failed: ${messageOf(error)}`));
    }, delayMs);
  }

  private async run(uri: string, preview: Preview): Promise<void> {
    // One at a time: the one running schedules the next when it is done.
    if (this.previews.get(uri) !== preview) return;
    if (preview.running) {
      preview.again = true;
      return;
    }
    const document = this.host.document(uri);
    if (!document) return;
    const checked = this.host.checked(uri, document.version);
    // Not linted yet: the lint's publish brings it back here.
    if (!checked) return;
    const version = document.version;
    if (this.unavailable !== undefined) return this.sendFailure(uri, preview, version, '', 'unavailable', this.unavailable);
    if (!checked.result) {
      const message =
        'This file is not read as a resume, so there is no page to show. Name it like a resume or start it with `# bulletproof`.';
      return this.sendFailure(uri, preview, version, '', 'not-a-resume', message);
    }
    const request = this.requestFor(preview, document, checked);
    const snapshot: Snapshot = {
      version,
      key: keyOf(request),
      document: TextDocument.create(uri, document.languageId, version, document.getText()),
      bullets: checked.result.model.bullets,
      findings: checked.result.findings,
    };
    if (preview.failed?.version === version && preview.failed.key === snapshot.key) return;
    preview.running = true;
    preview.again = false;
    let response: RenderResponse;
    try {
      response = await this.host.service.render(request);
    } finally {
      preview.running = false;
    }
    if (this.previews.get(uri) !== preview) return;
    this.answered(uri, preview, snapshot, response);
    // Typed meanwhile, or the settings changed: the newest is next.
    if (preview.again || this.host.document(uri)?.version !== version) this.schedule(uri, preview, 0);
  }

  private answered(uri: string, preview: Preview, snapshot: Snapshot, response: RenderResponse): void {
    // An answer older than the page on screen would take it back.
    if (preview.sent && preview.sent.snapshot.version > snapshot.version) return;
    if (!response.ok) {
      if (response.reason === 'unavailable' && this.unavailable === undefined) {
        this.unavailable = UNAVAILABLE;
        this.host.log(`The preview cannot typeset in this build: ${response.message}`);
      }
      const message = response.reason === 'unavailable' ? this.unavailable : failureMessage(response, snapshot.document);
      this.sendFailure(uri, preview, snapshot.version, snapshot.key, response.reason, message ?? response.message);
      return;
    }
    const pageFindings = this.host.pageFindings(uri, snapshot.version);
    const printed = response.printed ?? [];
    const sent: Sent = { snapshot, pages: response.pages, notes: response.notes, printed, pageFindings };
    preview.sent = sent;
    preview.failed = undefined;
    const request = JSON.parse(snapshot.key) as Omit<RenderRequest, 'text'>;
    this.host.send({
      uri,
      version: snapshot.version,
      svg: typeof response.output === 'string' ? response.output : '',
      pages: response.pages,
      settings: { theme: request.settings.theme, paper: request.settings.paper },
      ...marksAndNotes(sent),
    });
  }

  /** Page findings arrived (or went) for the page on screen: the same page, new marks. */
  private sendNewMarks(uri: string, sent: Sent): void {
    const pageFindings = this.host.pageFindings(uri, sent.snapshot.version);
    if (sameFindings(pageFindings, sent.pageFindings)) return;
    sent.pageFindings = pageFindings;
    const request = JSON.parse(sent.snapshot.key) as Omit<RenderRequest, 'text'>;
    this.host.send({
      uri,
      version: sent.snapshot.version,
      pages: sent.pages,
      settings: { theme: request.settings.theme, paper: request.settings.paper },
      ...marksAndNotes(sent),
    });
  }

  private sendFailure(
    uri: string,
    preview: Preview,
    version: number,
    key: string,
    reason: Extract<PreviewUpdate, { error: string }>['reason'],
    message: string,
  ): void {
    // The same words again would tell the person nothing new.
    const repeated = preview.failed?.message === message;
    preview.failed = { version, key, message };
    if (!repeated) this.host.send({ uri, version, error: message, reason });
  }

  private requestFor(preview: Preview, document: TextDocument, checked: { settings: Settings }): RenderRequest {
    return renderRequestOf(inputOf(document, checked.settings), 'svg', false, preview.overrides);
  }
}

function marksAndNotes(sent: Sent): { marks: PreviewMark[]; notes: string[] } {
  const { snapshot, printed, pageFindings, notes } = sent;
  const findings = [...snapshot.findings, ...pageFindings];
  const marks = previewMarks(printed, snapshot.bullets, findings, (offset) => snapshot.document.positionAt(offset));
  // What no printed bullet holds (`page-count` at the top of the file): said above the page.
  const onBullets = new Set(marks.flatMap((mark) => mark.findings));
  const pageNotes = pageFindings.filter((finding) => !onBullets.has(finding)).map((finding) => finding.message);
  return { marks: marks.map((mark) => mark.mark), notes: [...pageNotes, ...notes] };
}

/**
 * Each printed bullet with its range in the file and the messages of the
 * findings inside that range, most severe first, each message once.
 */
export function previewMarks(
  printed: readonly PrintedBullet[],
  bullets: readonly Bullet[],
  findings: readonly Finding[],
  positionAt: (offset: number) => { line: number; character: number },
): { mark: PreviewMark; findings: Finding[] }[] {
  const byId = new Map(bullets.map((bullet) => [bulletId(bullet), bullet]));
  return printed.flatMap((place) => {
    const bullet = byId.get(place.id);
    if (!bullet) return [];
    const { start, end } = bullet.range;
    const inside = findings.filter((finding) => finding.range.start >= start && finding.range.end <= end);
    return [
      {
        mark: {
          id: place.id,
          range: { start: positionAt(start), end: positionAt(end) },
          first: place.first,
          last: place.last,
          messages: groupMessages(inside),
        },
        findings: inside,
      },
    ];
  });
}

const SEVERITY_ORDER: Readonly<Record<PreviewMessage['severity'], number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The findings' messages, most severe first, then in file order; the same rule's same words once. */
export function groupMessages(findings: readonly Finding[]): PreviewMessage[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.range.start - b.range.start)
    .flatMap((finding) => {
      const key = `${finding.ruleId}\0${finding.message}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ ruleId: finding.ruleId, severity: finding.severity, message: finding.message }];
    });
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((finding, index) => finding === b[index]);
}

/** The request but its text: what else changes the page (settings, layout, rules). */
function keyOf(request: RenderRequest): string {
  return JSON.stringify({ ...request, text: undefined });
}

const UNAVAILABLE = `The preview needs the build of Bulletproof for this platform (${process.platform}-${process.arch}): this one checks resumes but cannot typeset them. Details are in the Bulletproof output.`;

/** Why there is no page, in the person's terms: the first error and its line, when there is one. */
function failureMessage(response: Extract<RenderResponse, { ok: false }>, document: TextDocument): string {
  if (response.reason !== 'unrenderable') return `The page could not be typeset: ${response.message}`;
  const first = [...response.findings].sort((a, b) => a.range.start - b.range.start)[0];
  const where = first ? ` Line ${document.positionAt(first.range.start).line + 1}: ${first.message}` : '';
  return `The resume cannot be typeset: ${response.message}.${where}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function previewOpenParams(raw: unknown): Parsed<PreviewOpenParams> {
  if (!isRecord(raw) || typeof raw.uri !== 'string') return new Invalid('expected { uri: string, settings? }');
  if (raw.settings === undefined || raw.settings === null) return { uri: raw.uri };
  // The same checks and words as `bulletproof/render`'s settings.
  const parsed = renderParams({ uri: raw.uri, output: 'svg', settings: raw.settings });
  return parsed instanceof Invalid ? parsed : { uri: raw.uri, ...(parsed.settings && { settings: parsed.settings }) };
}

function previewCloseParams(raw: unknown): Parsed<PreviewCloseParams> {
  return isRecord(raw) && typeof raw.uri === 'string' ? { uri: raw.uri } : new Invalid('expected { uri: string }');
}

/** `bulletproof/previewOpen` and `bulletproof/previewClose` on the connection, behind the guard. */
export function registerPreview(connection: Connection, guard: Guard, previews: Previews): void {
  connection.onRequest<PreviewOpenResult, void>(
    PREVIEW_OPEN_REQUEST,
    guard.request(
      PREVIEW_OPEN_REQUEST,
      previewOpenParams,
      (params) => params.uri,
      (params) => previews.open(params),
      { ok: false, message: 'Bulletproof failed to open the preview; details are in the Bulletproof output.' },
    ),
  );
  connection.onNotification(
    PREVIEW_CLOSE_NOTIFICATION,
    guard.notification(PREVIEW_CLOSE_NOTIFICATION, (raw) => {
      const params = previewCloseParams(raw);
      if (!(params instanceof Invalid)) previews.close(params.uri);
    }),
  );
}
