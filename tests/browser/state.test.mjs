// The URL-hash codec and the locale files, in Node (no browser needed): strict parsing, bounds on
// every field, hostile input rejected, a round trip that reproduces the state exactly.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseHash, formatHash, HashError, MAX_HASH_LENGTH } from '../../web/js/kit/state/hash.js';
import { decodeStepperHash, encodeStepperHash } from '../../web/js/kit/state/stepper-codec.js';
import { validateStepperState } from '../../web/js/kit/state/stepper-schema.js';
import { PRESETS } from '../../web/js/widgets/stepper/model.js';
import { LOCALE_AREAS } from '../../web/js/kit/i18n.js';
import { repo } from './helpers.mjs';

// Every locale file of one language (the shell's, then one per area), merged; a key defined in two
// files is an error, as in the page.
function loadLocale(lang) {
  const files = [path.join(repo, 'web', 'locales', `${lang}.json`),
    ...LOCALE_AREAS.map((area) => path.join(repo, 'web', 'locales', area, `${lang}.json`))];
  const merged = {};
  for (const file of files) {
    for (const [key, value] of Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')))) {
      assert.ok(!(key in merged), `${path.relative(repo, file)}: key ${key} is already defined`);
      merged[key] = value;
    }
  }
  return merged;
}

const SECTIONS = ['about', 'stepper'];
const decode = (hash) => {
  const parsed = parseHash(hash, SECTIONS);
  assert.equal(parsed.kind, 'state');
  return decodeStepperHash(parsed.params);
};
const reason = (hash) => {
  try {
    decode(hash);
  } catch (error) {
    assert.ok(error instanceof HashError, `expected a HashError, got ${error}`);
    return error.reason;
  }
  return null;
};

test('every preset survives a round trip through the hash exactly', () => {
  for (const preset of Object.values(PRESETS)) {
    const state = { ...structuredClone(preset), cycles: 4, step: 7, lr: 0.125 };
    const hash = formatHash('stepper', encodeStepperHash(state));
    assert.deepEqual(decode(hash), validateStepperState(state));
  }
});

test('explicit weights keep full double precision through the hash', () => {
  const state = structuredClone(PRESETS.chain);
  state.params.weights[0][0][0] = 0.1 + 0.2;
  state.params.biases[1][0] = -1.2345678901234567e-7;
  state.activations = [{ name: 'prelu', alpha: 0.25, perUnit: true }, { name: 'sigmoid' }];
  assert.deepEqual(decode(formatHash('stepper', encodeStepperHash(state))), validateStepperState(state));
});

test('anchors and empty hashes are not state', () => {
  assert.deepEqual(parseHash('', SECTIONS), { kind: 'empty' });
  assert.deepEqual(parseHash('#stepper', SECTIONS), { kind: 'anchor', section: 'stepper' });
});

test('hostile or malformed hashes are rejected with a reason', () => {
  const base = 'in=1&h=1&act=sigmoid,sigmoid&x=1.5&t=1';
  const cases = {
    '#%3Cimg%20src=x%20onerror=alert(1)%3E': 'characters',
    '#<script>alert(1)</script>': 'characters',
    '#stepper?in=1&act=<b>': 'characters',
    '#nowhere?in=1': 'section',
    '#nowhere': 'section',
    [`#stepper?${base}&in=2`]: 'duplicate',
    [`#stepper?${base}&zz=1`]: 'unknown-key',
    [`#stepper?${base}&constructor=1`]: 'unknown-key',
    [`#stepper?${base}&__proto__=1`]: 'unknown-key',
    // Issue 9: a key left out takes the default example's value (this was 'missing').
    '#stepper?h=1&act=sigmoid,sigmoid&x=1.5&t=1': null,
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&b=0;0': 'missing',
    [`#stepper?${'a'.repeat(MAX_HASH_LENGTH + 10)}`]: 'too-long',
    '#stepper?in=999&act=sigmoid&x=1&t=1': 'range',
    '#stepper?in=1.5&act=sigmoid&x=1&t=1': 'integer',
    '#stepper?in=1&h=7&act=sigmoid,sigmoid&x=1&t=1': 'range',
    '#stepper?in=1&h=1,1,1,1&act=sigmoid,sigmoid,sigmoid,sigmoid,sigmoid&x=1&t=1': 'count',
    '#stepper?in=1&h=1&act=relu6,sigmoid&x=1&t=1': 'activation',
    '#stepper?in=1&h=1&act=sigmoid&x=1&t=1': 'count',
    '#stepper?in=2&h=1&act=sigmoid,sigmoid&x=1&t=1': 'count',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1e999&t=1': 'number',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=NaN&t=1': 'number',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=0x10&t=1': 'number',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=5000&t=1': 'range',
    '#stepper?in=1&h=1&act=sigmoid,relu&x=1&t=1&loss=bce': 'bce',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=2&loss=bce': 'range',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&loss=hinge': 'loss',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&lr=0': 'range',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&lr=11': 'range',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&cyc=1001': 'range',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&step=99999': 'range',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&init=orthogonal': 'scheme',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&seed=-1': 'integer',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&w=1;1': 'missing',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&w=1,2;1&b=0;0': 'count',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&w=1;1&b=0;0&init=zeros': 'format',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&w=1e7;1&b=0;0': 'range',
    '#stepper?in=1&h=1&act=leaky_relu:2,sigmoid&x=1&t=1': 'range',
    '#stepper?in=1&h=1&act=prelu:0.25:9,sigmoid&x=1&t=1': 'activation',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&v=2': 'version',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&lr': 'format',
    '#stepper?in=1&h=1&act=sigmoid,sigmoid&x=1&t=1&lr=1=2': 'format',
  };
  for (const [hash, expected] of Object.entries(cases)) {
    let got;
    try {
      got = reason(hash);
    } catch (error) {
      assert.fail(`${hash}: ${error}`);
    }
    assert.equal(got, expected, `hash ${hash.slice(0, 80)}`);
  }
});

test('the locale files have the same keys and the same placeholders', () => {
  const en = loadLocale('en');
  const zh = loadLocale('zh-CN');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    const placeholders = (text) => (text.match(/\{\w+\}/g) || []).sort();
    assert.deepEqual(placeholders(zh[key]), placeholders(en[key]), `placeholders of ${key}`);
    assert.ok(zh[key].trim().length > 0, `empty zh-CN string for ${key}`);
  }
});

test('every literal translation key used in web/js exists in the locales', () => {
  const en = loadLocale('en');
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push(full);
    }
  };
  walk(path.join(repo, 'web', 'js'));
  const missing = [];
  for (const file of files) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\btr?\('([a-zA-Z0-9_.-]+)'/g)) {
      if (!(match[1] in en)) missing.push(`${path.relative(repo, file)}: ${match[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('index.html has no inline script and no inline event handler', () => {
  const html = fs.readFileSync(path.join(repo, 'web', 'index.html'), 'utf8');
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(script[1], /\bsrc=/, 'every script has a src');
    assert.equal(script[2].trim(), '', 'no inline script body');
  }
  assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
});
