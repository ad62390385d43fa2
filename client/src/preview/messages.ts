/** What the extension and the preview's script (media/preview.js) say to each other. */
import type { PreviewMessage } from '../../../server/src/protocol';
import type { PageGeometry, Rect } from './geometry';

export type Theme = 'classic' | 'compact';
export type Paper = 'us-letter' | 'a4';

/** A printed bullet as the webview draws it: boxes in points, and the messages shown on hover. */
export interface WebviewMark {
  id: string;
  rects: Rect[];
  messages: PreviewMessage[];
}

export type ToWebview =
  | {
      type: 'page';
      version: number;
      /** The new pages; absent when only the marks changed. */
      svg?: string;
      geometry: PageGeometry;
      pages: number;
      marks: WebviewMark[];
      notes: string[];
      settings: { theme: Theme; paper: Paper };
    }
  /** No new page: the last one stays under this message. */
  | { type: 'error'; message: string; reason: string }
  /** Scroll to a bullet and light it up a moment. */
  | { type: 'reveal'; id: string }
  /** What the webview keeps (`setState`) for a reload, and shows in its toolbar. */
  | { type: 'options'; state: PreviewState };

export type FromWebview =
  | { type: 'ready' }
  /** The person clicked a printed bullet. */
  | { type: 'goto'; id: string }
  | { type: 'settings'; theme: Theme; paper: Paper }
  | { type: 'marks'; show: boolean };

/** What the panel keeps across reloads of the window. */
export interface PreviewState {
  uri: string;
  theme?: Theme;
  paper?: Paper;
  showMarks: boolean;
}

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return true;
    case 'goto':
      return typeof message.id === 'string';
    case 'settings':
      return (message.theme === 'classic' || message.theme === 'compact') && (message.paper === 'us-letter' || message.paper === 'a4');
    case 'marks':
      return typeof message.show === 'boolean';
    default:
      return false;
  }
}

export function isPreviewState(value: unknown): value is PreviewState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return typeof state.uri === 'string' && typeof state.showMarks === 'boolean';
}
