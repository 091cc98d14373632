// The package's description of its elements cannot drift from the code (issue 15): the committed
// custom-elements.json and types/elements.d.ts are what scripts/package-meta.mjs makes from the
// widget table now; the manifest lists every element and every attribute its adapter accepts; the
// docs name each attribute; and every widget can be set up entirely by attributes (each link key of
// its state has one, and attributes → state → attributes is the identity). No browser needed.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repo } from './helpers.mjs';
import { outputs } from '../../scripts/package-meta.mjs';
import { WIDGETS } from '../../web/js/kit/embed/widgets.js';

const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'custom-elements.json'), 'utf8'));
const declarations = manifest.modules.flatMap((module) => module.declarations);

test('custom-elements.json and types/elements.d.ts are what the widget table gives', () => {
  for (const [file, text] of Object.entries(outputs())) {
    assert.equal(fs.readFileSync(path.join(repo, file), 'utf8'), text, `${file}: run node scripts/package-meta.mjs`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
  assert.equal(pkg.customElements, 'custom-elements.json');
  assert.match(manifest.schemaVersion, /^2\./);
});

test('the manifest lists every element and every attribute the code accepts, with events and parts', async () => {
  assert.deepEqual(declarations.map((d) => d.tagName).sort(), WIDGETS.map((entry) => entry.tag).sort());
  for (const entry of WIDGETS) {
    const declaration = declarations.find((d) => d.tagName === entry.tag);
    const { adapter } = await entry.adapter();
    assert.deepEqual(declaration.attributes.map((a) => a.name).sort(), ['lang', ...adapter.attributes].sort(), entry.tag);
    assert.ok(declaration.attributes.every((a) => a.description), `${entry.tag}: every attribute is described`);
    const events = ['actlab-ready', 'actlab-change', 'actlab-statechange', ...(entry.name === 'exercise' ? ['actlab-solved'] : [])];
    assert.deepEqual(declaration.events.map((e) => e.name), events, entry.tag);
    assert.deepEqual(declaration.cssParts.map((p) => p.name), ['frame']);
    assert.ok(manifest.modules[0].exports.some((e) => e.kind === 'custom-element-definition' && e.name === entry.tag));
  }
});

test('docs/embedding.md names every attribute of every element', () => {
  const docs = fs.readFileSync(path.join(repo, 'docs/embedding.md'), 'utf8');
  const missing = WIDGETS.flatMap((entry) => entry.attributes.filter((name) => !docs.includes(`\`${name}\``)).map((name) => `${entry.tag} ${name}`));
  assert.deepEqual(missing, []);
});

test('every widget can be set up entirely by attributes: one per link key, and they give the state back', async () => {
  for (const entry of WIDGETS) {
    const { adapter } = await entry.adapter();
    const state = adapter.defaultState();
    // Every key of its link but `v`, the link format's version.
    const keys = adapter.toHash(state).split('&').map((pair) => pair.split('=')[0]).filter((key) => key !== 'v');
    const attributes = adapter.toAttributes(state);
    assert.equal(attributes.length, keys.length, `${entry.tag}: an attribute for each of ${keys.join(', ')}`);
    assert.deepEqual(adapter.fromAttributes(new Map(attributes)), state, `${entry.tag}: attributes → the same state`);
  }
});
