// Issue 9, items 4 and 9, in Node (no browser): the several-widget hash format (old one-section links
// read exactly as before), the sentences for a refused link or field (field, value and allowed range,
// in English and Chinese), and stepper links that leave keys out.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseHash, parseHashParts, formatHash, formatHashParts, HashError, MAX_HASH_LENGTH } from '../../web/js/kit/state/hash.js';
import { linkMessage, fieldErrorMessage, invalidStateMessage } from '../../web/js/kit/state/messages.js';
import { LAB_WORDING, labFieldMessage } from '../../web/js/kit/state/lab-messages.js';
import { decodeStepperHash, encodeStepperHash, STEPPER_DEFAULTS } from '../../web/js/kit/state/stepper-codec.js';
import { validateStepperState } from '../../web/js/kit/state/stepper-schema.js';
import { decodeLabHash } from '../../web/js/kit/state/lab-codec.js';
import { validateLabState, defaultLabState } from '../../web/js/kit/state/lab-schema.js';
import { decodePlaygroundHash } from '../../web/js/kit/state/playground-codec.js';
import { validatePlaygroundState, defaultPlaygroundState } from '../../web/js/kit/state/playground-schema.js';
import { decodeLinearStackParams } from '../../web/js/kit/state/linear-stack-codec.js';
import { defaultLinearStackState } from '../../web/js/kit/state/linear-stack-schema.js';
import { chapterCodec } from '../../web/js/chapters/state.js';
import { makeTranslator, LOCALE_AREAS } from '../../web/js/kit/i18n.js';
import { defaultState as stepperDefault, PRESETS } from '../../web/js/widgets/stepper/model.js';
import { repo } from './helpers.mjs';

function translator(lang) {
  const merged = {};
  for (const file of [`${lang}.json`, ...LOCALE_AREAS.map((area) => `${area}/${lang}.json`)]) {
    Object.assign(merged, JSON.parse(fs.readFileSync(path.join(repo, 'web', 'locales', file), 'utf8')));
  }
  return makeTranslator(lang, merged);
}
const en = translator('en');
const zh = translator('zh-CN');

const SECTIONS = ['about', 'why', 'stepper', 'sigmoid', 'leaky-relu', 'lab', 'playground'];
const errorOf = (fn) => {
  try { fn(); } catch (error) {
    assert.ok(error instanceof HashError, `expected a HashError, got ${error}`);
    return error;
  }
  assert.fail('expected a HashError');
  return null;
};
const paramsOf = (hash) => parseHash(hash, SECTIONS).params;

test('a hash holds several sections; one-section links read exactly as before', () => {
  const stepper = 'stepper?v=1&in=1&h=1&act=sigmoid,sigmoid&x=1.5&t=1&loss=mse&w=0.8;-0.5&b=0.1;0.2&lr=0.5&cyc=0&step=7';
  const old = parseHash(`#${stepper}`, SECTIONS);
  const single = parseHashParts(`#${stepper}`, SECTIONS);
  assert.equal(single.section, 'stepper');
  assert.deepEqual(single.parts, [old]);
  assert.deepEqual(parseHashParts('#stepper', SECTIONS), { kind: 'anchor', section: 'stepper' });
  assert.deepEqual(parseHashParts('#main', SECTIONS, ['main']), { kind: 'anchor', section: null });
  assert.deepEqual(parseHashParts('', SECTIONS), { kind: 'empty' });

  const why = 'why?v=1&n=2&w=1.5,-0.8&b=-1,1&on=1&act=relu&r=3';
  const lab = 'lab?v=1&depth=5';
  const several = parseHashParts(`#${why}/${stepper}/${lab}`, SECTIONS);
  assert.equal(several.kind, 'state');
  assert.equal(several.section, 'why', 'the first part is where the link points');
  assert.deepEqual(several.parts.map((part) => part.section), ['why', 'stepper', 'lab']);
  assert.deepEqual(several.parts[1], old);
  assert.equal(several.parts[2].params.get('depth'), '5');
  // Writing it back gives the same text.
  const written = formatHashParts(several.parts.map((part) => [part.section, [...part.params]]));
  assert.equal(written, `#${why}/${stepper}/${lab}`);
  assert.equal(formatHashParts([]), '');
  assert.equal(formatHashParts([['lab', [['v', '1']]]]), formatHash('lab', [['v', '1']]));

  // Strict: the same rules per part, no section twice, no bare anchor among states, a length bound.
  const reasons = {
    '#stepper?v=1/stepper?v=1': 'duplicate-section',
    '#stepper?v=1/why': 'format',
    '#stepper?v=1/nowhere?v=1': 'section',
    '#stepper?v=1/lab?depth=1&depth=2': 'duplicate',
    '#stepper?v=1/lab?Depth=1': 'unknown-key',
    '#stepper?v=1/lab?depth=<b>': 'characters',
    [`#stepper?v=1/lab?v=${'1'.repeat(MAX_HASH_LENGTH)}`]: 'too-long',
    [`#${Array.from({ length: 17 }, () => 'lab?v=1').join('/')}`]: 'too-long',
  };
  for (const [hash, reason] of Object.entries(reasons)) {
    assert.equal(errorOf(() => parseHashParts(hash, SECTIONS)).reason, reason, hash);
  }
});

test('item 9: a refused link names the field, the value and the allowed range, in both languages', () => {
  const labError = errorOf(() => decodeLabHash(paramsOf('#lab?v=1&act=sigmoid')));
  const lab = { section: 'Compare', ...LAB_WORDING };
  assert.match(linkMessage(labError, en, lab), /activations: choose 2 to 5 \(the link has sigmoid\)/);
  assert.doesNotMatch(linkMessage(labError, en, lab), /not written the way/);
  assert.match(linkMessage(labError, zh, lab), /激活函数：请选 2 到 5 个（链接里是 sigmoid）/);

  const stepperError = errorOf(() => decodeStepperHash(paramsOf('#stepper?v=1&h=9999')));
  assert.equal(linkMessage(stepperError, en, { section: 'Backpropagation' }),
    'The settings for “Backpropagation” in this link could not be used — hidden layers: expected a whole number from 1 to 6 (the link has 9999). The default example is shown instead.');
  assert.match(linkMessage(stepperError, zh, { section: '反向传播' }), /隐藏层：应为 1 到 6 之间的整数（链接里是 9999）/);
  assert.doesNotMatch(linkMessage(stepperError, en), /required setting is missing/);

  // Out-of-range playground links name the field (they used to lose it).
  const playground = { section: 'Playground', ...LAB_WORDING };
  const cases = {
    '#playground?n=19': /points: expected a whole number from 20 to 2000 \(the link has 19\)/,
    '#playground?bias=3': /initial biases: expected a number from -2 to 2 \(the link has 3\)/,
    '#playground?lr=0': /learning rate: expected a number above 0 and at most 10 \(the link has 0\)/,
    '#playground?hidden=65': /hidden layer sizes: expected a whole number from 1 to 64 \(the link has 65\)/,
    '#playground?hidden=1,1,1,1,1,1,1,1,1,1,1,1,1': /hidden layer sizes: expected 1 to 12 layers/,
    '#playground?steps=10&at=11': /steps taken: more steps taken than steps to train; expected a whole number from 0 to 10 \(the link has 11\)/,
    '#playground?opt=lbfgs': /optimiser: unknown optimiser; expected one of sgd, momentum, adagrad, rmsprop, adam \(the link has lbfgs\)/,
    '#playground?lr=abc': /learning rate: expected a number above 0 and at most 10 \(the link has abc\)/,
    '#playground?zz=1': /unknown setting \(the link has zz\)/,
  };
  for (const [hash, pattern] of Object.entries(cases)) {
    assert.match(linkMessage(errorOf(() => decodePlaygroundHash(paramsOf(hash))), en, playground), pattern, hash);
  }
  assert.match(linkMessage(errorOf(() => decodePlaygroundHash(paramsOf('#playground?n=19'))), zh, playground),
    /点数：应为 20 到 2000 之间的整数（链接里是 19）/);

  // Chapter figures too.
  const sigmoid = chapterCodec({ plot: { activation: 'sigmoid' }, fields: { dep: { type: 'integer', range: [2, 20], default: 6 } } });
  assert.match(linkMessage(errorOf(() => sigmoid.decode(paramsOf('#sigmoid?dep=40'))), en), /chain depth: expected a whole number from 2 to 20 \(the link has 40\)/);
  assert.match(linkMessage(errorOf(() => sigmoid.decode(paramsOf('#sigmoid?y=9'))), en), /point: expected a number from -6 to 6 \(the link has 9\)/);
  assert.match(linkMessage(errorOf(() => decodeLinearStackParams(paramsOf('#why?n=9&w=1&b=0'))), zh), /线性映射的个数：应为 1 到 5 之间的整数（链接里是 9）/);

  // Followed in the open page, nothing was reset, and the sentence says so.
  assert.match(linkMessage(labError, en, { ...lab, kept: true }), /Nothing was changed\.$/);
  assert.doesNotMatch(linkMessage(labError, en, { ...lab, kept: true }), /default/);
  assert.match(linkMessage(labError, zh, { ...lab, kept: true }), /页面没有任何改动。$/);
  // A malformed hash as a whole.
  assert.match(linkMessage(new HashError('characters'), en), /^This link could not be used — it contains characters/);
  assert.match(invalidStateMessage(stepperError, en), /hidden layers: expected a whole number from 1 to 6 \(given: 9999\)\. The default example is shown instead\./);
});

test('item 10: a field error names the field, the value and the range, and claims no reset', () => {
  // A sentence of its own: it starts with a capital.
  const depth = errorOf(() => validateLabState({ ...defaultLabState(), depth: 40 }));
  for (const [t, field, tail] of [[en, /^Hidden layers: expected a whole number from 1 to 32 \(you entered 40\)\./, /This change was not applied\.$/],
    [zh, /^隐藏层数：应为 1 到 32 之间的整数（你填的是 40）。/, /这项修改没有生效。$/]]) {
    const message = labFieldMessage(depth, t);
    assert.match(message, field);
    assert.match(message, tail);
    assert.doesNotMatch(message, /default|link|默认|链接/);
  }
  const sizes = errorOf(() => validatePlaygroundState({ ...defaultPlaygroundState(), hidden: [8, 'x'] }));
  assert.match(labFieldMessage(sizes, en), /^Hidden layer sizes: expected a whole number from 1 to 64 \(you entered x\)/);
  const count = errorOf(() => validateLabState({ ...defaultLabState(), activations: [{ name: 'relu' }] }));
  assert.match(labFieldMessage(count, en), /^Activations: choose 2 to 5 \(you entered relu\)/);
  const plot = errorOf(() => validateStepperState({ ...stepperDefault(), lr: 12 }));
  assert.match(fieldErrorMessage(plot, en), /^Learning rate: expected a number above 0 and at most 10 \(you entered 12\)\. This change was not applied\.$/);
  assert.match(fieldErrorMessage(plot, zh), /^学习率：应为大于 0、不超过 10 的数（你填的是 12）。这项修改没有生效。$/);
  // An empty field (or text the browser cannot read as a number) has no value to name: it says so.
  const empty = errorOf(() => validateLabState({ ...defaultLabState(), lr: NaN }));
  assert.equal(labFieldMessage(empty, en),
    'Learning rate: expected a number above 0 and at most 10 (the field is empty or does not hold a number). This change was not applied.');
  assert.equal(labFieldMessage(empty, zh), '学习率：应为大于 0、不超过 10 的数（框里是空的，或者填的不是数字）。这项修改没有生效。');
});

test('item 9: stepper links accept any subset of keys and fill in the default example', () => {
  const decode = (hash) => decodeStepperHash(paramsOf(hash));
  const defaults = validateStepperState(stepperDefault());
  assert.deepEqual(decodeStepperHash(new Map()), defaults, 'no keys: the default example');
  assert.deepEqual(validateStepperState(structuredClone(STEPPER_DEFAULTS)), validateStepperState(PRESETS.chain), 'the codec\'s defaults are the widget\'s');
  assert.deepEqual(decode('#stepper?v=1&step=3'), { ...defaults, step: 3 });
  assert.deepEqual(decode('#stepper?lr=0.25&cyc=2'), { ...defaults, lr: 0.25, cycles: 2 });
  assert.deepEqual(decode('#stepper?x=-2'), { ...defaults, inputs: [-2] });
  assert.deepEqual(decode('#stepper?act=relu,sigmoid'), { ...defaults, activations: [{ name: 'relu' }, { name: 'sigmoid' }] });
  // A different shape gets values that fit it: sigmoid everywhere, inputs of 1, initialised weights.
  const wide = decode('#stepper?in=2&h=3,2');
  assert.deepEqual(wide.activations, [{ name: 'sigmoid' }, { name: 'sigmoid' }, { name: 'sigmoid' }]);
  assert.deepEqual(wide.inputs, [1, 1]);
  assert.deepEqual(wide.params, { mode: 'init', scheme: 'xavier_uniform', seed: 0 });
  assert.deepEqual(decode('#stepper?seed=4').params, { mode: 'init', scheme: 'xavier_uniform', seed: 4 });
  // What a link leaves out is filled in, and what it says is still checked.
  assert.equal(errorOf(() => decode('#stepper?v=1&h=9999')).field, 'h');
  assert.equal(errorOf(() => decode('#stepper?in=2&x=1')).reason, 'count');
  assert.equal(errorOf(() => decode('#stepper?w=1;1')).reason, 'missing');
  // A full link still round-trips.
  const state = { ...structuredClone(PRESETS['two-three-one']), step: 5 };
  assert.deepEqual(decodeStepperHash(paramsOf(formatHash('stepper', encodeStepperHash(state)))), validateStepperState(state));
});

test('every section\'s link part can be left empty: that is its default state (which stays out of the link)', () => {
  assert.deepEqual(decodeLabHash(new Map()), defaultLabState());
  assert.deepEqual(decodePlaygroundHash(new Map()), defaultPlaygroundState());
  assert.deepEqual(decodeLinearStackParams(new Map()), defaultLinearStackState());
  const codec = chapterCodec({ plot: { activation: 'sigmoid' }, fields: { dep: { type: 'integer', range: [2, 20], default: 6 } } });
  assert.deepEqual(codec.decode(new Map()), codec.defaults());
});
