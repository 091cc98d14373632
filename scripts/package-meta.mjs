// The package's description of its elements, made from the code so it cannot drift from it: the
// widget table (web/js/kit/embed/widgets.js) and each widget's attribute adapter give the elements
// and their attributes; this file adds the words. It writes
//   custom-elements.json   the Custom Elements Manifest (schema 2.1), package.json's `customElements`
//   types/elements.d.ts    TypeScript declarations of the elements, their attributes and events
// `node scripts/package-meta.mjs` writes both; `--check` only compares (npm's prepack and the tests
// run that, so a table changed without running this stops there).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WIDGETS } from '../web/js/kit/embed/widgets.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'dist/embed/actlab-embed.js';

/** What each widget is, in one sentence. */
const SUMMARY = {
  stepper: 'The backpropagation stepper: one operation of the forward and backward pass at a time, with the chain rule\'s numbers.',
  'activation-plot': 'An activation function and its derivative, with a movable point.',
  'linear-stack': 'Stacked linear maps stay a line; an activation after each bends them.',
  comparison: 'Several activations trained side by side: saturation, sparsity, dead units, gradient flow.',
  playground: 'One network trained on a 2-D dataset: its decision boundary and statistics.',
  exercise: 'An exercise the engine checks (numeric, formula or experiment), with hints and a worked solution.',
};

/** Each attribute's meaning; `widget attribute` overrides a shared name. docs/embedding.md has the bounds. */
const ATTRIBUTE_TEXT = {
  lang: 'Language: en or zh-CN (any en-…/zh-… tag); default: the nearest lang of the page, else English.',
  'stepper input-size': 'Number of inputs (1–4).',
  'stepper hidden-layers': 'Units per hidden layer, e.g. "3" or "3,2"; empty: none (0–3 layers of 1–6 units).',
  'stepper activations': 'One activation per layer, output last (e.g. "relu,sigmoid"; leaky_relu:<slope>, prelu:<α>, prelu_unit:<α>).',
  'stepper activation': 'Shorthand: the activation of every hidden layer (not with `activations`).',
  'stepper output-activation': 'Shorthand: the output layer\'s activation (not with `activations`).',
  'stepper inputs': 'Input values, one per input.',
  'stepper target': 'The target (BCE: 0–1).',
  'stepper loss': 'mse or bce (BCE needs a sigmoid output).',
  'stepper init': 'Initialisation when no weights are given: xavier_uniform, xavier_normal, kaiming_uniform, kaiming_normal, uniform, normal.',
  'stepper seed': 'Seed of the initialisation (0–2³²−1).',
  'stepper weights': 'Explicit weights: layers split by ";", numbers by "," (row-major).',
  'stepper biases': 'Explicit biases: layers split by ";", numbers by ",".',
  'stepper learning-rate': 'SGD learning rate (0 < lr ≤ 10).',
  'stepper updates': 'SGD updates already applied (0–1000).',
  'stepper step': 'Steps of the trace shown (0 – the end of the backward pass).',
  'activation-plot activation': 'Any activation of the engine\'s catalogue (identity, sigmoid, tanh, relu, leaky_relu, prelu, elu, gelu, …).',
  'activation-plot parameter': 'Leaky ReLU slope, PReLU α, ELU α or softplus β (only for those).',
  'activation-plot point': 'Where the movable point sits (within ±range).',
  'activation-plot range': 'The plot shows y ∈ [−range, range] (1–20, default 6).',
  'activation-plot derivative': '1 shows the derivative, 0 hides it.',
  'activation-plot compare': 'tanh only: tanh-identity (2σ(2y) − 1) or article-tanh (the article\'s formula).',
  'linear-stack layers': 'Number of linear maps (1–5).',
  'linear-stack weights': 'One weight per map.',
  'linear-stack biases': 'One bias per map.',
  'linear-stack active': '1: an activation after each map; 0: none.',
  'linear-stack activation': 'The activation after each map (switches `active` on).',
  'linear-stack range': 'x ∈ [−range, range] (1–10, default 3).',
  data: 'Dataset: circle, xor, spirals or gaussians.',
  size: 'Number of examples (20–2000).',
  noise: 'Label noise (0–1).',
  'data-seed': 'Dataset seed (0–2³²−1).',
  init: 'xavier_uniform, xavier_normal, kaiming_uniform, kaiming_normal, small or large.',
  bias: 'Initial bias (−2–2).',
  seed: 'Weight seed (0–2³²−1).',
  optimiser: 'sgd, momentum, adagrad, rmsprop or adam.',
  'learning-rate': 'Learning rate (0 < lr ≤ 10).',
  batch: 'Mini-batch size (1–1024, at most `size`).',
  steps: 'Training steps (1–20000).',
  at: 'Steps already done (0–`steps`).',
  'comparison depth': 'Layers per network (1–32).',
  'comparison width': 'Units per layer (1–256).',
  'comparison activations': '2–5 activations compared, e.g. "sigmoid,tanh,relu" (leaky_relu[:slope], prelu[:α]).',
  'playground hidden-layers': 'Units per hidden layer, e.g. "8,8" (1–12 layers of 1–64).',
  'playground activation': 'The hidden layers\' activation.',
  'exercise exercise': 'Which exercise, by id (docs/exercises.md lists them), e.g. "prelu-alpha-gradient".',
  'exercise seed': 'The variant: the seed its numbers are drawn from (shown in the widget and in its link).',
};

const attributeText = (widget, name) => ATTRIBUTE_TEXT[`${widget} ${name}`] || ATTRIBUTE_TEXT[name];

const className = (tag) => tag.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join('') + 'Element';

const CHANGE_DETAIL = '{ widget: string; state: object; attributes: Record<string, string> }';
const EVENTS = [
  { name: 'actlab-ready', type: { text: 'Event' }, description: 'The widget runs (as `ready` resolving to true).' },
  { name: 'actlab-change', type: { text: `CustomEvent<${CHANGE_DETAIL}>` },
    description: 'The state changed (the reader moved something, training advanced, an attribute changed it): the widget\'s name, its state, and the attributes that give that state.' },
  { name: 'actlab-statechange', type: { text: `CustomEvent<${CHANGE_DETAIL}>` },
    description: 'The older name of actlab-change, fired with it.', deprecated: 'Use actlab-change.' },
];
const SOLVED = { name: 'actlab-solved', type: { text: 'CustomEvent<{ exercise: string; attempts: number }>' },
  description: 'The learner solved the exercise (bubbles, crosses shadow roots): which one, after how many attempts.' };
const MEMBERS = [
  { kind: 'field', name: 'ready', type: { text: 'Promise<boolean>' }, readonly: true,
    description: 'Resolves to true once the widget runs, false if it could not start (the element says why).' },
  { kind: 'method', name: 'getState', return: { type: { text: 'object | null' } },
    description: 'A copy of the current state, or null before the widget has started.' },
];
const PARTS = [{ name: 'frame', description: 'The outer frame (border, padding, radius); nothing else inside can be styled from outside.' }];
const SLOTS = [];

function manifest() {
  const declarations = WIDGETS.map((entry) => ({
    kind: 'class',
    name: className(entry.tag),
    tagName: entry.tag,
    customElement: true,
    superclass: { name: 'HTMLElement' },
    description: `${SUMMARY[entry.name]} Content inside the tag is shown only where the element never runs (no JavaScript): put a link to the live widget there.`,
    attributes: ['lang', ...entry.attributes].map((name) => ({ name, type: { text: 'string' }, description: attributeText(entry.name, name) })),
    members: MEMBERS,
    events: entry.name === 'exercise' ? [...EVENTS, SOLVED] : EVENTS,
    slots: SLOTS,
    cssParts: PARTS,
  }));
  return {
    schemaVersion: '2.1.0',
    readme: 'docs/embedding.md',
    modules: [{
      kind: 'javascript-module',
      path: MODULE,
      description: 'Defines every ActLab element (import \'actlab/elements\', or a <script type="module"> of this file).',
      declarations,
      exports: declarations.map((declaration) => ({
        kind: 'custom-element-definition',
        name: declaration.tagName,
        declaration: { name: declaration.name, module: MODULE },
      })),
    }],
  };
}

function typings() {
  const lines = [
    '// Generated by scripts/package-meta.mjs from the widget table and its adapters: do not edit.',
    '// `import \'actlab/elements\'` defines these elements; their attributes take strings (docs/embedding.md).',
    '',
    `export interface ActlabChangeDetail {\n  widget: string;\n  /** The widget's state (the same as getState()). */\n  state: object;\n  /** The attributes that give this state: set them on a new element to show it again. */\n  attributes: Record<string, string>;\n}`,
    '',
    '/** Reserved for exercises (not fired yet): a reader solved one. */',
    'export interface ActlabSolvedDetail {\n  widget: string;\n  exercise: string;\n  state: object;\n}',
    '',
    'export interface ActlabElementEventMap extends HTMLElementEventMap {',
    '  \'actlab-ready\': Event;',
    '  \'actlab-change\': CustomEvent<ActlabChangeDetail>;',
    '  /** @deprecated the older name of actlab-change, fired with it */',
    '  \'actlab-statechange\': CustomEvent<ActlabChangeDetail>;',
    '  \'actlab-solved\': CustomEvent<ActlabSolvedDetail>;',
    '}',
    '',
    'export interface ActlabElement extends HTMLElement {',
    '  /** True once the widget runs, false if it could not start (the element says why). */',
    '  readonly ready: Promise<boolean>;',
    '  /** A copy of the current state, or null before the widget has started. */',
    '  getState(): object | null;',
    '  addEventListener<K extends keyof ActlabElementEventMap>(type: K, listener: (this: this, event: ActlabElementEventMap[K]) => unknown, options?: boolean | AddEventListenerOptions): void;',
    '  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;',
    '  removeEventListener<K extends keyof ActlabElementEventMap>(type: K, listener: (this: this, event: ActlabElementEventMap[K]) => unknown, options?: boolean | EventListenerOptions): void;',
    '  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;',
    '}',
    '',
  ];
  for (const entry of WIDGETS) {
    const name = className(entry.tag);
    lines.push(`/** The attributes of <${entry.tag}>. */`);
    lines.push(`export type ${name.replace(/Element$/, 'Attribute')} =\n  | ${['lang', ...entry.attributes].map((a) => `'${a}'`).join('\n  | ')};`);
    lines.push('');
    lines.push(`/** <${entry.tag}>: ${SUMMARY[entry.name]} */`);
    lines.push(`export interface ${name} extends ActlabElement {`);
    lines.push(`  getAttribute(name: ${name.replace(/Element$/, 'Attribute')}): string | null;`);
    lines.push('  getAttribute(name: string): string | null;');
    lines.push(`  setAttribute(name: ${name.replace(/Element$/, 'Attribute')}, value: string): void;`);
    lines.push('  setAttribute(name: string, value: string): void;');
    lines.push('}');
    lines.push('');
  }
  lines.push('declare global {');
  lines.push('  interface HTMLElementTagNameMap {');
  for (const entry of WIDGETS) lines.push(`    '${entry.tag}': ${className(entry.tag)};`);
  lines.push('  }');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function outputs() {
  const missing = WIDGETS.flatMap((entry) => ['lang', ...entry.attributes].filter((name) => !attributeText(entry.name, name))
    .map((name) => `${entry.tag} ${name}`));
  if (missing.length > 0) throw new Error(`scripts/package-meta.mjs: no description for ${missing.join(', ')}`);
  return {
    'custom-elements.json': `${JSON.stringify(manifest(), null, 2)}\n`,
    'types/elements.d.ts': typings(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = [];
  for (const [file, text] of Object.entries(outputs())) {
    const target = path.join(repo, file);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current === text) continue;
    if (check) stale.push(file);
    else fs.writeFileSync(target, text);
  }
  if (stale.length > 0) {
    console.error(`${stale.join(', ')} differ from the widget table: run node scripts/package-meta.mjs`);
    process.exit(1);
  }
}
