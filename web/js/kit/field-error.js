// A refused value's message, next to the field it is about. The widget did not apply the value, so
// nothing else changes: the message (from state/messages.js fieldErrorMessage) says so. The control
// gets aria-invalid="true" and aria-describedby naming the message, so a screen reader reads it
// with the field; both go away with the message. Shared by the widgets' settings.
import { uid } from './dom.js';

/**
 * What a message goes after: the row of fields that holds the control (so the row does not reflow
 * under the reader's hands), else the field's own wrapper.
 */
const WRAPPERS = ['.field-row', '.lab-activation-list', '.number-field', '.select-field', '.check-field', '.aplot-field', '.aplot-check',
  '.lstack-field', '.chapter-field'];

function wrapperOf(control) {
  for (const selector of WRAPPERS) {
    const wrapper = control.closest(selector);
    if (wrapper) return wrapper;
  }
  return control;
}

/** Marks `control` invalid and described by the message `id` (on), or takes both off again. */
export function markInvalid(control, id, on) {
  const ids = (control.getAttribute('aria-describedby') || '').split(/\s+/).filter((entry) => entry && entry !== id);
  if (on) ids.push(id);
  if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
  if (on) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

/** The control the reader changed last inside each widget root (one pair of listeners per root). */
const lastChanged = new WeakMap();
function trackChanges(root) {
  if (lastChanged.has(root)) return;
  lastChanged.set(root, null);
  const track = (event) => {
    if (event.target && event.target.matches && event.target.matches('input, select, textarea')) lastChanged.set(root, event.target);
  };
  root.addEventListener('change', track, true);
  root.addEventListener('input', track, true);
}

/**
 * fieldErrors(root, element): `element` is the message's <p>; `root` the widget (the control the
 * reader changed last inside it is what a message is about). Returns
 * {show(message, control = the last changed), clear()}. With `move`, the message moves to just
 * after the field; otherwise it stays where it is (already beside the controls).
 */
export function fieldErrors(root, element, { move = true } = {}) {
  if (!element.id) element.id = uid('field-error');
  trackChanges(root);
  let marked = null;
  const home = element.parentNode;
  const homeNext = element.nextSibling;

  function unmark() {
    if (marked) markInvalid(marked, element.id, false);
    marked = null;
  }

  return {
    show(message, control = lastChanged.get(root)) {
      unmark();
      element.hidden = !message;
      element.textContent = message || '';
      if (!message) return;
      if (control && control.isConnected && root.contains(control)) {
        if (move) wrapperOf(control).after(element);
        markInvalid(control, element.id, true);
        marked = control;
      } else if (move && !element.isConnected && home) {
        home.insertBefore(element, homeNext && homeNext.parentNode === home ? homeNext : null);
      }
    },
    clear() { this.show(null); },
  };
}
