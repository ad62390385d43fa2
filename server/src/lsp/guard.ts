/**
 * The one guard every handler and every check runs behind. An exception is
 * a bug of ours, never the person's: it becomes one logged error (with the
 * stack, for the bug report) and one diagnostic on the document it was
 * about, and the server goes on serving. Params of the wrong shape never
 * reach a handler: the client gets an `InvalidParams` error.
 */
import { DiagnosticSeverity, ErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';
import { Invalid, type Parsed } from './params';
import { SOURCE } from './diagnostics';

export const INTERNAL_CODE = 'bulletproof/internal';

/** What the guard tells the server: a line for the log, a failure on a document. */
export interface GuardOutput {
  logError(message: string): void;
  failed(uri: string, diagnostic: Diagnostic): void;
}

/**
 * For tests only: `BULLETPROOF_TEST_FAULT=<operation>@<part of a URI>` makes
 * that operation throw for those documents, so that the guard's work can be
 * seen over the protocol. Unset, it costs one comparison per call.
 */
function faultFromEnvironment(): { operation: string; uriPart: string } | undefined {
  // No `process` in a browser worker: no fault there.
  const spec = typeof process === 'undefined' ? undefined : process.env.BULLETPROOF_TEST_FAULT;
  const at = spec?.lastIndexOf('@') ?? -1;
  return spec && at > 0 ? { operation: spec.slice(0, at), uriPart: spec.slice(at + 1) } : undefined;
}

export class Guard {
  private readonly fault = faultFromEnvironment();
  /** The last error message logged per operation and document: a check that fails on every keystroke is logged once. */
  private readonly lastLogged = new Map<string, string>();

  constructor(private readonly output: GuardOutput) {}

  /** Runs `work`; when it throws, reports and returns `fallback`. */
  run<T>(operation: string, uri: string | undefined, work: () => T, fallback: T): T {
    try {
      this.injectFault(operation, uri);
      return work();
    } catch (error) {
      this.report(operation, uri, error);
      return fallback;
    }
  }

  /** {@link run} for work that finishes later. */
  async runAsync(operation: string, uri: string | undefined, work: () => Promise<void>): Promise<void> {
    try {
      this.injectFault(operation, uri);
      await work();
    } catch (error) {
      this.report(operation, uri, error);
    }
  }

  /**
   * A request handler behind the guard: params that `parse` refuses are an
   * `InvalidParams` error, an exception is reported and answered `fallback`
   * (an empty result: the client asked nothing wrong).
   */
  request<P, R>(
    method: string,
    parse: (raw: unknown) => Parsed<P>,
    uriOf: (params: P) => string | undefined,
    handler: (params: P) => R | ResponseError<void> | Promise<R | ResponseError<void>>,
    fallback: R,
  ): (raw: unknown) => R | ResponseError<void> | Promise<R | ResponseError<void>> {
    return (raw) => {
      const params = parse(raw);
      if (params instanceof Invalid) return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${params.reason}`);
      const uri = uriOf(params);
      const result = this.run(method, uri, () => handler(params), fallback);
      if (!(result instanceof Promise)) return result;
      return result.catch((error: unknown) => {
        this.report(method, uri, error);
        return fallback;
      });
    };
  }

  /** A notification handler behind the guard; what it does with bad params is its own affair. */
  notification(method: string, handler: (raw: unknown) => void): (raw: unknown) => void {
    return (raw) => this.run(method, undefined, () => handler(raw), undefined);
  }

  /**
   * One logged error, one diagnostic on the document when there is one.
   * `what` says in the diagnostic which part failed, when not the whole check.
   */
  report(operation: string, uri: string | undefined, error: unknown, what?: string): void {
    const message = messageOf(error);
    const details = error instanceof Error && error.stack ? error.stack : message;
    const line = `Bulletproof: ${operation}${uri ? ` on ${uri}` : ''} failed: ${details}`;
    // The message, not the stack, says whether it is the same failure: a request and a check reach a rule by different paths.
    const key = `${operation}\0${uri ?? ''}`;
    if (this.lastLogged.get(key) !== message) {
      this.lastLogged.set(key, message);
      // Logging must not throw in turn: the connection may be what failed.
      try {
        this.output.logError(line);
      } catch {
        // Nowhere left to say it.
      }
    }
    if (uri !== undefined) this.output.failed(uri, internalDiagnostic(what ? `${what} failed: ${message}` : message));
  }

  /** The document is closed: its failures are forgotten. */
  forget(uri: string): void {
    for (const key of this.lastLogged.keys()) {
      if (key.endsWith(`\0${uri}`)) this.lastLogged.delete(key);
    }
  }

  private injectFault(operation: string, uri: string | undefined): void {
    if (this.fault && this.fault.operation === operation && uri?.includes(this.fault.uriPart)) {
      throw new Error(`injected fault in ${operation}`);
    }
  }
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[.\s]+$/, '') || 'an unknown error';
}

export function internalDiagnostic(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: INTERNAL_CODE,
    source: SOURCE,
    message: `Bulletproof could not check this file: ${message}. Details are in the Bulletproof output.`,
  };
}
