/**
 * The render worker: a child process of the language server that owns the
 * Typst compiler, so a native crash or leak never takes the lint server
 * down, and the server's memory stays the lint's. One request at a time,
 * over IPC: `{ id, request }` in, `{ id, response }` out.
 */
import { renderResume } from './render';
import type { RenderRequest, RenderResponse } from './protocol';

interface WorkerRequest {
  id: number;
  request: RenderRequest;
}

export interface WorkerReply {
  id: number;
  response: RenderResponse;
}

// The server went away (or stopped it): nothing to answer to, and a compiler must not outlive it.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: WorkerRequest) => {
  void renderResume(message.request)
    .catch((error: unknown): RenderResponse => ({
      ok: false,
      reason: 'failed',
      message: error instanceof Error ? error.message : String(error),
      findings: [],
    }))
    .then((response) => process.send?.({ id: message.id, response } satisfies WorkerReply));
});
