/** The page checks in the language server, with a stand-in render service: which texts are sent to be typeset. */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PageChecks } from '../../server/src/lsp/render';
import { MAX_RENDER_CHARS } from '../../server/src/engine/limits';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { RenderRequest, RenderResponse } from '../../server/src/node/render/protocol';

describe('page checks', () => {
  async function sentFor(text: string): Promise<RenderRequest[]> {
    const document = TextDocument.create('file:///r/resume.yaml', 'yaml', 1, text);
    const sent: RenderRequest[] = [];
    let settled!: () => void;
    const done = new Promise<void>((resolve) => (settled = resolve));
    const checks = new PageChecks({
      service: {
        check: (_uri: string, request: RenderRequest): Promise<RenderResponse | undefined> => {
          sent.push(request);
          settled();
          return Promise.resolve({ ok: false, reason: 'failed', message: 'stand-in', findings: [] });
        },
      },
      document: () => document,
      checked: () => ({ resume: true, settings: DEFAULT_SETTINGS }),
      publish: () => settled(),
      log: () => undefined,
      delayMs: 0,
    });
    checks.schedule(document.uri);
    // A check that sends nothing publishes nothing either: give its timer a turn, then look.
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 200))]);
    checks.dispose();
    return sent;
  }

  it('sends a resume to be typeset', async () => {
    const sent = await sentFor('basics:\n  name: Ada\n');
    assert.deepEqual(
      sent.map((request) => request.text),
      ['basics:\n  name: Ada\n'],
    );
  });

  it('does not send a text past the render size limit', async () => {
    assert.deepEqual(await sentFor(`basics:\n  name: ${'x'.repeat(MAX_RENDER_CHARS)}\n`), []);
  });
});
