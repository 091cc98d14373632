// "Predict, then see": a question the reader answers before the figure under it is shown. The
// reader commits to a choice or a number (or asks, on purpose, "just show me"); only then does the
// figure appear, the engine computes the answer, and the notebook says how close the prediction
// was and why. Nothing is revealed by scrolling or by a stray click: the figure stays hidden (and,
// hidden, does not compute) until one of the two buttons is pressed.
//
// The browser remembers (localStorage 'actlab.predictions', nothing else and never sent) which
// predictions were made, so a reload shows those figures with the comparison, and whether the
// reader chose to see every figure straight away ("Show figures without asking"), which a button
// under any revealed prediction turns on and off.
//
//   predict({
//     id: 'sigmoid',                                  // strings: predict.<id>.question, .why, .choice.<value>
//     answer: {kind: 'choice', choices: ['a', 'b']}   // or {kind: 'number', min, max, unit: '%' | '', close}
//     compute(engine, ctx) → {actual, correct?, params?}   // correct: the right choice; params fill .why
//     question?: (ctx) → params for predict.<id>.question (e.g. the chapter state's numbers),
//     gate: figure block | null,                      // the figure the prediction stands before
//     bars?: (computed) → [{label, value}]           // a small live figure of engine numbers, shown with the answer
//   }) → a figure block
import { h, uid } from '../kit/dom.js';
import { formatNumber } from '../kit/format.js';
import { loadEngine, engineErrorMessage } from '../adapter/engine-loader.js';
import { readAnswer } from '../kit/exercises/answer.js';
import { whenVisible } from './figures/frame.js';

const STORE = 'actlab.predictions';

/** {skip, made: {id: guess or null}}; an unreadable or missing record is an empty one. */
function remembered() {
  try {
    const record = JSON.parse(window.localStorage.getItem(STORE) || '{}');
    return { skip: record.skip === true, made: record.made && typeof record.made === 'object' ? record.made : {} };
  } catch {
    return { skip: false, made: {} };
  }
}

function remember(change) {
  try { window.localStorage.setItem(STORE, JSON.stringify({ ...remembered(), ...change })); } catch { /* kept for this page only */ }
}

/** The choices, a group named by the question above it (a legend would make it read twice). */
function choiceGroup(spec, id, t, state, questionId) {
  const name = uid('predict');
  return h('fieldset', { class: 'prediction-choices', 'aria-labelledby': questionId },
    spec.choices.map((value) => h('label', { class: 'prediction-choice' },
      h('input', {
        type: 'radio', name, value, checked: state.guess === value,
        onchange: () => { state.guess = value; state.onGuess(); },
      }),
      ` ${t(`predict.${id}.choice.${value}`)}`)));
}

function numberField(spec, id, t, state, questionId) {
  const inputId = uid('predict-number');
  return h('div', { class: 'prediction-number' },
    h('label', { for: inputId, text: t(spec.unit === '%' ? 'predict.yourPercent' : 'predict.yourNumber') }),
    h('input', {
      id: inputId, type: 'text', inputmode: 'decimal', autocomplete: 'off', value: state.text || '', size: 8,
      'aria-describedby': questionId,
      'aria-invalid': state.problem ? 'true' : null,
      oninput: (event) => { state.text = event.target.value; state.onGuess(); },
    }));
}

/** What the reader predicted, read: {value} or {problem} (numbers must be in range). */
function readGuess(spec, state) {
  if (spec.kind === 'choice') return state.guess ? { value: state.guess } : { problem: 'none' };
  const read = readAnswer(state.text || '');
  if (read.problem) return { problem: read.problem };
  if (read.value < spec.min || read.value > spec.max) return { problem: 'range' };
  return { value: read.value };
}

function verdictText(spec, id, t, guess, computed) {
  const params = { ...(computed.params || {}) };
  const why = t(`predict.${id}.why`, params);
  if (guess === null) {
    return `${t('predict.skipped', { actual: answerLabel(spec, id, t, computed) })} ${why}`;
  }
  if (spec.kind === 'choice') {
    const right = guess === computed.correct;
    return `${t(right ? 'predict.choiceRight' : 'predict.choiceWrong', {
      guess: t(`predict.${id}.choice.${guess}`), actual: answerLabel(spec, id, t, computed),
    })} ${why}`;
  }
  const difference = Math.abs(guess - computed.actual);
  const close = difference <= spec.close;
  return `${t(close ? 'predict.numberClose' : 'predict.numberFar', {
    guess: `${formatNumber(guess, 4)}${spec.unit || ''}`, actual: answerLabel(spec, id, t, computed),
    difference: `${formatNumber(difference, 3)}${spec.unit || ''}`,
  })} ${why}`;
}

function answerLabel(spec, id, t, computed) {
  if (spec.kind === 'choice') return t(`predict.${id}.choice.${computed.correct}`);
  return `${formatNumber(computed.actual, 4)}${spec.unit || ''}`;
}

function barOf(share) {
  const bar = h('span', { class: 'prediction-bar' });
  bar.style.width = `${100 * share}%`;
  return bar;
}

/** A few engine numbers as labelled bars (a live figure for predictions that have none below them). */
function barFigure(rows, t) {
  const largest = Math.max(...rows.map((row) => Math.abs(row.value)), 1e-300);
  return h('div', {
    class: 'prediction-bars', role: 'img',
    'aria-label': rows.map((row) => `${t(row.label)}: ${formatNumber(row.value, 4)}`).join('; '),
  },
    rows.map((row) => h('div', { class: 'prediction-bar-row' },
      h('span', { class: 'prediction-bar-label', text: t(row.label) }),
      h('span', { class: 'prediction-bar-track' }, barOf(Math.abs(row.value) / largest)),
      h('span', { class: 'prediction-bar-value', text: formatNumber(row.value, 4) }))));
}

export function predict({ id, answer: spec, compute, question = () => ({}), gate = null, bars = null }) {
  return {
    figure(host, ctx) {
      let commit = null;
      // Typing or choosing only updates the commit button: the controls keep focus.
      const onGuess = () => commit && commit.setAttribute('aria-disabled', readGuess(spec, state).problem ? 'true' : 'false');
      const state = { guess: null, text: '', revealed: false, guessed: null, computed: null, error: null, onGuess };
      const box = h('aside', { class: 'prediction', 'data-prediction': id });
      const gateHost = h('div', { class: 'prediction-figure', hidden: true });
      host.append(box, gateHost);
      const gated = gate ? gate.figure(gateHost, ctx) : null;

      async function answer() {
        try {
          const engine = await loadEngine();
          state.computed = compute(engine, ctx);
        } catch (error) {
          state.error = error;
        }
        render();
        box.dataset.state = 'revealed';
      }

      function reveal(withGuess) {
        if (state.revealed) return;
        if (withGuess) {
          const read = readGuess(spec, state);
          if (read.problem) { state.problem = read.problem; render(); return; }
          state.guessed = read.value;
        }
        state.problem = null;
        state.revealed = true;
        gateHost.hidden = false;
        remember({ made: { ...remembered().made, [id]: state.guessed } });
        render();
        answer();
      }

      function setSkipping(skip) {
        // Asking again forgets the predictions made, so every figure waits for one after a reload.
        remember(skip ? { skip } : { skip, made: {} });
        render();
      }

      function render() {
        const t = ctx.t;
        const questionId = uid('predict-question');
        const parts = [
          h('p', { class: 'prediction-label', text: t('predict.label') }),
          h('p', { class: 'prediction-question', id: questionId, text: t(`predict.${id}.question`, question(ctx)) }),
        ];
        if (!state.revealed) {
          parts.push(spec.kind === 'choice' ? choiceGroup(spec, id, t, state, questionId) : numberField(spec, id, t, state, questionId));
          commit = h('button', { type: 'button', class: 'prediction-commit', onclick: () => reveal(true), text: t('predict.commit') });
          parts.push(h('div', { class: 'prediction-actions' }, commit,
            h('button', { type: 'button', class: 'prediction-skip', onclick: () => reveal(false), text: t('predict.skip') })));
          if (state.problem) {
            parts.push(h('p', {
              class: 'prediction-problem', role: 'alert',
              text: t(`predict.problem.${state.problem}`, { min: formatNumber(spec.min, 4), max: formatNumber(spec.max, 4) }),
            }));
          }
        } else if (state.error) {
          parts.push(h('p', { class: 'prediction-problem', role: 'alert', text: engineErrorMessage(state.error, t) }));
        } else if (!state.computed) {
          parts.push(h('p', { class: 'prediction-result', role: 'status', text: t('engine.loading') }));
        } else {
          parts.push(h('p', { class: 'prediction-result', role: 'status', text: verdictText(spec, id, t, state.guessed, state.computed) }));
          if (bars) parts.push(barFigure(bars(state.computed), t));
          const skipping = remembered().skip;
          parts.push(h('p', { class: 'prediction-setting' },
            h('button', {
              type: 'button', class: 'prediction-toggle', onclick: () => setSkipping(!skipping),
              text: t(skipping ? 'predict.askAgain' : 'predict.skipAll'),
            })));
        }
        box.replaceChildren(...parts);
        onGuess();
        box.dataset.outcome = state.computed && state.guessed !== null
          ? String(spec.kind === 'choice'
            ? state.guessed === state.computed.correct
            : Math.abs(state.guessed - state.computed.actual) <= spec.close)
          : '';
      }
      // Made before (or the reader sees every figure straight away): shown, compared when in view.
      const memory = remembered();
      if (memory.skip || Object.hasOwn(memory.made, id)) {
        state.revealed = true;
        state.guessed = Object.hasOwn(memory.made, id) ? memory.made[id] : null;
        gateHost.hidden = false;
        whenVisible(box, answer);
      }
      render();
      return {
        ready: gated ? gated.ready : Promise.resolve(),
        async setLang(lang, t) {
          render();
          if (gated && gated.setLang) await gated.setLang(lang, t);
        },
      };
    },
  };
}
