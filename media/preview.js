// The preview webview's script (Bulletproof). It draws the typeset pages the
// extension sends (the SVG as an image, so nothing in it can run or load),
// boxes over the printed bullets, and tells the extension about clicks and
// toolbar choices. Positions come in points; the scale is pixels per point.
/* global acquireVsCodeApi, document, window, HTMLElement, ResizeObserver */
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  const pagesEl = /** @type {HTMLElement} */ (document.getElementById('pages'));
  const bannerEl = /** @type {HTMLElement} */ (document.getElementById('banner'));
  const notesEl = /** @type {HTMLElement} */ (document.getElementById('notes'));
  const statusEl = /** @type {HTMLElement} */ (document.getElementById('status'));
  const tooltipEl = /** @type {HTMLElement} */ (document.getElementById('tooltip'));
  const themeEl = /** @type {HTMLSelectElement} */ (document.getElementById('theme'));
  const paperEl = /** @type {HTMLSelectElement} */ (document.getElementById('paper'));
  const marksEl = /** @type {HTMLInputElement} */ (document.getElementById('marks'));

  /** Room around the pages, in pixels. */
  const GUTTER = 16;
  /** The widest a page is drawn: 1.5 px per point. */
  const MAX_SCALE = 1.5;

  let state = vscode.getState() || undefined;
  /** The page on screen: the last `page` message, with its SVG. */
  let page = undefined;
  let svgUrl = undefined;
  let drawn = 0;

  if (state) applyState(state);

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message && message.type) {
      case 'options':
        state = message.state;
        vscode.setState(state);
        applyState(state);
        break;
      case 'page':
        showPage(message);
        break;
      case 'error':
        showError(message.message, message.reason);
        break;
      case 'reveal':
        reveal(message.id);
        break;
    }
  });

  function applyState(next) {
    marksEl.checked = next.showMarks;
    document.body.classList.toggle('hide-marks', !next.showMarks);
    if (next.theme) themeEl.value = next.theme;
    if (next.paper) paperEl.value = next.paper;
  }

  function showPage(message) {
    const svg = message.svg !== undefined ? message.svg : page && page.svg;
    if (svg === undefined) return;
    if (message.svg !== undefined) {
      const old = svgUrl;
      svgUrl = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      // The old image stays on screen until the new one is drawn; then its URL can go.
      if (old) setTimeout(() => URL.revokeObjectURL(old), 2000);
    }
    page = { ...message, svg };
    bannerEl.hidden = true;
    themeEl.value = message.settings.theme;
    paperEl.value = message.settings.paper;
    statusEl.textContent = `${message.pages} page${message.pages === 1 ? '' : 's'}`;
    notesEl.hidden = message.notes.length === 0;
    notesEl.replaceChildren(...message.notes.map((note) => textElement('p', note)));
    void draw();
  }

  function showError(text, reason) {
    document.body.classList.toggle('unavailable', reason === 'unavailable');
    if (reason === 'unavailable' || !page) {
      // Nothing to keep: the message takes the page's place.
      page = undefined;
      statusEl.textContent = '';
      const box = textElement('div', text);
      box.className = 'message';
      pagesEl.replaceChildren(box);
      bannerEl.hidden = true;
      return;
    }
    bannerEl.textContent = text;
    bannerEl.hidden = false;
  }

  /** Lays the pages out at the panel's width; the new images replace the old once decoded (no flash of white). */
  async function draw() {
    if (!page || !svgUrl) return;
    const ticket = ++drawn;
    const { geometry } = page;
    const available = Math.max(100, pagesEl.clientWidth - 2 * GUTTER);
    const scale = Math.min(MAX_SCALE, available / geometry.width);
    const sheets = geometry.pages.map((box, index) => sheet(box, index, geometry, scale));
    const images = sheets.map((element) => element.querySelector('img'));
    try {
      await Promise.all(images.map((image) => (image && image.decode ? image.decode() : undefined)));
    } catch {
      // Drawn anyway: a decode that fails shows what the browser can.
    }
    if (ticket !== drawn) return;
    for (const mark of page.marks) {
      for (const rect of mark.rects) {
        const index = geometry.pages.findIndex(
          (box) => rect.y + rect.height / 2 >= box.top && rect.y + rect.height / 2 < box.top + box.height,
        );
        const target = sheets[index];
        if (target) target.appendChild(markElement(mark, rect, geometry.pages[index], scale));
      }
    }
    // The box under the mouse is replaced: its tooltip would stay behind.
    tooltipEl.hidden = true;
    pagesEl.replaceChildren(...sheets);
  }

  function sheet(box, index, geometry, scale) {
    const element = document.createElement('div');
    element.className = 'sheet';
    element.style.width = `${box.width * scale}px`;
    element.style.height = `${box.height * scale}px`;
    const image = document.createElement('img');
    image.src = svgUrl;
    image.alt = `Page ${index + 1} of the resume`;
    image.draggable = false;
    image.style.width = `${geometry.width * scale}px`;
    image.style.top = `${-box.top * scale}px`;
    element.appendChild(image);
    return element;
  }

  function markElement(mark, rect, box, scale) {
    const element = document.createElement('div');
    const worst = mark.messages[0];
    element.className = worst ? `mark flagged ${worst.severity}` : 'mark';
    element.dataset.id = mark.id;
    element.style.left = `${rect.x * scale}px`;
    element.style.top = `${(rect.y - box.top) * scale}px`;
    element.style.width = `${rect.width * scale}px`;
    element.style.height = `${rect.height * scale}px`;
    element.setAttribute('role', 'button');
    element.tabIndex = 0;
    element.setAttribute(
      'aria-label',
      worst ? mark.messages.map((message) => message.message).join(' ') : 'Go to this bullet in the editor',
    );
    element.addEventListener('click', () => vscode.postMessage({ type: 'goto', id: mark.id }));
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') vscode.postMessage({ type: 'goto', id: mark.id });
    });
    if (worst) {
      element.addEventListener('mouseenter', (event) => showTooltip(mark.messages, event));
      element.addEventListener('mousemove', (event) => placeTooltip(event));
      element.addEventListener('mouseleave', () => (tooltipEl.hidden = true));
    }
    return element;
  }

  function showTooltip(messages, event) {
    tooltipEl.replaceChildren(
      ...messages.map((message) => {
        const line = document.createElement('div');
        line.className = `line ${message.severity}`;
        const rule = textElement('span', message.ruleId);
        rule.className = 'rule';
        line.append(rule, ` ${message.message}`);
        return line;
      }),
    );
    tooltipEl.hidden = false;
    placeTooltip(event);
  }

  function placeTooltip(event) {
    const x = Math.min(event.clientX + 12, window.innerWidth - tooltipEl.offsetWidth - 8);
    const below = event.clientY + 16;
    const y = below + tooltipEl.offsetHeight > window.innerHeight ? event.clientY - tooltipEl.offsetHeight - 8 : below;
    tooltipEl.style.left = `${Math.max(4, x)}px`;
    tooltipEl.style.top = `${Math.max(4, y)}px`;
  }

  /** Scrolls to the bullet (when it is out of view) and lights it up a moment. */
  function reveal(id) {
    const marks = [...pagesEl.querySelectorAll('.mark')].filter((element) => element instanceof HTMLElement && element.dataset.id === id);
    const first = marks[0];
    if (!first) return;
    const rect = first.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > window.innerHeight) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
    for (const element of marks) {
      element.classList.remove('flash');
      // Restart the animation: a reflow between removing the class and adding it again.
      void (/** @type {HTMLElement} */ (element).offsetWidth);
      element.classList.add('flash');
    }
  }

  function textElement(tag, text) {
    const element = document.createElement(tag);
    element.textContent = text;
    return element;
  }

  themeEl.addEventListener('change', () => vscode.postMessage({ type: 'settings', theme: themeEl.value, paper: paperEl.value }));
  paperEl.addEventListener('change', () => vscode.postMessage({ type: 'settings', theme: themeEl.value, paper: paperEl.value }));
  marksEl.addEventListener('change', () => {
    document.body.classList.toggle('hide-marks', !marksEl.checked);
    if (state) {
      state = { ...state, showMarks: marksEl.checked };
      vscode.setState(state);
    }
    vscode.postMessage({ type: 'marks', show: marksEl.checked });
  });

  // The panel's width sets the scale: drawn again when it changes (not when the pages' height does).
  let resizeTimer = undefined;
  let width = pagesEl.clientWidth;
  new ResizeObserver(() => {
    if (pagesEl.clientWidth === width) return;
    width = pagesEl.clientWidth;
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => void draw(), 60);
  }).observe(pagesEl);

  vscode.postMessage({ type: 'ready' });
})();
