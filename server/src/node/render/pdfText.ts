/**
 * A PDF's text as pdf.js reads it: a fair stand-in for what an applicant
 * tracking system reads. Loaded on first use (it is large).
 */
interface TextItem {
  str: string;
  hasEOL: boolean;
}

interface PdfJs {
  getDocument(source: {
    data: Uint8Array;
    useSystemFonts: boolean;
    disableFontFace: boolean;
    isEvalSupported: boolean;
    verbosity: number;
  }): {
    promise: Promise<{
      numPages: number;
      getPage(page: number): Promise<{ getTextContent(): Promise<{ items: (TextItem | object)[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

let pdfjs: Promise<PdfJs> | undefined;

function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJs>;
  return pdfjs;
}

/** The text of each page, lines ended with `\n`. */
export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const pdfJs = await loadPdfJs();
  // A copy: pdf.js takes the buffer over.
  const document = await pdfJs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
