/**
 * A render: the resume's text to a page (PDF, SVG or Typst markup) and the
 * page rules' findings. Loads the Typst compiler on first use.
 */
import type { RenderRequest, RenderResponse } from './protocol';

export async function renderResume(request: RenderRequest): Promise<RenderResponse> {
  await Promise.resolve();
  return { ok: false, reason: 'unavailable', message: `rendering ${request.output} is not built yet`, findings: [] };
}
