/**
 * What the render wiring shares: the params of `bulletproof/render` and
 * `bulletproof/exportPdf` checked, and where a resume's PDF goes. The
 * request itself is made by the render layer's `renderRequestOf`, the
 * CLI's too; it is re-exported here for the server's modules.
 */
import * as path from 'node:path';
import { checkSettings } from '../engine/settings';
import type { ExportPdfParams, RenderParams, RenderSettingsOverrides } from '../protocol';
import { Invalid, isRecord, type Parsed } from './params';

export { renderRequestOf, type RenderInput } from '../node/render/request';

const OUTPUTS: readonly RenderParams['output'][] = ['pdf', 'svg', 'typst'];

export function renderParams(raw: unknown): Parsed<RenderParams> {
  if (!isRecord(raw) || typeof raw.uri !== 'string')
    return new Invalid("expected { uri: string, output: 'pdf' | 'svg' | 'typst', settings? }");
  const output = raw.output;
  if (!OUTPUTS.includes(output as RenderParams['output']))
    return new Invalid(`output should be ${OUTPUTS.join(', ')}; not ${JSON.stringify(output)}`);
  if (raw.settings === undefined || raw.settings === null) return { uri: raw.uri, output: output as RenderParams['output'] };
  if (!isRecord(raw.settings)) return new Invalid('settings should be { theme?, paper?, fontSize?, margin? }');
  const unknown = Object.keys(raw.settings).filter((key) => !['theme', 'paper', 'fontSize', 'margin'].includes(key));
  if (unknown.length > 0) return new Invalid(`settings cannot set ${unknown.join(', ')}`);
  // The same checks as `render:` in `.bulletproof.yaml`, in the same words.
  const checked = checkSettings({ render: raw.settings });
  if (checked.problems.length > 0) return new Invalid(checked.problems.map((problem) => problem.message).join('; '));
  const { theme, paper, fontSize, margin } = checked.settings.render ?? {};
  const settings: RenderSettingsOverrides = {
    ...(theme && { theme }),
    ...(paper && { paper }),
    ...(fontSize !== undefined && { fontSize }),
    ...(margin !== undefined && { margin }),
  };
  return { uri: raw.uri, output: output as RenderParams['output'], settings };
}

export function exportPdfParams(raw: unknown): Parsed<ExportPdfParams> {
  return isRecord(raw) && typeof raw.uri === 'string' ? { uri: raw.uri } : new Invalid('expected { uri: string }');
}

/** `<folder>/<name>.pdf` for `<folder>/<name>.<ext>`: `backend.resume.yaml` → `backend.resume.pdf`. */
export function pdfPathOf(resumePath: string): string {
  const parsed = path.parse(resumePath);
  return path.join(parsed.dir, `${parsed.name}.pdf`);
}
