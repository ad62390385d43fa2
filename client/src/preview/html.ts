/**
 * The preview webview's document: a toolbar, a banner, and the pages. Only
 * the extension's own script and style run in it (a nonce, no inline code),
 * nothing remote loads, and the page itself is an image of the SVG (a blob
 * URL), so nothing in the page can run or fetch anything.
 */
import { randomBytes } from 'node:crypto';

export interface PreviewHtmlOptions {
  /** `webview.cspSource`: where the extension's media files are served from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    // The page is the SVG drawn as an image from a blob URL the script makes.
    `img-src ${cspSource} blob:`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(options: PreviewHtmlOptions): string {
  const nonce = options.nonce ?? newNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(options.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>Resume preview</title>
</head>
<body>
<div class="toolbar" role="toolbar" aria-label="Preview">
  <label>Theme <select id="theme"><option value="classic">Classic</option><option value="compact">Compact</option></select></label>
  <label>Paper <select id="paper"><option value="us-letter">US Letter</option><option value="a4">A4</option></select></label>
  <label class="toggle"><input type="checkbox" id="marks" checked> Show marks</label>
  <span id="status" class="status" aria-live="polite"></span>
</div>
<div id="banner" class="banner" role="alert" hidden></div>
<div id="notes" class="notes" hidden></div>
<main id="pages" class="pages" aria-label="Pages"><p class="waiting">Typesetting…</p></main>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
