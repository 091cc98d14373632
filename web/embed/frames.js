// For pages that embed ActLab widgets as iframes: one line, and every ActLab frame on the page takes
// the height of its content (no inner scrollbar, nothing cut off), also frames added later.
//
//   <script src="https://…/embed/frames.js" async></script>
//
// Each standalone widget page (embed/widget.html) posts {type: 'actlab:resize', widget, height} to
// its parent. A message is followed only if it comes from one of this page's iframes and from the
// origin that frame's src names, and only while that frame still shows an ActLab widget page; its
// height must be a finite number of pixels. Frames that reported before this script ran are asked
// once ({type: 'actlab:measure'}, sent only to the origin of their src; not lazy ones, see below). The frames' own `height`
// attribute stays the fallback
// for readers without JavaScript. A classic script and a module alike (its one global is the flag
// that makes a second copy listen once), so `import 'actlab/frames'` works too.
(() => {
  if (window.actlabFramesListening) return;
  window.actlabFramesListening = true;
  const MAX_HEIGHT = 100000;

  /** The iframe whose window sent the message, if it shows an ActLab widget page of that origin. */
  function frameOf(event) {
    for (const frame of document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== event.source) continue;
      let src;
      try { src = new URL(frame.src, document.baseURI); } catch { return null; }
      const sameOrigin = src.origin === event.origin;
      return sameOrigin && /\/embed\/widget\.html$/.test(src.pathname) ? frame : null;
    }
    return null;
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'actlab:resize') return;
    const height = Number(data.height);
    if (!Number.isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    const frame = frameOf(event);
    if (!frame) return;
    frame.style.height = `${Math.ceil(height)}px`;
  });

  // Frames that reported before this script ran (it loads async) are asked to report again. Lazy
  // frames are not: one still off screen has not loaded (a message would reach its placeholder
  // about:blank page), and it reports itself when it does.
  for (const frame of document.querySelectorAll('iframe')) {
    try {
      const src = new URL(frame.src, document.baseURI);
      if (frame.loading !== 'lazy' && frame.contentWindow && /\/embed\/widget\.html$/.test(src.pathname)) {
        frame.contentWindow.postMessage({ type: 'actlab:measure' }, src.origin);
      }
    } catch { /* a frame without a usable src, or one that navigated elsewhere: not ours */ }
  }
})();
