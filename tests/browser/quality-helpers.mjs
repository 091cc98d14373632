// In-page checks for the quality tests: colour contrast of every visible piece of text (WCAG AA),
// accessible names of every control, landmarks. They walk open shadow roots too, so embedded
// widgets are checked like the page itself. Each is a function for page.evaluate().

/**
 * Every visible text (HTML text nodes and SVG <text>) whose contrast with what is behind it is
 * below WCAG AA: 4.5:1, or 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold). Disabled controls
 * are exempt (WCAG 1.4.3). Returns [{text, ratio, needed, fg, bg, where}].
 */
export function contrastFailures() {
  const parse = (value) => {
    const match = /rgba?\(([^)]+)\)/.exec(value || '');
    if (!match) return null;
    const [r, g, b, a = 1] = match[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }) => {
    const channel = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const parentOf = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const pageBackground = parse(getComputedStyle(document.documentElement).backgroundColor);
  const canvas = (pageBackground && pageBackground.a > 0) ? over(pageBackground, { r: 255, g: 255, b: 255, a: 1 })
    : (parse(getComputedStyle(document.body).backgroundColor)?.a ? over(parse(getComputedStyle(document.body).backgroundColor), { r: 255, g: 255, b: 255, a: 1 }) : { r: 255, g: 255, b: 255, a: 1 });

  /** The colour behind an HTML element: its own and its ancestors' backgrounds, composited. */
  function backgroundOf(el) {
    const layers = [];
    for (let node = el; node; node = parentOf(node)) {
      const style = getComputedStyle(node);
      if (style.backgroundImage && style.backgroundImage !== 'none') return null; // gradient or image: not measurable
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) {
        layers.push(colour);
        if (colour.a >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), canvas);
  }

  /** The fill of the SVG shape drawn under the middle of an SVG text (or the HTML behind the svg). */
  function backgroundOfSvgText(text) {
    const rect = text.getBoundingClientRect();
    const root = text.getRootNode();
    const under = (root.elementsFromPoint ? root : document).elementsFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    for (const el of under) {
      if (el === text || text.contains(el) || el.tagName === 'text' || el.tagName === 'tspan') continue;
      if (el instanceof SVGGeometryElement && !(el instanceof SVGLineElement) && !(el instanceof SVGPathElement && getComputedStyle(el).fill === 'none')) {
        const style = getComputedStyle(el);
        const fill = parse(style.fill);
        if (fill && fill.a > 0 && Number(style.fillOpacity) > 0) {
          const base = backgroundOf(el.ownerSVGElement || el);
          return base ? over({ ...fill, a: fill.a * Number(style.fillOpacity) }, base) : null;
        }
      }
      if (!(el instanceof SVGElement)) return backgroundOf(el);
    }
    return backgroundOf(text.ownerSVGElement);
  }

  function visible(el) {
    for (let node = el; node; node = parentOf(node)) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) < 1) return false;
    }
    const rect = el.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  }

  const failures = [];
  const seen = new Set();
  function check(el, textContent, fg, bg) {
    if (!fg || !bg) return;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    const shownColour = el instanceof SVGElement ? style.fill : style.color;
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const needed = large ? 3 : 4.5;
    const measured = ratio(over(fg, bg), bg);
    if (measured + 1e-6 < needed) {
      const key = `${textContent}|${style.color}`;
      if (seen.has(key)) return;
      seen.add(key);
      const where = [];
      for (let node = el; node && where.length < 4; node = parentOf(node)) where.push(`${node.tagName.toLowerCase()}${node.classList && node.classList.length ? `.${[...node.classList].join('.')}` : ''}`);
      failures.push({ text: textContent.slice(0, 40), ratio: Math.round(measured * 100) / 100, needed, fg: shownColour, bg: `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`, where: where.join(' < ') });
    }
  }

  function walk(root) {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (['SCRIPT', 'STYLE', 'OPTION', 'TITLE', 'NOSCRIPT', 'TEXTAREA'].includes(el.tagName)) continue;
      if (el.closest(':disabled, [aria-disabled="true"]')) continue;
      if (el instanceof SVGElement) {
        if (el.tagName !== 'text' || !el.textContent.trim() || !visible(el)) continue;
        const style = getComputedStyle(el);
        check(el, el.textContent.trim(), parse(style.fill), backgroundOfSvgText(el));
        continue;
      }
      const own = [...el.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.textContent).join('').trim();
      if (!own || !visible(el)) continue;
      check(el, own, parse(getComputedStyle(el).color), backgroundOf(el));
    }
  }
  walk(document);
  return failures;
}

/** Controls (in the page and in open shadow roots) with no accessible name. */
export function unlabelledControls() {
  const problems = [];
  const nameOf = (el) => {
    const root = el.getRootNode();
    if (el.getAttribute('aria-label')?.trim()) return el.getAttribute('aria-label');
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      const text = labelledBy.split(/\s+/).map((id) => root.getElementById ? root.getElementById(id)?.textContent : document.getElementById(id)?.textContent).join(' ').trim();
      if (text) return text;
    }
    if (el.labels && [...el.labels].some((label) => label.textContent.trim())) return [...el.labels].map((label) => label.textContent).join(' ');
    if (['BUTTON', 'SUMMARY', 'A'].includes(el.tagName) && el.textContent.trim()) return el.textContent;
    if (el.getAttribute('title')?.trim()) return el.getAttribute('title');
    if (el.tagName === 'IFRAME') return null;
    return null;
  };
  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  function walk(root) {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      const control = el.matches('input:not([type="hidden"]), select, textarea, button, summary, a[href], iframe, [role="slider"], [role="button"], [role="checkbox"], [role="radio"], [role="switch"], [role="spinbutton"], [role="combobox"], [role="textbox"]');
      if (!control || !visible(el) || el.closest('[aria-hidden="true"]')) continue; // hidden from assistive tech: needs no name
      if (!nameOf(el)?.trim()) problems.push(`${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}${el.dataset.field ? `[data-field=${el.dataset.field}]` : ''}`);
    }
  }
  walk(document);
  return problems;
}

/** Counts of the landmark elements (by role or element) on the page. */
export function landmarks() {
  // <header>/<footer> are banner/contentinfo unless inside article, aside, main, nav or section.
  const scoped = 'article, aside, main, nav, section';
  const top = (tag, role) => [...document.querySelectorAll(`${tag}, [role="${role}"]`)]
    .filter((el) => el.getAttribute('role') === role || !el.parentElement.closest(scoped)).length;
  return {
    banner: top('header', 'banner'),
    navigation: document.querySelectorAll('nav, [role="navigation"]').length,
    main: document.querySelectorAll('main, [role="main"]').length,
    contentinfo: top('footer', 'contentinfo'),
  };
}
