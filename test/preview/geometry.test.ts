/**
 * The preview's pure parts on the client: the pages and body size read from
 * the typesetter's SVG, the boxes around printed bullets, the bullet under
 * the cursor, the webview's document and what it may send.
 */
import * as assert from 'node:assert/strict';
import { markAt, markRects, pageGeometry, type PageGeometry } from '../../client/src/preview/geometry';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import { isFromWebview, isPreviewState } from '../../client/src/preview/messages';

/** Two US Letter pages as typst-ts's `svg()` writes them: a page group each, its first block at the margin. */
function twoPages(margin = 54, scale = '0.0105'): string {
  const page = (top: number) =>
    `<g class="typst-page" transform="translate(0, ${top})" data-tid="p${top}" data-page-width="612" data-page-height="792">` +
    `<g data-tid="g${top}" class="typst-group"><g transform="translate(${margin}.000,54.000)" data-tid="b${top}">` +
    `<g data-tid="t${top}" class="typst-text" fill="#000" transform="scale(${scale},-${scale})"><use x="0" y="0" href="#g1"/></g>` +
    `<g data-tid="h${top}" class="typst-text" fill="#000" transform="scale(0.022,-0.022)"><use x="0" y="0" href="#g2"/></g>` +
    `<g data-tid="u${top}" class="typst-text" fill="#000" transform="scale(${scale},-${scale})"><use x="0" y="0" href="#g3"/></g>` +
    `</g></g></g>`;
  return `<svg class="typst-doc" viewBox="0 0 612.000 1584.000" width="612.000" height="1584.000"><style>.x{}</style>${page(0)}${page(792)}</svg>`;
}

describe('preview geometry', () => {
  it('reads each page, its margin and the body size from the SVG', () => {
    assert.deepEqual(pageGeometry(twoPages()), {
      width: 612,
      height: 1584,
      pages: [
        { top: 0, width: 612, height: 792, margin: 54 },
        { top: 792, width: 612, height: 792, margin: 54 },
      ],
      fontSize: 10.5,
    });
    const compact = pageGeometry(twoPages(36, '0.0095'));
    assert.equal(compact.pages[1]?.margin, 36);
    assert.equal(compact.fontSize, 9.5);
  });

  it('falls back to the classic margin and size when the SVG does not say', () => {
    const svg = '<svg><g class="typst-page" transform="translate(0, 0)" data-page-width="595" data-page-height="842"></g></svg>';
    assert.deepEqual(pageGeometry(svg), {
      width: 595,
      height: 842,
      pages: [{ top: 0, width: 595, height: 842, margin: 54 }],
      fontSize: 10.5,
    });
    assert.deepEqual(pageGeometry('not an svg'), { width: 0, height: 0, pages: [], fontSize: 10.5 });
  });

  const geometry: PageGeometry = pageGeometry(twoPages());

  it('boxes a bullet across the text column from its first line’s top to its last line’s bottom', () => {
    // Baselines at 201.68 and 213.84 on page 1: 0.8 em above the first, 0.3 em below the last, 3 pt beside the column.
    const rects = markRects({ first: { page: 1, x: 118, y: 201.68 }, last: { page: 1, x: 300, y: 213.84 } }, geometry);
    assert.equal(rects.length, 1);
    const [rect] = rects;
    assert.equal(rect?.x, 51);
    assert.equal(rect?.width, 510);
    assert.ok(Math.abs((rect?.y ?? 0) - (201.68 - 8.4)) < 1e-9, `top ${rect?.y}`);
    assert.ok(Math.abs((rect?.height ?? 0) - (213.84 + 3.15 - (201.68 - 8.4))) < 1e-9, `height ${rect?.height}`);
  });

  it('boxes a bullet that runs over a page break once on each page, in the SVG’s coordinates', () => {
    const rects = markRects({ first: { page: 1, x: 100, y: 730 }, last: { page: 2, x: 100, y: 66 } }, geometry);
    assert.equal(rects.length, 2);
    assert.ok(Math.abs((rects[0]?.y ?? 0) - (730 - 8.4)) < 1e-9);
    assert.ok(Math.abs((rects[0]?.y ?? 0) + (rects[0]?.height ?? 0) - (792 - 54 + 3.15)) < 1e-9, 'to the bottom margin of page 1');
    assert.ok(Math.abs((rects[1]?.y ?? 0) - (792 + 54 - 8.4)) < 1e-9, 'from the top margin of page 2');
    assert.ok(Math.abs((rects[1]?.y ?? 0) + (rects[1]?.height ?? 0) - (792 + 66 + 3.15)) < 1e-9);
  });

  it('gives no box for a page the SVG does not have', () => {
    assert.deepEqual(markRects({ first: { page: 3, x: 0, y: 10 }, last: { page: 3, x: 0, y: 10 } }, geometry), []);
  });

  it('finds the bullet that holds the cursor, its ends included', () => {
    const marks = [
      { id: 'a', range: { start: { line: 15, character: 8 }, end: { line: 15, character: 40 } } },
      { id: 'b', range: { start: { line: 16, character: 8 }, end: { line: 17, character: 4 } } },
    ];
    assert.equal(markAt(marks, { line: 15, character: 8 }), 'a');
    assert.equal(markAt(marks, { line: 15, character: 40 }), 'a');
    assert.equal(markAt(marks, { line: 17, character: 0 }), 'b');
    assert.equal(markAt(marks, { line: 15, character: 7 }), undefined);
    assert.equal(markAt(marks, { line: 17, character: 5 }), undefined);
  });
});

describe('preview webview document', () => {
  it('allows only its own script (by nonce), its own style, and blob images', () => {
    assert.equal(
      contentSecurityPolicy('https://file+.vscode-resource.example', 'abc123'),
      "default-src 'none'; img-src https://file+.vscode-resource.example blob:; style-src https://file+.vscode-resource.example; script-src 'nonce-abc123'; base-uri 'none'; form-action 'none'",
    );
    const html = previewHtml({
      cspSource: 'vscode-src',
      scriptUri: 'vscode-src/media/preview.js',
      styleUri: 'vscode-src/media/preview.css',
      nonce: 'n0nce',
    });
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, ['<script nonce="n0nce" src="vscode-src/media/preview.js">']);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-n0nce'/);
    assert.doesNotMatch(html, /\sstyle="|\son\w+="/, 'no inline style or handler');
    assert.doesNotMatch(html, /https?:\/\//, 'nothing remote');
  });

  it('a new nonce for each document', () => {
    const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
    const options = { cspSource: 's', scriptUri: 's/p.js', styleUri: 's/p.css' };
    const first = nonceOf(previewHtml(options));
    assert.ok(first && first.length >= 20);
    assert.notEqual(first, nonceOf(previewHtml(options)));
  });

  it('takes from the webview only the messages it knows, well formed', () => {
    assert.ok(isFromWebview({ type: 'ready' }));
    assert.ok(isFromWebview({ type: 'goto', id: 'work[0].highlights[1]' }));
    assert.ok(isFromWebview({ type: 'settings', theme: 'compact', paper: 'a4' }));
    assert.ok(isFromWebview({ type: 'marks', show: false }));
    assert.ok(!isFromWebview({ type: 'goto', id: 3 }));
    assert.ok(!isFromWebview({ type: 'settings', theme: 'fancy', paper: 'a4' }));
    assert.ok(!isFromWebview({ type: 'run', command: 'rm' }));
    assert.ok(!isFromWebview(null));
    assert.ok(isPreviewState({ uri: 'file:///r.yaml', showMarks: true }));
    assert.ok(!isPreviewState({ uri: 1, showMarks: true }));
  });
});
