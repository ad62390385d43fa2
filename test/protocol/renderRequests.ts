/** The render requests as typed protocol requests, for the render tests. */
import { ProtocolRequestType } from 'vscode-languageserver-protocol/node';
import {
  EXPORT_PDF_REQUEST,
  RENDER_REQUEST,
  type ExportPdfParams,
  type ExportPdfResult,
  type RenderParams,
  type RenderResult,
} from '../../server/src/protocol';

export const RenderRequestType = new ProtocolRequestType<RenderParams, RenderResult, never, void, void>(RENDER_REQUEST);
export const ExportPdfRequest = new ProtocolRequestType<ExportPdfParams, ExportPdfResult, never, void, void>(EXPORT_PDF_REQUEST);
