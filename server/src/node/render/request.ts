/**
 * A render request from a resume's text and settings: the one recipe the
 * language server and the CLI both follow, so a page looks the same made
 * from either. Plain data in and out: no Node, no protocol.
 */
import { renderPreferences, type Settings } from '../../engine/settings';
import type { ResumeFormat } from '../../engine/jsonParse';
import type { RenderSettings } from '../../engine/page/types';
import type { RenderOutput, RenderRequest } from './protocol';

export interface RenderInput {
  text: string;
  fileName?: string;
  /** Unset, the engine tells it from the text, as the text checks do. */
  format?: ResumeFormat;
  settings: Settings;
}

/**
 * The page settings one render may set over the resume's own (a preview's
 * choice, the CLI's `--theme`). The editor's protocol has the same shape
 * (`RenderSettingsOverrides` in protocol.ts), which imports nothing from here.
 */
export type RenderSettingsOverrides = Partial<RenderSettings>;

/** The request for a resume's render: its page settings (overridden for once by `overrides`) and the choices its page rules honour. */
export function renderRequestOf(
  input: RenderInput,
  output: RenderOutput,
  checks: boolean,
  overrides: RenderSettingsOverrides = {},
): RenderRequest {
  const { settings } = input;
  const render = { ...renderPreferences(settings), ...overrides };
  return {
    text: input.text,
    ...(input.fileName !== undefined && { fileName: input.fileName }),
    settings: {
      theme: render.theme,
      paper: render.paper,
      ...(render.fontSize !== undefined && { fontSize: render.fontSize }),
      ...(render.margin !== undefined && { margin: render.margin }),
    },
    output,
    checks,
    lint: {
      rules: settings.rules,
      // Left unset, the engine decides from the resume, as the text checks do.
      ...(settings.roleSet && { role: settings.role }),
      layout: settings.layout,
      ...(input.format !== undefined && { format: input.format }),
      ...(render.maxPages !== undefined && { maxPages: render.maxPages }),
    },
  };
}
