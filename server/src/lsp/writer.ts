/**
 * The stdio message writer. It writes what the library's stream writer
 * writes, except that a publish is never built as one string: each diagnostic
 * goes out as the bytes `PublishedDiagnostics` encoded for it (any other is
 * encoded on the spot), the message as those pieces in one gathered write. After a keystroke a publish repeats nearly all of the
 * previous one, and `PublishedDiagnostics` hands back the diagnostics it
 * already encoded; building and encoding the message whole made two
 * short-lived copies of it per keystroke (128 KB each on a typical resume),
 * which the garbage collector then paid for.
 */
import type { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { encodeDiagnostic } from './published';

const PUBLISH_DIAGNOSTICS = 'textDocument/publishDiagnostics';
const CLOSE = Buffer.from(']}}', 'ascii');

/** The body of a message, in pieces that concatenate to its JSON. */
export function encodeMessage(message: Message): Buffer[] {
  const params = (message as { method?: unknown; params?: unknown }).params;
  if ((message as { method?: unknown }).method !== PUBLISH_DIAGNOSTICS || !isPublishParams(params)) {
    return [Buffer.from(JSON.stringify(message), 'utf8')];
  }
  const { diagnostics, ...rest } = params;
  const head = JSON.stringify(rest);
  const envelope = JSON.stringify({ ...message, params: undefined });
  const pieces = new Array<Buffer>(diagnostics.length + 2);
  pieces[0] = Buffer.from(`${openObject(envelope)}"params":${openObject(head)}"diagnostics":[`, 'utf8');
  for (const [index, diagnostic] of diagnostics.entries()) {
    const bytes = encodeDiagnostic(diagnostic);
    pieces[index + 1] = index === 0 ? bytes.subarray(1) : bytes;
  }
  pieces[diagnostics.length + 1] = CLOSE;
  return pieces;
}

/** `{"a":1}` → `{"a":1,` and `{}` → `{`: an object left open for more members. */
function openObject(json: string): string {
  return json === '{}' ? '{' : `${json.slice(0, -1)},`;
}

function isPublishParams(params: unknown): params is { diagnostics: object[] } {
  return (
    typeof params === 'object' &&
    params !== null &&
    Array.isArray((params as { diagnostics?: unknown }).diagnostics) &&
    (params as { diagnostics: unknown[] }).diagnostics.every((item) => typeof item === 'object' && item !== null)
  );
}

/**
 * Writes each message as a `Content-Length` header and its body. The pieces
 * are written while the stream is corked, so a pipe gets them in one
 * `writev`; messages never interleave because each is written whole, in the
 * order `write` is called.
 */
export class GatheringMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly stream: Writable) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = encodeMessage(message);
    const length = body.reduce((sum, piece) => sum + piece.byteLength, 0);
    return new Promise((resolve, reject) => {
      const done = (error?: Error | null) => {
        if (!error) return resolve();
        this.fireError(error, message, ++this.errorCount);
        reject(error);
      };
      this.stream.cork();
      this.stream.write(`Content-Length: ${length}\r\n\r\n`, 'ascii');
      body.forEach((piece, index) => (index === body.length - 1 ? this.stream.write(piece, done) : this.stream.write(piece)));
      this.stream.uncork();
    });
  }

  end(): void {
    this.stream.end();
  }
}
