// The lab's and the playground's state in Node (no browser): hash codecs round-trip every preset
// exactly, hostile or out-of-range hashes are rejected with a reason, experiment files are parsed
// strictly, and the locale files carry every key the two widgets build from names.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseHash, formatHash, HashError } from '../../web/js/kit/state/hash.js';
import { decodeLabHash, encodeLabHash } from '../../web/js/kit/state/lab-codec.js';
import { decodePlaygroundHash, encodePlaygroundHash } from '../../web/js/kit/state/playground-codec.js';
import { validateLabState, defaultLabState } from '../../web/js/kit/state/lab-schema.js';
import { validatePlaygroundState, defaultPlaygroundState } from '../../web/js/kit/state/playground-schema.js';
import { parseExperimentFile, experimentFileText, csvText } from '../../web/js/kit/state/lab-file.js';
import { ACTIVATIONS, DATASETS, INITS, OPTIMISERS } from '../../web/js/kit/state/lab-fields.js';
import { LAB_PRESETS, presetState as labPreset } from '../../web/js/widgets/lab/model.js';
import { PLAYGROUND_PRESETS, presetState as playgroundPreset } from '../../web/js/widgets/playground/model.js';
import { DEFINITIONS } from '../../web/js/kit/experiment/definitions.js';
import { activationName } from '../../web/js/kit/activations.js';
import { LANGUAGES, LOCALE_AREAS, makeTranslator } from '../../web/js/kit/i18n.js';
import { repo } from './helpers.mjs';

const SECTIONS = ['about', 'stepper', 'lab', 'playground'];
const params = (hash) => {
  const parsed = parseHash(hash, SECTIONS);
  assert.equal(parsed.kind, 'state');
  return parsed.params;
};
const reason = (decode, hash) => {
  try {
    decode(params(hash));
  } catch (error) {
    assert.ok(error instanceof HashError, `expected a HashError, got ${error}`);
    return error.reason;
  }
  return null;
};

test('every lab and playground preset survives a round trip through the hash exactly', () => {
  for (const name of Object.keys(LAB_PRESETS)) {
    const state = { ...labPreset(name), at: 37, lr: 0.0125 };
    assert.deepEqual(decodeLabHash(params(formatHash('lab', encodeLabHash(state)))), validateLabState(state), name);
  }
  for (const name of Object.keys(PLAYGROUND_PRESETS)) {
    const state = { ...playgroundPreset(name), at: 11, bias: -1.25e-3 };
    assert.deepEqual(decodePlaygroundHash(params(formatHash('playground', encodePlaygroundHash(state)))), validatePlaygroundState(state), name);
  }
  // Missing keys take the defaults.
  assert.deepEqual(decodeLabHash(params('#lab?v=1')), defaultLabState());
  assert.deepEqual(decodePlaygroundHash(params('#playground?v=1')), defaultPlaygroundState());
});

test('malformed or out-of-range lab hashes are rejected with a reason', () => {
  const cases = {
    '#lab?depth=33': 'range',
    '#lab?depth=0': 'range',
    '#lab?width=257': 'range',
    '#lab?depth=1.5': 'integer',
    '#lab?act=relu': 'activation-count',
    '#lab?act=relu,tanh,sigmoid,elu,gelu,silu': 'activation-count',
    '#lab?act=relu,relu6': 'activation',
    '#lab?act=relu,tanh:2': 'activation',
    '#lab?act=relu,leaky_relu:2': 'range',
    '#lab?act=relu,leaky_relu:0.1:3': 'activation',
    '#lab?init=ones': 'scheme',
    '#lab?data=moons': 'dataset',
    '#lab?opt=lbfgs': 'optimiser',
    '#lab?lr=0': 'range',
    '#lab?lr=abc': 'number',
    '#lab?lr=1e999': 'number',
    '#lab?noise=2': 'range',
    '#lab?n=300&batch=301': 'batch',
    '#lab?steps=10&at=11': 'at',
    '#lab?seed=4294967296': 'range',
    '#lab?seed=-1': 'integer',
    '#lab?v=2': 'version',
    '#lab?zz=1': 'unknown-key',
    '#lab?depth=3&depth=4': 'duplicate',
  };
  for (const [hash, expected] of Object.entries(cases)) {
    let got;
    try {
      got = reason(decodeLabHash, hash);
    } catch (error) {
      got = error.reason; // parseHash itself (duplicate keys)
    }
    assert.equal(got, expected, hash);
  }
});

test('malformed or out-of-range playground hashes are rejected with a reason', () => {
  const cases = {
    '#playground?hidden=': 'integer',
    '#playground?hidden=8,,8': 'integer',
    '#playground?hidden=65': 'range',
    '#playground?hidden=1,1,1,1,1,1,1,1,1,1,1,1,1': 'count',
    '#playground?act=relu,tanh': 'count',
    '#playground?act=swish': 'activation',
    '#playground?act=prelu:11': 'range',
    '#playground?bias=3': 'range',
    '#playground?n=19': 'range',
    '#playground?steps=0': 'range',
    '#playground?at=1501': 'at',
  };
  for (const [hash, expected] of Object.entries(cases)) assert.equal(reason(decodePlaygroundHash, hash), expected, hash);
  assert.throws(() => parseHash('#playground?act=<script>', SECTIONS), (error) => error.reason === 'characters');
});

test('state objects from a host page are held to the same rules', () => {
  const good = defaultLabState();
  assert.throws(() => validateLabState({ ...good, extra: 1 }), (e) => e.reason === 'unknown-key');
  assert.throws(() => validateLabState({ ...good, depth: '10' }), (e) => e.reason === 'integer');
  assert.throws(() => validateLabState({ ...good, activations: [{ name: 'relu' }, { name: 'tanh', slope: 1 }] }), (e) => e.reason === 'unknown-key');
  assert.throws(() => validateLabState(null), (e) => e.reason === 'type');
  const { at, ...missing } = good;
  assert.throws(() => validateLabState(missing), (e) => e.reason === 'missing');
  assert.throws(() => validatePlaygroundState({ ...defaultPlaygroundState(), hidden: [] }), (e) => e.reason === 'count');
});

test('experiment files: strict parsing, and what is exported can be imported again', () => {
  const state = labPreset('dead-relu');
  const text = experimentFileText('actlab-lab', state, { step: 0, columns: [] });
  assert.deepEqual(parseExperimentFile(text, 'actlab-lab', validateLabState), state);
  const bad = (input) => {
    try { parseExperimentFile(input, 'actlab-lab', validateLabState); } catch (error) { return `${error.reason}${error.field ? `:${error.field}` : ''}`; }
    return null;
  };
  assert.equal(bad('{ not json'), 'json');
  assert.equal(bad('[]'), 'file-kind');
  assert.equal(bad('null'), 'file-kind');
  assert.equal(bad(JSON.stringify({ format: 'actlab-playground', version: 1, settings: state })), 'file-kind');
  assert.equal(bad(JSON.stringify({ format: 'actlab-lab', version: 2, settings: state })), 'version:v');
  assert.equal(bad(JSON.stringify({ format: 'actlab-lab', version: 1 })), 'missing:state');
  assert.equal(bad(JSON.stringify({ format: 'actlab-lab', version: 1, settings: { ...state, depth: 99 } })), 'range:depth');
  assert.equal(bad('x'.repeat(6 * 1024 * 1024)), 'file-size');
  assert.equal(csvText(['a', 'b'], [[1.5, 'x,"y"'], [NaN, null]]), 'a,b\r\n1.5,"x,""y"""\r\n,\r\n');
});

test('the locale files define every key the widgets build from names, in both languages', () => {
  const load = (lang) => JSON.parse(fs.readFileSync(path.join(repo, 'web', 'locales', 'lab', `${lang}.json`), 'utf8'));
  const en = load('en');
  const zh = load('zh-CN');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const needed = [
    ...DATASETS.map((name) => `lab.dataset.${name}`),
    ...INITS.map((name) => `lab.init.${name}`),
    ...OPTIMISERS.map((name) => `lab.opt.${name}`),
    ...Object.keys(DEFINITIONS).flatMap((key) => [`lab.stat.${key}`, `lab.def.${key}`]),
    ...['test', 'saturation', 'sparsity', 'dead', 'forEvery', 'accuracy'].map((word) => `lab.tex.${word}`),
    ...Object.keys(LAB_PRESETS).flatMap((name) => [`lab.preset.${name}`, `lab.preset.${name}.about`]),
    ...Object.keys(PLAYGROUND_PRESETS).flatMap((name) => [`pg.preset.${name}`, `pg.preset.${name}.about`]),
    ...['v', 'data', 'n', 'noise', 'dseed', 'depth', 'width', 'init', 'bias', 'seed', 'act', 'opt', 'lr', 'batch', 'steps', 'at', 'hidden', 'state'].map((f) => `lab.field.${f}`),
  ];
  for (const key of needed) {
    assert.ok(key in en, `en: ${key}`);
    assert.ok(key in zh, `zh-CN: ${key}`);
  }
  // Every activation of the catalogue has a name in the lab (its own wording, else the shell's activation.<name>).
  for (const lang of LANGUAGES) {
    const files = ['', ...LOCALE_AREAS.map((area) => `${area}/`)].map((dir) => path.join(repo, 'web', 'locales', `${dir}${lang}.json`));
    const t = makeTranslator(lang, Object.assign({}, ...files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')))));
    for (const name of ACTIVATIONS) assert.ok(!activationName(t, name, 'lab.act').includes('\u27e6'), `${lang}: ${name}`);
  }
  // Placeholders match between the languages.
  const names = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(en)) assert.deepEqual(names(zh[key]), names(en[key]), key);
});
