// One trace step → the equation with its actual numbers (TeX), a sentence for screen readers and
// a short note. The numbers are the step's own inputs and result, as the engine reported them.
import { texNumber, spokenNumber } from '../../kit/format.js';
import { activationEntry, activationName, activationTex } from '../../kit/activations.js';
import { isLogitGradient } from './model.js';

const asList = (value) => (Array.isArray(value) ? value.flat(Infinity) : [value]);
const n = (value) => texNumber(value);
const p = (value) => texNumber(value, { parens: true });
const d = (quantity) => `\\frac{\\partial L}{\\partial ${quantity}}`;

const sup = (l) => `^{(${l + 1})}`;
const zT = (l, j) => `z${sup(l)}_{${j + 1}}`;
const sT = (l, j) => `s${sup(l)}_{${j + 1}}`;
const aT = (l, j) => `a${sup(l)}_{${j + 1}}`;
const bT = (l, j) => `b${sup(l)}_{${j + 1}}`;
const wT = (l, j, i) => `w${sup(l)}_{${j + 1}${i + 1}}`;
/** The i-th input of layer l: x_i for the first layer, the previous layer's a_i otherwise. */
const inT = (l, i) => (l === 0 ? `x_{${i + 1}}` : aT(l - 1, i));

// The article's six: each has its own fields, its derivative written here and its own notes in words.
// Any other catalogue activation is explained generically, its f′ in TeX from activation.dtex.<name>.
const EXPLAINED = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu'];
const GREEK = { alpha: '\\alpha', beta: '\\beta' };

/** The parameters the stepper has no field for, at the values the engine used (the catalogue defaults). */
function defaulted(name, quantities = {}) {
  if (EXPLAINED.includes(name)) return [];
  return activationEntry(name).parameters.map((p) => ({ name: p.name, value: quantities[p.name] ?? p.default }));
}

function parametersTex(parameters, t) {
  return parameters.map((p) => `${GREEK[p.name] || `\\text{${t(`activation.parameter.${p.name}`)}}`} = ${n(p.value)}`).join(',\\ ');
}

/** The note, then which parameters have no field and run at their catalogue defaults ("β = 1, threshold = 20"). */
function withDefaults(note, parameters, t) {
  if (parameters.length === 0) return note;
  const list = parameters.map((p) => `${t(`activation.parameter.${p.name}`)} = ${spokenNumber(p.value, '−')}`);
  return t('note.parameters.defaults', { note, parameters: list.join(t('setup.summary.separator')) });
}

function derivativeFormula(spec, alpha, t) {
  switch (spec.name) {
    case 'identity': return '1';
    case 'sigmoid': return '\\sigma(z)\\,\\bigl(1-\\sigma(z)\\bigr)';
    case 'tanh': return '1-\\tanh^2(z)';
    case 'relu': return '\\begin{cases}1 & z>0\\\\ 0 & z\\le 0\\end{cases}';
    case 'leaky_relu': return `\\begin{cases}1 & z>0\\\\ ${n(spec.slope)} & z\\le 0\\end{cases}`;
    case 'prelu': return `\\begin{cases}1 & z>0\\\\ \\alpha${alpha === undefined ? '' : ` = ${n(alpha)}`} & z\\le 0\\end{cases}`;
    default: {
      const key = `activation.dtex.${spec.name}`;
      if (!t.has(key)) return null;
      // {threshold} and the like: a parameter written as a word is named in the page's language.
      const parameters = defaulted(spec.name);
      const formula = t(key, Object.fromEntries(parameters.map((p) => [p.name, t(`activation.parameter.${p.name}`)])));
      return parameters.length === 0 ? formula : `${formula},\\quad ${parametersTex(parameters, t)}`;
    }
  }
}

/** The local-derivative note for an activation at this z (a comparison, not a computation). */
function derivativeNote(spec, step, t) {
  const z = step.inputs.pre_activation;
  const fp = step.inputs.local_derivative;
  const positive = typeof z === 'number' && z > 0;
  switch (spec.name) {
    case 'sigmoid': return fp < 0.05 ? t('note.derivative.sigmoidSaturated') : t('note.derivative.sigmoid');
    case 'tanh': return fp < 0.1 ? t('note.derivative.tanhSaturated') : t('note.derivative.tanh');
    case 'relu': return positive ? t('note.derivative.reluOn') : t('note.derivative.reluOff');
    case 'leaky_relu': return positive ? t('note.derivative.leakyOn') : t('note.derivative.leakyOff');
    case 'prelu': return positive ? t('note.derivative.preluOn') : t('note.derivative.preluOff');
    case 'identity': return t('note.derivative.identity');
    default: return withDefaults(t('note.derivative.generic', { fn: activationName(t, spec.name) }), defaulted(spec.name), t);
  }
}

function sumTerms(weights, values, texFor) {
  return weights.map((w, k) => `{${p(w)} \\times ${p(values[k])}}`).join(' + ') || texFor;
}

function symbolicSum(count, termFor) {
  return Array.from({ length: count }, (_, k) => termFor(k)).join(' + ');
}

/**
 * describeStep(step, context, t) → {tex, localTex?, note, words}
 * context: {activations (per layer specs), loss, parameters (per layer, for PReLU α), inputSize, units}
 */
export function describeStep(step, context, t) {
  const { kind, layer: l, unit: j, inputs: q } = step;
  const r = step.result;
  const spec = l >= 0 ? context.activations[l] : null;
  const say = (value) => spokenNumber(value, t('words.minus'));
  const where = { layer: l + 1, unit: j + 1 };
  const fn = spec && activationTex(t, spec.name);
  const fnPrime = spec && `${fn}'`;
  switch (kind) {
    case 'weighted_sum': {
      const weights = asList(q.weights);
      const xs = asList(q.inputs);
      const symbolic = symbolicSum(weights.length, (i) => `{${wT(l, j, i)}\\,${inT(l, i)}}`);
      return {
        tex: `${sT(l, j)} = ${symbolic} = ${sumTerms(weights, xs)} = ${n(r)}`,
        note: t('note.weighted_sum'),
        words: t('words.weighted_sum', {
          ...where,
          terms: weights.map((w, i) => t('words.product', { a: say(w), b: say(xs[i]) })).join(t('words.plus')),
          result: say(r),
        }),
      };
    }
    case 'bias':
      return {
        tex: `${zT(l, j)} = ${sT(l, j)} + ${bT(l, j)} = {${n(q.weighted_sum)} + ${p(q.bias)}} = ${n(r)}`,
        note: t('note.bias'),
        words: t('words.bias', { ...where, s: say(q.weighted_sum), b: say(q.bias), result: say(r) }),
      };
    case 'activation': {
      const parameter = spec.name === 'leaky_relu' ? q.slope : spec.name === 'prelu' ? q.alpha : undefined;
      const sub = parameter === undefined ? '' : `_{${n(parameter)}}`;
      const definition = spec.name === 'sigmoid' ? ` = \\frac{1}{1+e^{-${p(q.pre_activation)}}}` : '';
      const parameters = defaulted(spec.name, q);
      const given = parameters.length === 0 ? '' : `\\quad(${parametersTex(parameters, t)})`;
      const own = `note.activation.${spec.name}`;
      const note = t.has(own) ? t(own, { parameter: parameter === undefined ? '' : spokenNumber(parameter, '-') })
        : withDefaults(t('note.activation.generic', { fn: activationName(t, spec.name) }), parameters, t);
      return {
        tex: `${aT(l, j)} = ${fn}${sub}(${zT(l, j)}) = ${fn}${sub}(${n(q.pre_activation)})${definition} = ${n(r)}${given}`,
        note,
        words: t('words.activation', { ...where, fn: activationName(t, spec.name), z: say(q.pre_activation), result: say(r) }),
      };
    }
    case 'loss': {
      const outputs = asList(q.outputs);
      const targets = asList(q.targets);
      const out = `a${sup(context.units.length - 1)}_{1}`;
      if (context.loss === 'bce') {
        return {
          tex: `L = -\\bigl[t\\ln ${out} + (1-t)\\ln(1-${out})\\bigr] = `
            + `-\\bigl[${n(targets[0])}\\ln ${n(outputs[0])} + (1-${n(targets[0])})\\ln(1-${n(outputs[0])})\\bigr] = ${n(r)}`,
          note: t('note.loss.bce'),
          words: t('words.loss.bce', { a: say(outputs[0]), t: say(targets[0]), result: say(r) }),
        };
      }
      const terms = outputs.map((a, k) => `(${n(a)} - ${p(targets[k])})^2`).join(' + ');
      const scale = outputs.length > 1 ? `\\frac{1}{${outputs.length}}` : '';
      return {
        tex: `L = ${scale}(${out} - t)^2 = ${scale}${terms} = ${n(r)}`,
        note: t('note.loss.mse'),
        words: t('words.loss.mse', { a: say(outputs[0]), t: say(targets[0]), result: say(r) }),
      };
    }
    case 'loss_gradient':
      if (isLogitGradient(step)) {
        return {
          tex: `${d(zT(l, j))} = \\frac{\\sigma(${zT(l, j)}) - t}{n} = \\frac{${n(q.output)} - ${p(q.target)}}{${n(q.count)}} = ${n(r)}`,
          note: t('note.loss_gradient.bce'),
          words: t('words.loss_gradient.bce', { a: say(q.output), t: say(q.target), n: say(q.count), result: say(r) }),
        };
      }
      return {
        tex: `${d(aT(l, j))} = \\frac{2(${aT(l, j)} - t)}{n} = \\frac{2(${n(q.output)} - ${p(q.target)})}{${n(q.count)}} = ${n(r)}`,
        note: t('note.loss_gradient.mse'),
        words: t('words.loss_gradient.mse', { a: say(q.output), t: say(q.target), n: say(q.count), result: say(r) }),
      };
    case 'activation_derivative': {
      const alpha = spec.name === 'prelu' ? preluAlpha(context, l, j) : undefined;
      const formula = derivativeFormula(spec, alpha, t);
      const atZ = `{${fnPrime}(${n(q.pre_activation)}) = ${n(q.local_derivative)}}`;
      const own = `derivative.${spec.name}`;
      const derivative = t.has(own) ? t(own) : t('derivative.generic', { fn: activationName(t, spec.name) });
      return {
        tex: `${d(zT(l, j))} = {${d(aT(l, j))}\\cdot ${fnPrime}(${zT(l, j)})} = `
          + `{${n(q.grad_activation)} \\times ${p(q.local_derivative)}} = ${n(r)}`,
        localTex: formula === null ? [atZ] : [`{${fnPrime}(z) = ${formula}}`, atZ],
        note: derivativeNote(spec, step, t),
        words: t('words.activation_derivative', {
          ...where, derivative, ga: say(q.grad_activation), fp: say(q.local_derivative), result: say(r),
        }),
      };
    }
    case 'alpha_gradient': {
      const positive = q.pre_activation > 0;
      return {
        tex: positive
          ? `${d('\\alpha')}\\Big|_{${zT(l, j)}} = 0 \\quad (${zT(l, j)} = ${n(q.pre_activation)} > 0)`
          : `${d('\\alpha')}\\Big|_{${zT(l, j)}} = {${d(aT(l, j))}\\cdot ${zT(l, j)}} = `
            + `{${n(q.grad_activation)} \\times ${p(q.pre_activation)}} = ${n(r)}`,
        note: t('note.alpha_gradient'),
        words: t(positive ? 'words.alpha_gradient.positive' : 'words.alpha_gradient', {
          ...where, ga: say(q.grad_activation), z: say(q.pre_activation), result: say(r),
        }),
      };
    }
    case 'bias_gradient':
      return {
        tex: `${d(bT(l, j))} = ${d(zT(l, j))}\\cdot\\frac{\\partial ${zT(l, j)}}{\\partial ${bT(l, j)}} = `
          + `{${n(q.grad_pre_activation)} \\times 1} = ${n(r)}`,
        note: t('note.bias_gradient'),
        words: t('words.bias_gradient', { ...where, result: say(r) }),
      };
    case 'weight_gradient': {
      const i = step.source;
      return {
        tex: `${d(wT(l, j, i))} = {${d(zT(l, j))}\\cdot ${inT(l, i)}} = {${n(q.grad_pre_activation)} \\times ${p(q.input)}} = ${n(r)}`,
        note: t('note.weight_gradient'),
        words: t('words.weight_gradient', { ...where, source: i + 1, gz: say(q.grad_pre_activation), x: say(q.input), result: say(r) }),
      };
    }
    case 'input_gradient': {
      const weights = asList(q.weights);
      const grads = asList(q.grad_pre_activations);
      const symbolic = symbolicSum(weights.length, (k) => `{${wT(l, k, j)}\\,${d(zT(l, k))}}`);
      const target = l === 0 ? `x_{${j + 1}}` : aT(l - 1, j);
      return {
        tex: `${d(target)} = ${symbolic} = ${sumTerms(weights, grads)} = ${n(r)}`,
        note: l === 0 ? t('note.input_gradient.inputs') : t('note.input_gradient'),
        words: t(l === 0 ? 'words.input_gradient.inputs' : 'words.input_gradient', {
          layer: l, unit: j + 1,
          terms: weights.map((w, k) => t('words.product', { a: say(w), b: say(grads[k]) })).join(t('words.plus')),
          result: say(r),
        }),
      };
    }
    default:
      return { tex: `${n(r)}`, note: '', words: say(r) };
  }
}

function preluAlpha(context, l, j) {
  const alpha = context.parameters[l] && context.parameters[l].alpha;
  if (!alpha) return undefined;
  return alpha.length === 1 ? alpha[0] : alpha[j];
}

/** The formula shown before the first step: the chain rule through an activation (figure 8). */
export const CHAIN_RULE_TEX =
  '\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial a}\\cdot f\'(z)\\cdot\\frac{\\partial z}{\\partial w},'
  + '\\qquad z = w\\,x + b,\\quad a = f(z)';
