// Form controls for the lab's and the playground's settings panels: a label tied to every control,
// values applied on `change`, nothing parsed here beyond turning text into a number (the state's
// validator decides what is allowed). Shared by both widgets.
import { h, uid } from '../dom.js';

/** A number input. onValue gets a number (NaN for empty or unparseable text). */
export function numberField({ field, label, value, onValue, step = 'any', min, max, width = '6.5em', hint }) {
  const id = uid('f');
  const input = h('input', {
    id, type: 'number', inputmode: 'decimal', step, min, max, value: String(value), 'data-field': field,
    onchange: (event) => {
      const text = event.target.value.trim();
      onValue(text === '' ? NaN : Number(text));
    },
  });
  input.style.width = width;
  const hintId = hint ? uid('hint') : null;
  if (hintId) input.setAttribute('aria-describedby', hintId);
  return h('span', { class: 'number-field' }, h('label', { for: id, text: label }), input,
    hint ? h('span', { class: 'field-hint', id: hintId, text: hint }) : null);
}

/** A select. options: [[value, text], …]. onValue gets the chosen value (a string). */
export function selectField({ field, label, value, options, onValue, disabled = [] }) {
  const id = uid('f');
  const select = h('select', { id, 'data-field': field, onchange: (event) => onValue(event.target.value) },
    options.map(([optionValue, text]) => h('option', {
      value: optionValue, text, selected: String(optionValue) === String(value), disabled: disabled.includes(optionValue),
    })));
  return h('span', { class: 'select-field' }, h('label', { for: id, text: label }), select);
}

/** A checkbox with its label after it. */
export function checkField({ field, label, checked, onChange, disabled = false }) {
  const id = uid('f');
  return h('span', { class: 'check-field' },
    h('input', { id, type: 'checkbox', checked, disabled, 'data-field': field, onchange: (event) => onChange(event.target.checked) }),
    h('label', { for: id, text: label }));
}

/** A button. kind: '' | 'primary'. */
export function button({ action, text, onClick, kind = '', disabled = false, label }) {
  return h('button', {
    type: 'button', class: `action${kind ? ` action--${kind}` : ''}`, 'data-action': action, disabled,
    'aria-label': label, onclick: onClick, text,
  });
}

/**
 * Keeps a settings form in step with the state without rebuilding it: rebuilding on every change
 * would move keyboard focus (a Tab after an edit would land nowhere). Register each control with
 * how to read its value from the state, and each hint with how to write its text.
 */
export function createBinder() {
  const bindings = [];
  return {
    /** `wrapper` holds one input or select (as numberField / selectField return); returns wrapper. */
    field(wrapper, get) {
      bindings.push({ control: wrapper.querySelector('input, select'), get });
      return wrapper;
    },
    text(element, get) {
      bindings.push({ element, get });
      return element;
    },
    /** Write the state into every control but the one being edited, and every hint. */
    refresh(state, active) {
      for (const binding of bindings) {
        if (binding.element) {
          const text = binding.get(state);
          if (binding.element.textContent !== text) binding.element.textContent = text;
        } else if (binding.control !== active) {
          const value = String(binding.get(state));
          if (binding.control.value !== value) binding.control.value = value;
        }
      }
    },
    clear() { bindings.length = 0; },
  };
}
