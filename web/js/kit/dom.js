// Tiny DOM helpers. Text always goes in through textContent / createTextNode, never as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = String(value);
    else if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/** h('button', {class: 'x', onclick: fn, text: 'Go'}, ...children) */
export function h(tag, attrs, ...children) {
  return append(apply(document.createElement(tag), attrs), children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), attrs), children);
}

let counter = 0;
/** A document-unique id, so two widgets on one page never share ids. */
export function uid(prefix = 'al') {
  counter += 1;
  return `${prefix}-${counter}`;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Is this element one where the arrow keys and Space belong to the element itself? */
export function ownsKeys(element) {
  if (!element || !element.tagName) return false;
  const tag = element.tagName.toLowerCase();
  return tag === 'input' || tag === 'select' || tag === 'textarea' || element.isContentEditable;
}

/** listen(target, {type: handler, …}) → remove(): adds the handlers; calling remove() takes them all off again. */
export function listen(target, handlers) {
  const entries = Object.entries(handlers);
  for (const [type, handler] of entries) target.addEventListener(type, handler);
  return () => { for (const [type, handler] of entries) target.removeEventListener(type, handler); };
}

/** A task boundary: lets the browser paint and handle input before the caller goes on. */
export const yieldToBrowser = () => new Promise((resolve) => { setTimeout(resolve, 0); });

/** Move to a section without touching the hash (which holds a widget's state). */
export function goToSection(id) {
  const section = document.getElementById(id);
  if (!section) return false;
  section.scrollIntoView({ block: 'start' });
  const heading = document.getElementById(`${id}-title`);
  if (heading) heading.focus({ preventScroll: true });
  return true;
}

