// Chapter 3's figure: pick an activation and the engine checks each criterion of a usable
// activation function (DIGEST 1.3) for it, with a number for each. JS only compares the engine's
// numbers with thresholds and measures time.
import { h } from '../../kit/dom.js';
import { stackOutputs, straightness } from '../../widgets/linear-stack/compute.js';
import { formatPercent } from '../../kit/format.js';
import { figureFrame, computedFigure, selectField, fmt } from './frame.js';
import { ACTIVATION_NAMES, activationName } from '../../kit/activations.js';

/** Every activation of the engine's catalogue, each checked with its default parameters. */
export const CRITERIA_ACTIVATIONS = ACTIVATION_NAMES;
/** The chapter state this figure reads (chapters/state.js): each field, what it allows, its default. */
export const CRITERIA_FIELDS = Object.freeze({
  act: { type: 'word', words: CRITERIA_ACTIVATIONS, default: 'sigmoid' },
});
const CRITERIA = ['nonlinear', 'differentiable', 'cheap', 'monotonic', 'saturation', 'centred', 'range'];

const activationOf = (name) => ({ activation: name }); // the engine's default parameters
const evenly = (low, high, count) => Array.from({ length: count }, (_, k) => low + ((high - low) * k) / (count - 1));

function oneUnitStatistics(engine, name, xs) {
  const { activation, ...parameters } = activationOf(name);
  const response = engine.evaluate({
    input_size: 1, layers: [{ units: 1, activation, ...parameters }], weights: [[[1]]], biases: [[0]], inputs: xs.map((x) => [x]),
  });
  return response.layers[0].statistics;
}

export function timingSession(engine, name, units) {
  const { activation, ...parameters } = activationOf(name);
  return engine.createSession({
    input_size: 1, layers: [{ units, activation, ...parameters }, { units: 1, activation: 'identity' }],
    init: { scheme: 'normal', scale: 1, seed: 1 }, loss: 'mse', optimiser: { optimiser: 'sgd', learning_rate: 0.1 },
  });
}

/**
 * Forward time per unit of a 1 → 1024 → 1 network, in nanoseconds, for `name` and for identity
 * (the same network without an activation), measured in alternation; the fastest of several runs
 * of each, which is the least disturbed by whatever else the machine is doing.
 */
export function timePerUnit(engine, name, { units = 1024, rows = 128, repeats = 7 } = {}) {
  const sessions = [timingSession(engine, name, units), timingSession(engine, 'identity', units)];
  try {
    const inputs = new Float64Array(evenly(-3, 3, rows));
    for (const session of sessions) { session.predict(inputs); session.predict(inputs); } // warm-up
    const best = [Infinity, Infinity];
    for (let k = 0; k < repeats; k += 1) {
      sessions.forEach((session, index) => {
        const start = performance.now();
        session.predict(inputs);
        best[index] = Math.min(best[index], performance.now() - start);
      });
    }
    const perUnit = (ms) => (ms * 1e6) / (units * rows);
    return { time: perUnit(best[0]), identityTime: perUnit(best[1]) };
  } finally {
    for (const session of sessions) session.delete();
  }
}

/** Every criterion's measurement for one activation. */
export function measureCriteria(engine, name) {
  const stackState = { weights: [1.5, -0.8], biases: [0.5, 1] };
  const stackXs = evenly(-3, 3, 121);
  const bent = straightness(stackXs, stackOutputs(engine, stackState, name, stackXs));
  const kink = engine.evaluate({ curve: { ...activationOf(name), points: [-1e-6, 0, 1e-6] } }).curve.derivatives;
  const { activation, ...parameters } = activationOf(name);
  const check = engine.evaluate({
    input_size: 2, layers: [{ units: 4, activation, ...parameters }, { units: 1, activation: 'identity' }],
    init: { scheme: 'xavier_uniform', seed: 3 }, inputs: [[0.7, -1.3], [-0.4, 0.9]], targets: [[0.5], [-0.2]],
    gradient_check: true,
  }).gradient_check;
  const wide = evenly(-6, 6, 241);
  const curve = engine.evaluate({ curve: { ...activationOf(name), points: wide } }).curve;
  let minIndex = 0;
  curve.derivatives.forEach((d, k) => { if (d < curve.derivatives[minIndex]) minIndex = k; });
  const saturation = oneUnitStatistics(engine, name, wide).saturation_fraction;
  const mean = oneUnitStatistics(engine, name, evenly(-2, 2, 81)).activation_mean;
  const ends = engine.evaluate({ curve: { ...activationOf(name), points: [-20, -10, 10, 20] } }).curve.values;
  const cost = timePerUnit(engine, name);
  return {
    name,
    nonlinear: { deviation: bent.deviation, relative: bent.relative },
    differentiable: { left: kink[0], at: kink[1], right: kink[2], checkError: check.max_relative_error },
    cheap: cost,
    monotonic: { minDerivative: curve.derivatives[minIndex], at: wide[minIndex] },
    saturation: { share: saturation, peak: curve.peak_derivative },
    centred: { mean },
    range: { low20: ends[0], low10: ends[1], high10: ends[2], high20: ends[3] },
  };
}

function verdicts(m) {
  const kink = Math.abs(m.differentiable.right - m.differentiable.left) > 1e-3;
  const boundedBelow = Math.abs(m.range.low20 - m.range.low10) < 1e-3;
  const boundedAbove = Math.abs(m.range.high20 - m.range.high10) < 1e-3;
  return {
    nonlinear: m.nonlinear.relative > 1e-9 ? 'yes' : 'no',
    differentiable: m.differentiable.checkError < 1e-5 ? (kink ? 'partly' : 'yes') : 'no',
    cheap: m.cheap.time <= 2.5 * m.cheap.identityTime ? 'yes' : 'partly',
    monotonic: m.monotonic.minDerivative >= -1e-12 ? 'yes' : 'no',
    saturation: m.saturation.share === 0 ? 'yes' : 'no',
    centred: Math.abs(m.centred.mean) < 0.05 ? 'yes' : 'no',
    range: boundedBelow && boundedAbove ? 'bounded' : boundedBelow ? 'below' : boundedAbove ? 'above' : 'unbounded',
    kink,
  };
}

const SYMBOLS = { yes: '✓', no: '✗', partly: '◐', bounded: '↔', below: '↑', above: '↓', unbounded: '⇕' };

export function mountCriteria(host, ctx) {
  const frame = figureFrame(host, { kind: 'criteria' });
  const t = () => ctx.t;
  let measured = null;

  function describe(m, v, key) {
    const n = (value, digits) => fmt(value, digits);
    const f = activationName(t(), m.name, 'aplot.name');
    switch (key) {
      case 'nonlinear': return t()(`criteria.measure.nonlinear.${v.nonlinear}`, { deviation: n(m.nonlinear.deviation, 3) });
      case 'differentiable': return t()(
        v.differentiable === 'partly' ? 'criteria.measure.differentiable.kink' : 'criteria.measure.differentiable.smooth', {
        name: f, left: n(m.differentiable.left), at: n(m.differentiable.at), right: n(m.differentiable.right),
        error: n(m.differentiable.checkError, 2),
      });
      case 'cheap': return t()('criteria.measure.cheap', { time: n(m.cheap.time, 3), identity: n(m.cheap.identityTime, 3) });
      case 'monotonic':
        return t()(`criteria.measure.monotonic.${v.monotonic}`, {
          name: f, min: n(m.monotonic.minDerivative, 3), at: n(m.monotonic.at, 3),
        });
      case 'saturation':
        return t()(`criteria.measure.saturation.${v.saturation}`, { share: formatPercent(m.saturation.share), peak: n(m.saturation.peak) });
      case 'centred': return t()(`criteria.measure.centred.${v.centred}`, { mean: n(m.centred.mean, 3) });
      case 'range': return t()(`criteria.measure.range.${v.range}`, {
        name: f, low: n(m.range.low20, 3), high: n(m.range.high20, 3),
      });
      default: return '';
    }
  }

  function render() {
    frame.caption.textContent = t()('criteria.figure.title');
    frame.setControls(selectField({
      label: t()('criteria.figure.pick'), value: ctx.state.act, field: 'act',
      entries: CRITERIA_ACTIVATIONS.map((name) => [name, activationName(t(), name, 'aplot.option')]),
      onValue: choose,
    }).element); // (the select keeps focus: setControls morphs it in place)
    if (!measured) return;
    const v = verdicts(measured);
    frame.content.replaceChildren(h('ol', { class: 'criteria-list' }, CRITERIA.map((key) => h('li', {
      class: `criterion criterion--${v[key] === 'no' ? 'fails' : 'meets'}`, 'data-criterion': key, 'data-verdict': v[key],
    },
    h('p', { class: 'criterion-head' },
      h('span', { class: 'criterion-verdict', 'aria-hidden': 'true', text: SYMBOLS[v[key]] }),
      h('span', { class: 'criterion-name', text: t()(`criteria.name.${key}`) }),
      h('span', { class: 'criterion-verdict-text', text: t()(`criteria.verdict.${v[key]}`) })),
    h('p', { class: 'criterion-why', text: t()(`criteria.why.${key}`) }),
    h('p', { class: 'criterion-measure', text: describe(measured, v, key) })))));
    frame.summary.replaceChildren(h('p', { text: t()('criteria.figure.summary', {
      name: activationName(t(), measured.name, 'aplot.option'),
      met: String(['nonlinear', 'differentiable', 'monotonic', 'saturation', 'centred'].filter((key) => v[key] === 'yes').length),
    }) }));
  }

  function choose(name) {
    if (!CRITERIA_ACTIVATIONS.includes(name)) return;
    ctx.update({ act: name });
    figure.compute();
  }

  // The measurements (timings included) run when the figure comes near the viewport.
  const figure = computedFigure(frame, ctx, {
    calculate: (engine) => { measured = measureCriteria(engine, ctx.state.act); },
    render,
    onState: render,
  });
  return figure;
}
