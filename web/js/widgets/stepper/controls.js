// Step controls: reset, back, play/pause with speed, forward, jump to the end of the forward or
// backward pass; the keyboard map; and the step counter.
import { h, uid, ownsKeys } from '../../kit/dom.js';

export const SPEEDS = [0.5, 1, 2, 4]; // steps per second

/**
 * createControls(t, actions) → {element, update(status)}
 * actions: {reset, back, forward, togglePlay, endForward, endBackward, setSpeed}
 * status:  {step, total, endForward, playing, speed}
 */
export function createControls(t, actions) {
  const button = (name, symbol, onclick, keys) => h('button', {
    type: 'button', class: `control control--${name}`, 'data-action': name, onclick,
    'aria-keyshortcuts': keys,
  }, h('span', { class: 'control-symbol', 'aria-hidden': 'true', text: symbol }),
  h('span', { class: 'control-label', text: t(`controls.${name}`) }));

  const reset = button('reset', '⟲', actions.reset, 'Home');
  const back = button('back', '◀', actions.back, 'ArrowLeft');
  const play = button('play', '▶', actions.togglePlay, 'Space');
  const forward = button('forward', '▶|', actions.forward, 'ArrowRight');
  const endForward = button('endForward', '⇥', actions.endForward);
  const endBackward = button('endBackward', '⇤', actions.endBackward, 'End');
  play.setAttribute('aria-pressed', 'false');

  const speedId = uid('speed');
  const speed = h('select', {
    id: speedId, class: 'speed-select', 'data-field': 'speed', onchange: (event) => actions.setSpeed(Number(event.target.value)),
  },
    SPEEDS.map((value) => h('option', { value, text: t('controls.speedValue', { value }) })));
  const status = h('p', { class: 'step-status' });

  const element = h('div', { class: 'stepper-controls', role: 'group', 'aria-label': t('controls.group') },
    h('div', { class: 'control-row' }, reset, back, play, forward),
    h('div', { class: 'control-row' }, endForward, endBackward,
      h('span', { class: 'speed' }, h('label', { for: speedId, text: t('controls.speed') }), speed)),
    status);

  function update({ step, total, endOfForward, playing, speed: currentSpeed }) {
    back.disabled = step === 0;
    reset.disabled = step === 0;
    forward.disabled = step >= total;
    endForward.disabled = step === endOfForward;
    endBackward.disabled = step >= total;
    play.setAttribute('aria-pressed', String(playing));
    play.querySelector('.control-label').textContent = t(playing ? 'controls.pause' : 'controls.play');
    play.querySelector('.control-symbol').textContent = playing ? '❚❚' : '▶';
    speed.value = String(currentSpeed);
    const phase = step === 0 ? 'start' : step <= endOfForward ? 'forward' : 'backward';
    status.textContent = t('controls.status', { step, total, phase: t(`phase.${phase}`) });
    status.dataset.phase = phase;
    status.dataset.step = String(step);
  }

  return { element, update };
}

/** The element a shadow root hangs from, or the element itself in the light DOM. */
function outermost(element) {
  let node = element;
  while (node.getRootNode() instanceof ShadowRoot) node = node.getRootNode().host;
  return node;
}

/**
 * Keyboard for the whole widget: ArrowRight/ArrowLeft step, Space plays/pauses, Home/End jump.
 * Keys typed into form fields stay with the field; Space on a button stays the button's click.
 * The keys work whenever the pointer last touched the widget: a click on blank space focuses
 * the widget itself (tabindex −1), and if focus still ends up outside anything interactive (the
 * page body, or a container such as <main>, e.g. because the clicked button became disabled),
 * the document passes the keys on to the widget.
 */
export function bindKeyboard(root, actions) {
  const addedTabindex = !root.hasAttribute('tabindex');
  if (addedTabindex) root.setAttribute('tabindex', '-1');
  let pointerInside = false;

  const handle = (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    if (ownsKeys(event.target)) return;
    const onButton = event.target && event.target.tagName === 'BUTTON';
    const summary = event.target && event.target.tagName === 'SUMMARY';
    let handled = true;
    switch (event.key) {
      case 'ArrowRight': actions.forward(); break;
      case 'ArrowLeft': actions.back(); break;
      case 'Home': actions.reset(); break;
      case 'End': actions.endBackward(); break;
      case ' ':
      case 'Spacebar':
        if (onButton || summary) { handled = false; break; }
        actions.togglePlay();
        break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  };
  /** Focus on nothing interactive that contains the widget: the body, <html>, or <main tabindex=-1>. */
  const strayFocus = (target) => {
    if (!target || target === document.body || target === document.documentElement) return true;
    return target.getAttribute && target.getAttribute('tabindex') === '-1' && target.contains(outermost(root));
  };
  const onPointer = (event) => { pointerInside = event.composedPath().includes(root); };
  const onDocumentKey = (event) => {
    if (!pointerInside || event.composedPath().includes(root) || !strayFocus(event.target)) return;
    handle(event);
  };
  root.addEventListener('keydown', handle);
  document.addEventListener('pointerdown', onPointer, true);
  document.addEventListener('keydown', onDocumentKey);
  return () => {
    root.removeEventListener('keydown', handle);
    document.removeEventListener('pointerdown', onPointer, true);
    document.removeEventListener('keydown', onDocumentKey);
    if (addedTabindex) root.removeAttribute('tabindex');
  };
}
