// The learner's own points, edited on the decision-boundary plane. Mouse, pen or finger (pointer
// events): a tap adds a point of the selected class, dragging a point moves it, the eraser (or a
// right-click, or a long press) removes one. Keyboard: the plane is one tab stop with a cursor;
// arrows move it (Shift: farther), Enter or Space adds a point (erases in eraser mode), Delete or
// Backspace erases the point nearest the cursor, 1–9 pick the class. Every change is announced.
//
// The editor keeps no state of the widget's: each change hands the new list of points to
// `onChange`, and the widget applies it (and trains again); `setPoints` shows what the widget holds.
import { h, listen } from '../../kit/dom.js';

const HIT_PX = { mouse: 10, pen: 12, touch: 18 };
const LONG_PRESS_MS = 550;
const CURSOR_STEPS = 24;        // an arrow key moves the cursor 1/24 of the plane (Shift: 4×)
const MOVE_TOLERANCE_PX = 6;    // a press that moves less than this is a tap

/** Round a coordinate the learner placed to 0.01 (finer than a pixel here), so links stay short. */
const round = (x) => Math.round(x * 100) / 100;

/**
 * createPointEditor({heatmap, t, classes, onChange(points, change), onPreview(points), announce(text)})
 *   (classes: how many the keys 1 … classes pick from, for the plane's label)
 *   → {element, setPoints(points), setExtent(extent), setClass(k), setErasing(on), destroy()}
 * change: {kind: 'add' | 'move' | 'erase', point, index}.
 */
export function createPointEditor({ heatmap, t, classes = 2, onChange, onPreview, announce }) {
  let points = [];
  let extent = [-1.5, 1.5];
  let selectedClass = 1;
  let erasing = false;
  let cursor = [0, 0];
  let press = null; // {id, type, start: [px, py], index (dragged point) | -1, moved, timer}

  const cursorMark = h('div', { class: 'pg-cursor', 'aria-hidden': 'true', hidden: true });
  const element = h('div', {
    class: 'pg-plane', tabindex: '0', role: 'application', 'data-role': 'plane', 'aria-label': t('pgd.plane.label', { max: classes }),
  }, heatmap.element, cursorMark);

  const size = () => heatmap.canvas.clientWidth || 1;
  const [toData, toPixel] = [
    (px, py) => {
      const [low, high] = extent;
      return [low + (px / size()) * (high - low), high - (py / size()) * (high - low)];
    },
    (x, y) => {
      const [low, high] = extent;
      return [((x - low) / (high - low)) * size(), ((high - y) / (high - low)) * size()];
    },
  ];
  const format = (x) => x.toFixed(2).replace('-', '\u2212');
  const classWord = (k) => t('pgd.class.name', { k });

  /** The index of the point nearest to pixel (px, py) within `radius` pixels, or −1. */
  function nearest(px, py, radius) {
    let best = -1;
    let bestDistance = radius * radius;
    points.forEach(([x, y], k) => {
      const [qx, qy] = toPixel(x, y);
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d <= bestDistance) { best = k; bestDistance = d; }
    });
    return best;
  }

  function change(next, detail, message) {
    points = next;
    onChange(next, detail);
    announce(message);
  }
  function add(x, y) {
    const point = [round(x), round(y), selectedClass];
    change([...points, point], { kind: 'add', point },
      t('pgd.announce.added', { cls: classWord(selectedClass), x: format(point[0]), y: format(point[1]), count: points.length + 1 }));
  }
  function erase(index) {
    if (index < 0) { announce(t('pgd.announce.nothing')); return; }
    const [x, y, label] = points[index];
    change(points.filter((_, k) => k !== index), { kind: 'erase', index },
      t('pgd.announce.erased', { cls: classWord(label), x: format(x), y: format(y), count: points.length - 1 }));
  }

  function local(event) {
    const box = heatmap.canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }
  const inside = ([px, py]) => px >= 0 && py >= 0 && px <= size() && py <= size();

  function onPointerDown(event) {
    if (event.button === 2) return; // the context menu erases
    const at = local(event);
    if (!inside(at) || press) return;
    const radius = HIT_PX[event.pointerType] || HIT_PX.mouse;
    const index = nearest(at[0], at[1], radius);
    if (erasing) { erase(index); event.preventDefault(); return; }
    press = { id: event.pointerId, type: event.pointerType, start: at, index, moved: false, timer: null };
    element.setPointerCapture(event.pointerId);
    if (event.pointerType !== 'mouse') {
      // A long press erases the point under the finger (there is no right button on a phone).
      press.timer = setTimeout(() => {
        if (!press || press.moved) return;
        const target = nearest(press.start[0], press.start[1], radius);
        press = null;
        erase(target);
      }, LONG_PRESS_MS);
    }
    event.preventDefault();
  }

  function onPointerMove(event) {
    if (!press || event.pointerId !== press.id) return;
    const at = local(event);
    if (!press.moved && Math.hypot(at[0] - press.start[0], at[1] - press.start[1]) < MOVE_TOLERANCE_PX) return;
    press.moved = true;
    clearTimeout(press.timer);
    if (press.index < 0) return;
    const [x, y] = toData(Math.max(0, Math.min(size(), at[0])), Math.max(0, Math.min(size(), at[1])));
    press.to = [round(x), round(y)];
    onPreview(points.map((point, k) => (k === press.index ? [...press.to, point[2]] : point)));
  }

  function onPointerUp(event) {
    if (!press || event.pointerId !== press.id) return;
    const done = press;
    press = null;
    clearTimeout(done.timer);
    if (event.type === 'pointercancel') { onPreview(points); return; }
    if (done.index >= 0 && done.moved && done.to) {
      const [, , label] = points[done.index];
      const next = points.map((point, k) => (k === done.index ? [...done.to, label] : point));
      change(next, { kind: 'move', index: done.index },
        t('pgd.announce.moved', { cls: classWord(label), x: format(done.to[0]), y: format(done.to[1]) }));
    } else if (!done.moved) {
      // A tap adds a point, on top of another one too: among the generated points nearly every
      // place is within reach of one, and a tap there must not be lost.
      add(...toData(...done.start));
    }
  }

  function onContextMenu(event) {
    const at = local(event);
    if (!inside(at)) return;
    event.preventDefault();
    erase(nearest(at[0], at[1], HIT_PX.mouse));
  }

  const focused = () => element.getRootNode().activeElement === element;
  /** The keyboard cursor, shown while the plane has focus (reading the layout only then). */
  function showCursor() {
    cursorMark.hidden = !focused();
    if (cursorMark.hidden) return;
    const [px, py] = toPixel(...cursor);
    cursorMark.style.left = `${px}px`;
    cursorMark.style.top = `${py}px`;
    cursorMark.dataset.erasing = String(erasing);
  }

  function onKeyDown(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const [low, high] = extent;
    const stepSize = ((high - low) / CURSOR_STEPS) * (event.shiftKey ? 4 : 1);
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (moves[event.key]) {
      const [dx, dy] = moves[event.key];
      cursor = [
        Math.max(low, Math.min(high, cursor[0] + dx * stepSize)),
        Math.max(low, Math.min(high, cursor[1] + dy * stepSize)),
      ];
      showCursor();
      const [px, py] = toPixel(...cursor);
      const near = nearest(px, py, size() / CURSOR_STEPS);
      announce(near >= 0
        ? t('pgd.announce.cursorNear', { x: format(cursor[0]), y: format(cursor[1]), cls: classWord(points[near][2]) })
        : t('pgd.announce.cursor', { x: format(cursor[0]), y: format(cursor[1]) }));
    } else if (event.key === 'Enter' || event.key === ' ') {
      if (erasing) eraseAtCursor(); else add(...cursor);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      eraseAtCursor();
    } else if (/^[1-9]$/.test(event.key)) {
      return; // the widget's class picker handles digits (it knows how many classes there are)
    } else return;
    event.preventDefault();
  }
  function eraseAtCursor() {
    const [px, py] = toPixel(...cursor);
    erase(nearest(px, py, size() / CURSOR_STEPS * 1.5));
  }

  listen(element, {
    pointerdown: onPointerDown, pointermove: onPointerMove, pointerup: onPointerUp, pointercancel: onPointerUp,
    contextmenu: onContextMenu, keydown: onKeyDown, focus: showCursor, blur: () => { cursorMark.hidden = true; },
  });

  return {
    element,
    get points() { return points; },
    setPoints(next) { if (!press) points = next; },
    setExtent(next) {
      const text = next.join(',');
      if (element.dataset.extent === text) return;
      extent = next;
      element.dataset.extent = text;
      showCursor();
    },
    setClass(k) { selectedClass = k; },
    setErasing(on) { erasing = on; showCursor(); },
    destroy() { if (press) clearTimeout(press.timer); },
  };
}
